const TOKEN = /\u0001(\d+)\u0002/g;

/**
 * Common subexpressions: every schema expression is interned while rendering (identical text,
 * identical token), then each one used more than once becomes a module constant `$cN` emitted
 * just before the first declaration that needs it, and the others are inlined. GitHub's spec
 * repeats large inline objects (webhook payloads) hundreds of times: this keeps the module
 * small, fast to type-check and light at runtime. Declarations are expanded in output order, so
 * a constant always follows the components its (non-lazy) references point at.
 */
export class Shared {
  private readonly count: number[];
  private readonly names = new Map<number, string>();
  private next = 0;

  constructor(
    private readonly exprs: readonly string[],
    roots: string[],
  ) {
    this.count = new Array<number>(exprs.length).fill(0);
    for (const r of roots) for (const m of r.matchAll(TOKEN)) this.count[Number(m[1])]!++;
    // An expression only mentions earlier ones: walking backwards sees every user first.
    for (let i = exprs.length - 1; i >= 0; i--) {
      if (this.count[i] === 0) continue;
      for (const m of exprs[i]!.matchAll(TOKEN)) this.count[Number(m[1])]!++;
    }
  }

  /** Expands the tokens of one declaration; constants it needs first are appended to `out`. */
  expand(text: string, out: string[]): string {
    return text.replace(TOKEN, (_, id: string) => this.ref(Number(id), out));
  }

  private ref(id: number, out: string[]): string {
    const known = this.names.get(id);
    if (known) return known;
    const body = this.expand(this.exprs[id]!, out);
    if (this.count[id]! < 2) return body;
    const name = `$c${this.next++}`;
    out.push(`const ${name} = ${body};`);
    this.names.set(id, name);
    return name;
  }
}
