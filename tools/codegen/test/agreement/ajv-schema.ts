import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import { patternRegExp } from "../../../../packages/runtime/src/mocks/schema.js";

/**
 * The independent validator: Ajv (Ajv2020 for 3.1 documents, draft-07 `Ajv` for 3.0/2.0) with
 * ajv-formats "full", run on JSON Schema built straight from the spec's component schemas —
 * not from our model. OpenAPI-only keywords are translated or dropped here:
 * - `nullable: true` (and Swagger's `x-nullable`): `null` joins `type` and `enum`; without a
 *   type, or next to `$ref`/allOf/anyOf/oneOf/a non-null const, the schema becomes
 *   `anyOf: [{type: "null"}, schema]` (OpenAPI's intent; also tolerated in 3.1 documents).
 * - 3.0 boolean `exclusiveMinimum/Maximum` becomes the numeric form (also tolerated in 3.1).
 * - 3.0 `$ref` siblings are ignored (OpenAPI 3.0 says so), except `nullable`.
 * - `discriminator`, `example`, `xml`, `externalDocs`, `x-*` are dropped (annotations).
 * - A `pattern` (or patternProperties key) that the `u` flag rejects (needless escapes like `\@`,
 *   another engine's `\p{Print}` or `(?i)`: AWS's specs) is compiled as the generator compiles it
 *   (packages/runtime/src/mocks/compile-pattern.ts), and one without an ECMA reading is dropped:
 *   Ajv would refuse to compile the schema, and without the flag `\p{L}` is no letter.
 * Options: `strict: false` (unknown keywords and formats are ignored, as JSON Schema says),
 * `validateSchema: false`,
 * `ownProperties: true` (`{}` has no `constructor` property), `strictNumbers: true`.
 */
