/**
 * Ajv set up the way the fixtures must pass: Ajv2020 for 3.1 documents, Ajv (draft-07) for 3.0
 * and converted 2.0 ones, strict off, ajv-formats (full). OpenAPI's `nullable` / `x-nullable` and
 * 3.0's boolean exclusiveMinimum/Maximum are translated to JSON Schema first — as the model does.
 */
import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { patternRegExp } from "../../../../packages/runtime/src/mocks/schema.js";

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as unknown as (ajv: Ajv | Ajv2020) => void;

type Json = Record<string, unknown>;

/** A copy of the document with `nullable`, `x-nullable` and boolean exclusive bounds translated. */
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "schemas", "paths", "responses", "content", "webhooks", "parameters", "headers", "requestBodies", "securitySchemes", "callbacks", "links"]);
const DATA = new Set(["example", "examples", "enum", "const", "default", "x-examples"]);

export function translateOpenApi(node: unknown, isNameMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => translateOpenApi(n));
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = !isNameMap && DATA.has(k) ? v : translateOpenApi(v, !isNameMap && NAME_MAPS.has(k));
  if (isNameMap) return out;
  if (out.exclusiveMinimum === true && typeof out.minimum === "number") [out.exclusiveMinimum, out.minimum] = [out.minimum, undefined];
  if (out.exclusiveMaximum === true && typeof out.maximum === "number") [out.exclusiveMaximum, out.maximum] = [out.maximum, undefined];
  if (typeof out.exclusiveMinimum === "boolean") delete out.exclusiveMinimum;
  if (typeof out.exclusiveMaximum === "boolean") delete out.exclusiveMaximum;
  for (const k of ["minimum", "maximum"]) if (out[k] === undefined) delete out[k];
  if (out.nullable !== true && out["x-nullable"] !== true) {
    delete out.nullable;
    return out;
  }
  delete out.nullable;
  delete out["x-nullable"];
  const hasComposition = out.$ref !== undefined || out.allOf !== undefined || out.anyOf !== undefined || out.oneOf !== undefined;
  if (out.type !== undefined && !hasComposition && !("const" in out)) {
    const types = Array.isArray(out.type) ? out.type : [out.type];
    if (!types.includes("null")) out.type = [...types, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [{ type: "null" }, out] };
}

const encode = (pointer: string) =>
  "#" +
  pointer
    .replace(/^#/, "")
    .split("/")
    .map((t) => encodeURIComponent(t))
    .join("/");

/**
 * The document as requests (or responses) are held to it: OpenAPI's `required` applies to a readOnly
 * property in responses only and to a writeOnly one in requests only (flagged on the property, on the
 * schema it references, or on an allOf member, as the model reads it), so the other form's `required`
 * lists leave them out. Mutates the (translated) copy.
 */
function wireForm(doc: Json, form: "request" | "response"): Json {
  const flag = form === "request" ? "readOnly" : "writeOnly";
  const target = (ref: unknown): Json | undefined => {
    if (typeof ref !== "string" || !ref.startsWith("#/")) return undefined;
    let node: unknown = doc;
    for (const t of ref.slice(2).split("/")) node = (node as Json | undefined)?.[decodeURIComponent(t).replace(/~1/g, "/").replace(/~0/g, "~")];
    return node && typeof node === "object" ? (node as Json) : undefined;
  };
  const own = (x: unknown) => !!x && typeof x === "object" && ((x as Json)[flag] === true || target((x as Json).$ref)?.[flag] === true);
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const o = node as Json;
    const props = o.properties as Record<string, Json> | undefined;
    if (Array.isArray(o.required) && props && typeof props === "object") {
      o.required = (o.required as string[]).filter((n) => !(props[n] && (own(props[n]) || (Array.isArray(props[n]!.allOf) && (props[n]!.allOf as unknown[]).some(own)))));
    }
    for (const [k, v] of Object.entries(o)) if (!DATA.has(k)) visit(v);
  };
  visit(doc);
  return doc;
}

export class DocumentValidator {
  private readonly ajv: Ajv | Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  /** `form`: hold values to the document as requests or responses are (see wireForm); default: as written. */
  constructor(document: Record<string, unknown>, version: "2.0" | "3.0" | "3.1", form?: "request" | "response") {
    // A pattern is compiled as the generators compile it (compile-pattern.ts: `{` unescaped as
    // ReadMe's examples write it, another engine's `\p{Print}`…); one with no ECMA reading asserts nothing.
    // Ajv would throw at compile time instead.
    const regExp = (source: string): RegExp => patternRegExp(source) ?? new RegExp("");
    const options = { strict: false, logger: false, allErrors: false, validateFormats: true, code: { regExp: regExp as never } } as const;
    this.ajv = version === "3.1" ? new Ajv2020(options) : new Ajv(options);
    addFormats(this.ajv);
    const translated = translateOpenApi(document) as Json;
    this.ajv.addSchema({ ...(form ? wireForm(translated, form) : translated), $id: "spec" }, "spec");
  }

  /** undefined when `value` is valid against the schema at `pointer` ("#/components/schemas/X"), else Ajv's errors. */
  check(pointer: string, value: unknown): string | undefined {
    let validate = this.cache.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `spec${encode(pointer)}` });
      this.cache.set(pointer, validate);
    }
    return validate(value) ? undefined : this.ajv.errorsText(validate.errors);
  }
}
