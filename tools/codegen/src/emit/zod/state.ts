import type { IRDocument, IRNamedSchema, IRSchema } from "../../ir/types.js";
import { TypeOracle } from "./type-set.js";
import { formatDef } from "./formats.js";

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
  readonly unknownFormats = new Map<string, number>();
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
  /** Interned expressions (hash-consing): identical subexpressions become one shared constant. */
  private readonly exprs: string[] = [];
  private readonly exprIds = new Map<string, number>();

  /** Replaces a composite expression by a token standing for it (see `Shared`). */
  intern(r: Rendered): Rendered {
    if (!r.z.includes("(")) return r;
    let id = this.exprIds.get(r.z);
    if (id === undefined) {
      id = this.exprs.length;
      this.exprs.push(r.z);
      this.exprIds.set(r.z, id);
    }
    return { z: `\u0001${id}\u0002`, ts: r.ts };
  }

  /** The interned expressions, in creation order (each only mentions earlier ones). */
  get interned(): readonly string[] {
    return this.exprs;
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

  /** A module-level constant holding the regex (deduplicated); undefined when it cannot compile. */
  regex(source: string, pointer: string): string | undefined {
    let flags = "u";
    try {
      new RegExp(source, "u");
    } catch {
      try {
        new RegExp(source);
        flags = "";
        this.warn(pointer, `pattern ${JSON.stringify(source)} is not a valid ECMA-262 regex with the "u" flag (as JSON Schema requires); used without it`);
      } catch {
        this.warn(pointer, `pattern ${JSON.stringify(source)} is not a valid ECMA-262 regex; ignored`);
        return undefined;
      }
    }
    const key = `${flags}/${source}`;
    let name = this.regexes.get(key);
    if (!name) {
      name = `$re${this.regexes.size}`;
      this.regexes.set(key, name);
      this.regexDecls.push(`const ${name} = ${String(new RegExp(source, flags))};`);
    }
    return name;
  }

  /** The helper of a format applying to `kind`, or undefined (format of another kind, no assertion, unknown). */
  format(name: string | undefined, kind: "string" | "number"): string | undefined {
    if (name === undefined) return undefined;
    const def = formatDef(name);
    if (!def) {
      this.unknownFormats.set(name, (this.unknownFormats.get(name) ?? 0) + 1);
      return undefined;
    }
    if (def.kind !== kind || !def.helper) return undefined;
    return this.use(def.helper);
  }

  entity(name: string, mode: Mode): Entity | undefined {
    return this.entities.get(`${mode}:${name}`) ?? this.entities.get(`neutral:${name}`);
  }
}
