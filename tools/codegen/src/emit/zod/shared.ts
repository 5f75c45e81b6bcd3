/**
 * Common subexpressions, for both schema expressions and TypeScript types. While rendering,
 * every composite expression (and every object type) is interned: identical text, identical
 * token. Afterwards each one used more than once becomes a module declaration — `const $cN = …`
 * or `type $TN = …` — emitted just before the first declaration that needs it, and the others are
 * inlined. GitHub's spec repeats large inline objects (webhook payloads) hundreds of times: this
 * keeps the module small, fast to type-check and light at runtime. Declarations are expanded in
 * output order, so a constant always follows the components its (non-lazy) references point at.
 */
import { indentType } from "./ts-type.js";

export class Interner {
  readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly open: string,
    private readonly close: string,
  ) {}

  token(text: string): string {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return `${this.open}${id}${this.close}`;
  }
}


const EXPR_TOKEN = /\u0001(\d+)\u0002/g;
const TYPE_TOKEN = /\u0003(\d+)\u0004/g;
const ANY_TOKEN = /([\u0001\u0003])(\d+)[\u0002\u0004]/g;

class Table {
  readonly count: number[];
  readonly names = new Map<number, string>();
  next = 0;

  constructor(
    readonly texts: readonly string[],
    readonly token: RegExp,
    roots: string[],
  ) {
    this.count = new Array<number>(texts.length).fill(0);
    for (const r of roots) for (const m of r.matchAll(token)) this.count[Number(m[1])]!++;
    // A text only mentions earlier ones of its table: walking backwards sees every user first.
    for (let i = texts.length - 1; i >= 0; i--) {
      if (this.count[i] === 0) continue;
      for (const m of texts[i]!.matchAll(token)) this.count[Number(m[1])]!++;
    }
  }
}

export class Shared {
  private readonly exprs: Table;
  private readonly types: Table;

  constructor(exprs: readonly string[], types: readonly string[], roots: string[]) {
    // Interned expressions never contain types (those only appear in `$schema<T>` in the roots).
    this.exprs = new Table(exprs, EXPR_TOKEN, roots);
    this.types = new Table(types, TYPE_TOKEN, roots);
  }

  /** Expands the tokens of one declaration; declarations it needs first are appended to `out`. */
  expand(text: string, out: string[]): string {
    return text.replace(ANY_TOKEN, (_, kind: string, id: string) =>
      kind === "\u0001" ? this.ref(this.exprs, Number(id), out, "const", "$c") : this.ref(this.types, Number(id), out, "type", "$T"),
    );
  }

  private ref(t: Table, id: number, out: string[], keyword: string, prefix: string): string {
    const known = t.names.get(id);
    if (known) return known;
    const body = this.expand(t.texts[id]!, out);
    if (t.count[id]! < 2) return body;
    const index = t.next++;
    if (keyword === "type") {
      const name = `${prefix}${index}`;
      out.push(`type ${name} = ${indentType(body, "")};`);
      t.names.set(id, name);
      return name;
    }
    // A memoised function rather than a constant: see declare.ts (tsc's flow analysis).
    out.push(`function ${prefix}${index}(): $Z {\n  return ($m[${index}] ??= ${body});\n}`);
    const call = `${prefix}${index}()`;
    t.names.set(id, call);
    return call;
  }
}