const require = createRequire(import.meta.url);
const Ajv = require("ajv") as typeof import("ajv").default;
const Ajv2020 = require("ajv/dist/2020") as typeof import("ajv/dist/2020.js").default;
const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SCHEMA_ONE = ["additionalProperties", "additionalItems", "contains", "propertyNames", "not", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
/**
 * OpenAPI-only annotations, plus draft 2019-09's `$recursiveAnchor`/`$recursiveRef`, which are
 * unknown keywords in 3.1's dialect (2020-12) and so assert nothing (Ajv2020's meta-schema would
 * reject `$recursiveAnchor: true`).
 */
const DROP = new Set(["nullable", "x-nullable", "discriminator", "example", "xml", "externalDocs", "$recursiveAnchor", "$recursiveRef"]);

/** See the header: patterns compiled as the generator compiles them. */
const regExp = (source: string): RegExp => patternRegExp(source) ?? new RegExp("");

export type Dialect = "3.0" | "3.1";
/**
 * `request`/`response`: the variants the zod module exports (`X_RequestSchema`…), i.e. the schema
 * with every readOnly (request) / writeOnly (response) property left out — not declared, not
 * required. A property is flagged by its own keyword, its `$ref` target's or an allOf member's.
 * `not` subschemas keep the neutral form (as the emitter does).
 */
export type Mode = "neutral" | "request" | "response";

export class AjvSpec {
  private readonly ajv: InstanceType<typeof Ajv>;
  private readonly defs: Obj = {};
  private readonly extraRefs = new Map<string, string>();
  private readonly id = "https://agreement.invalid/spec.json";
  private added = false;

  constructor(
    private readonly doc: Obj,
    private readonly dialect: Dialect,
    private readonly mode: Mode = "neutral",
  ) {
    // validateSchema: false — real specs carry harmless meta-schema violations (duplicate
    // `required` entries); one would make Ajv refuse the whole document.
    const opts = { strict: false, allErrors: false, ownProperties: true, strictNumbers: true, logger: false as const, discriminator: false, validateSchema: false, code: { regExp: regExp as never } };
    this.ajv = dialect === "3.1" ? new Ajv2020(opts) : new Ajv(opts);
    addFormats(this.ajv, { mode: "full" });
    const comps = isObj(doc.components) && isObj(doc.components.schemas) ? doc.components.schemas : {};
    const neutral: Obj = {};
    for (const [name, raw] of Object.entries(comps)) {
      this.defs[name] = this.tr(raw, mode);
      if (mode !== "neutral") neutral[name] = this.tr(raw, "neutral");
    }
    if (mode !== "neutral") this.defs.__neutral = neutral;
  }

  private addError?: Error;

  /** The validator of a component schema (throws when Ajv cannot compile it). */
  validator(name: string): ValidateFunction {
    if (!this.added) {
      this.added = true;
      try {
        this.ajv.addSchema({ $id: this.id, $defs: this.defs });
      } catch (err) {
        this.addError = err as Error;
      }
    }
    if (this.addError) throw this.addError;
    const fn = this.ajv.getSchema(`${this.id}#/$defs/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    if (!fn) throw new Error(`no schema for ${name}`);
    return fn;
  }

  /** JSON Schema for Ajv of one raw (OpenAPI) schema. */
  tr(s: unknown, mode: Mode = this.mode): unknown {
    if (typeof s === "boolean") return s;
    if (!isObj(s)) return {};
    const nullable = s.nullable === true || s["x-nullable"] === true;
    if (typeof s.$ref === "string") {
      const ref = this.ref(s.$ref, mode);
      let out: Obj = { $ref: ref };
      if (this.dialect === "3.1") {
        const { $ref: _, ...rest } = s;
        out = { ...(this.body(rest, mode) as Obj), $ref: ref };
      }
      return nullable ? { anyOf: [{ type: "null" }, out] } : out;
    }
    const out = this.body(s, mode) as Obj;
    if (!nullable) return out;
    if (out.type !== undefined) {
      const types = Array.isArray(out.type) ? out.type : [out.type];
      if (!types.includes("null")) out.type = [...types, "null"];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      const composite = out.allOf || out.anyOf || out.oneOf || out.$ref;
      const constNonNull = "const" in out && out.const !== null;
      if (!composite && !constNonNull) return out;
    }
    return { anyOf: [{ type: "null" }, out] };
  }

  private body(s: Obj, mode: Mode): Obj {
    const out: Obj = {};
    const flag = mode === "request" ? "readOnly" : mode === "response" ? "writeOnly" : undefined;
    const left = new Set<string>();
    for (const [k, v] of Object.entries(s)) {
      if (DROP.has(k) || k.startsWith("x-")) continue;
      if (k === "properties" && isObj(v) && flag) {
        const kept = Object.entries(v).filter(([n, x]) => !(this.flagged(x, flag) && left.add(n)));
        out[k] = Object.fromEntries(kept.map(([n, x]) => [n, this.tr(x, mode)]));
      } else if (k === "pattern" && typeof v === "string") {
        if (patternRegExp(v)) out[k] = v;
      } else if (k === "patternProperties" && isObj(v)) out[k] = Object.fromEntries(Object.entries(v).filter(([n]) => patternRegExp(n)).map(([n, x]) => [n, this.tr(x, mode)]));
      else if (SCHEMA_MAPS.includes(k) && isObj(v)) out[k] = Object.fromEntries(Object.entries(v).map(([n, x]) => [n, this.tr(x, mode)]));
      else if (k === "not") out[k] = this.tr(v, "neutral");
      else if (SCHEMA_ONE.includes(k)) out[k] = this.tr(v, mode);
      else if (SCHEMA_LISTS.includes(k) && Array.isArray(v)) out[k] = v.map((x) => this.tr(x, mode));
      else if (k === "items") out[k] = Array.isArray(v) ? v.map((x) => this.tr(x, mode)) : this.tr(v, mode);
      else out[k] = v;
    }
    if (left.size && Array.isArray(out.required)) out.required = out.required.filter((r) => !left.has(r as string));
    for (const [b, n] of [
      ["exclusiveMinimum", "minimum"],
      ["exclusiveMaximum", "maximum"],
    ] as const) {
      if (typeof out[b] !== "boolean") continue;
      if (out[b] === true && typeof out[n] === "number") {
        out[b] = out[n];
        delete out[n];
      } else delete out[b];
    }
    return out;
  }

  private ref(ref: string, mode: Mode): string {
    const base = mode !== this.mode ? "#/$defs/__neutral/" : "#/$defs/";
    const prefix = "#/components/schemas/";
    if (ref.startsWith(prefix)) return `${base}${ref.slice(prefix.length)}`;
    const key = `${mode}|${ref}`;
    let name = this.extraRefs.get(key);
    if (!name) {
      name = `__ref${this.extraRefs.size}`;
      this.extraRefs.set(key, name);
      const target = this.resolve(ref);
      if (mode === this.mode) this.defs[name] = this.tr(target, mode);
      else ((this.defs.__neutral ??= {}) as Obj)[name] = this.tr(target, mode);
    }
    return `${base}${name}`;
  }

  private resolve(ref: string): unknown {
    const tokens = ref.replace(/^#\/?/, "").split("/").map((t) => decodeURIComponent(t).replace(/~1/g, "/").replace(/~0/g, "~"));
    let cur: unknown = this.doc;
    for (const t of tokens) cur = isObj(cur) || Array.isArray(cur) ? (cur as Obj)[t] : undefined;
    return cur;
  }

  /** Whether a raw property schema carries the flag: its own, its $ref target's or an allOf member's. */
  private flagged(x: unknown, flag: "readOnly" | "writeOnly"): boolean {
    const own = (y: unknown) => isObj(y) && (y[flag] === true || (typeof y.$ref === "string" && isObj(this.resolve(y.$ref)) && (this.resolve(y.$ref) as Obj)[flag] === true));
    return own(x) || (isObj(x) && Array.isArray(x.allOf) && x.allOf.some(own));
  }
}
