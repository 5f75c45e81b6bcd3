import type { IRDocument, IRNamedSchema, IRSchema } from "../../ir/types.js";
import { TypeOracle } from "./type-set.js";
import { formatDef } from "./formats.js";
import { Interner } from "./shared.js";
import { topLevelOperator } from "./ts-type.js";
import { regexExpression } from "../inert.js";
import { compilePattern } from "../mocks/mock-engine.js";

/**
 * Components are emitted once in neutral form; where read/writeOnly properties exist (directly
 * or through references) a `request` variant (without readOnly properties) and a `response`
 * variant (without writeOnly ones) are emitted too.
 */
export type Mode = "neutral" | "request" | "response";

/** A rendered schema: zod expression and the TypeScript type of what it accepts. */
export interface Rendered {
  z: string;
  ts: string;
  /** Set when `z` builds a real zod object (`.shape`, `.extend`, …): what its exported type states. */
  obj?: ObjInfo;
  /** Set when `z` is a reference to a named schema's constant. */
  entity?: Entity;
}

/** A real zod object's shape, as its exported type spells it (see object-export.ts). */
export interface ObjInfo {
  /** Each property: its TS type, whether optional, and its zod expression (what an `$extend` adds). */
  members: { name: string; ts: string; optional: boolean; z: string }[];
  /** Unknown keys: kept (`loose`) or rejected (`strict`). */
  config: "loose" | "strict";
}

export interface Entity {
  named: IRNamedSchema;
  mode: Mode;
  typeName: string;
  constName: string;
}

/** Everything the renderers share while one module is emitted. */
export class ZodState {
  readonly types: TypeOracle;
  readonly helpers = new Set<string>();
  private readonly regexes = new Map<string, string>();
  readonly regexDecls: string[] = [];
  /** Unknown formats: how often each appears, and where first (the warning points there). */
  readonly unknownFormats = new Map<string, { count: number; pointer: string }>();
  /** Entities by `${mode}:${name}`; set up by the module assembly. */
  readonly entities = new Map<string, Entity>();
  /** Entities already emitted (a reference to any other one must be lazy). */
  readonly emitted = new Set<Entity>();
  /** The entity being emitted, and the named references its TypeScript type makes outside objects/arrays. */
  current?: Entity;
  directTypeRefs = new Set<Entity>();
  /** Whether the TS type being rendered is inside an object or array (references there are deferred). */
  deferred = 0;

  /** Sub-schema renderers by narrowing and mode (see schema-expr.ts). */
  readonly renderers: ((s: IRSchema) => Rendered)[] = [];
  /** Interned expressions and object types (hash-consing, see shared.ts). */
  readonly exprs = new Interner("\u0001", "\u0002");
  readonly tsTypes = new Interner("\u0003", "\u0004");

  /** Replaces a composite expression by a token standing for it. */
  intern(r: Rendered): Rendered {
    return r.z.includes("(") ? { ...r, z: this.exprs.token(r.z) } : r;
  }

  /** Entities exported as real zod objects, with their shapes (an `extend` base must be one). */
  readonly objects = new Map<Entity, ObjInfo>();

  /** Replaces an object type `{ … }` by a token standing for it (other types stay as they are). */
  internType(ts: string): string {
    return ts.length > 24 && ts.startsWith("{") && ts.endsWith("}") && !topLevelOperator(ts) ? this.tsTypes.token(ts) : ts;
  }

  constructor(
    readonly model: IRDocument,
    readonly warn: (pointer: string, message: string) => void,
  ) {
    this.types = new TypeOracle(model.schemaByName);
  }

  use(helper: string): string {
    this.helpers.add(helper);
    return helper;
  }

  /** A module-level constant holding the regex (deduplicated); undefined when it has no ECMA reading. */
  regex(pattern: string, pointer: string): string | undefined {
    // Compiled as the mock engine compiles it (see compile-pattern.ts); nested quantifiers defused,
    // since validators run on input from anyone.
    const c = compilePattern(pattern);
    const said = JSON.stringify(pattern);
    if (!c) {
      this.warn(pointer, `pattern ${said} is not a valid ECMA-262 regex and has no ECMA reading; ignored`);
      return undefined;
    }
    if (c.how === "foreign") this.warn(pointer, `pattern ${said} is another engine's syntax, not ECMA-262 (as JSON Schema requires); compiled as ${JSON.stringify(c.source)}${c.flags === "u" ? "" : ` with flags "${c.flags}"`}`);
    if (c.how === "newer") this.warn(pointer, `pattern ${said} uses ES2025 regex syntax (modifier groups, a group name used twice) that Node 20 and older browsers cannot compile; compiled as ${JSON.stringify(c.source)}${c.flags === "u" ? "" : ` with flags "${c.flags}"`}`);
    if (c.how === "unicode") this.warn(pointer, `pattern ${said} is not a valid ECMA-262 regex with the "u" flag (as JSON Schema requires); compiled as ${JSON.stringify(c.source)}, its needless escapes dropped, so \\p{…} and the like keep their Unicode meaning`);
    if (c.how === "no-u") this.warn(pointer, `pattern ${said} is not a valid ECMA-262 regex with the "u" flag (as JSON Schema requires); used without it`);
    const key = `${c.flags}/${c.source}`;
    let name = this.regexes.get(key);
    if (!name) {
      name = `$re${this.regexes.size}`;
      this.regexes.set(key, name);
      this.regexDecls.push(`const ${name} = ${regexExpression(c.source, c.flags)};`);
    }
    return name;
  }

  /** The helper of a format applying to `kind`, or undefined (format of another kind, no assertion, unknown). */
  format(name: string | undefined, kind: "string" | "number", pointer = "#"): string | undefined {
    if (name === undefined) return undefined;
    const def = formatDef(name);
    if (!def) {
      const seen = this.unknownFormats.get(name);
      if (seen) seen.count++;
      else this.unknownFormats.set(name, { count: 1, pointer });
      return undefined;
    }
    if (def.kind !== kind || !def.helper) return undefined;
    return this.use(def.helper);
  }

  private readonly byName = new Map<string, Partial<Record<Mode, Entity>>>();

  addEntity(e: Entity): void {
    this.entities.set(`${e.mode}:${e.named.name}`, e);
    const forms = this.byName.get(e.named.name) ?? {};
    forms[e.mode] = e;
    this.byName.set(e.named.name, forms);
  }

  /** The entity of a named schema in `mode` (its variant when it has one, else the neutral form). */
  entity(name: string, mode: Mode): Entity | undefined {
    const forms = this.byName.get(name);
    return forms ? (forms[mode] ?? forms.neutral) : undefined;
  }
}
