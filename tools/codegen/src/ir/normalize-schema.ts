import type { IRSchema, JsonType, IRObjectConstraints, IRMeta } from "./types.js";
import { joinPointer } from "../load/spec-error.js";
import { buildMeta, isObj } from "./normalize-meta.js";
import { applicators2020, dynamicRefTarget, type ApplicatorContext } from "./applicators-2020.js";

/** What schema normalisation needs to know about the document it reads. */
export interface SchemaContext extends ApplicatorContext {
  /** "3.0" rules: `$ref` siblings ignored, boolean exclusiveMinimum; "3.1": JSON Schema 2020-12. */
  dialect: "3.0" | "3.1";
  /** Maps a local `$ref` to the name of a named schema, registering one if needed. */
  refName(ref: string, pointer: string): string;
  warn(pointer: string, message: string): void;
}

const TYPES = new Set<JsonType>(["string", "number", "integer", "boolean", "null", "array", "object"]);

/** Raw JSON Schema / OpenAPI Schema Object → IRSchema, resolving dialect differences once. */
export function normalizeSchema(raw: unknown, pointer: string, ctx: SchemaContext): IRSchema {
  if (raw === true || raw === false) return { pointer, boolean: raw, meta: {} };
  if (!isObj(raw)) {
    ctx.warn(pointer, `schema is not an object or boolean (${JSON.stringify(raw)}); treated as any`);
    return { pointer, meta: {} };
  }
  let s = raw;
  const meta = buildMeta(s);
  if (typeof s.$dynamicRef === "string" && ctx.dialect === "3.1" && typeof s.$ref !== "string") {
    // Resolved where the dynamic scope cannot change the target; otherwise refused (warned).
    const { $dynamicRef, ...rest } = s;
    const target = dynamicRefTarget($dynamicRef as string, pointer, ctx);
    s = target ? { ...rest, $ref: target } : rest;
  }
  if (typeof s.$ref === "string") {
    const out: IRSchema = { pointer, ref: ctx.refName(s.$ref, pointer), meta };
    // OpenAPI 3.0 ignores everything beside a $ref (but `nullable: true` is honoured: authors mean
    // "null or the target"); 3.1 applies siblings as extra assertions.
    if (ctx.dialect === "3.0") return applyNullable(out, s);
    const { $ref: _ref, ...rest } = s;
    const siblings = normalizeBody(rest, pointer, ctx, meta);
    return applyNullable({ ...siblings, ref: out.ref }, s);
  }
  return applyNullable(normalizeBody(s, pointer, ctx, meta), s);
}

function normalizeBody(s: Record<string, unknown>, pointer: string, ctx: SchemaContext, meta: IRMeta): IRSchema {
  const out: IRSchema = { pointer, meta };
  const sub = (v: unknown, ...tokens: (string | number)[]) => normalizeSchema(v, joinPointer(pointer, ...tokens), ctx);

  if (s.type !== undefined) {
    const list = (Array.isArray(s.type) ? s.type : [s.type]).filter((t): t is JsonType => TYPES.has(t as JsonType));
    if (list.length === 0) ctx.warn(joinPointer(pointer, "type"), `unknown type ${JSON.stringify(s.type)}; treated as any`);
    else out.types = [...new Set(list)];
  }
  if (Array.isArray(s.enum)) out.enum = s.enum;
  if ("const" in s) out.const = { value: s.const };

  const str: NonNullable<IRSchema["string"]> = {};
  if (typeof s.minLength === "number") str.minLength = s.minLength;
  if (typeof s.maxLength === "number") str.maxLength = s.maxLength;
  if (typeof s.pattern === "string") str.pattern = s.pattern;
  if (typeof s.contentMediaType === "string") str.contentMediaType = s.contentMediaType;
  if (typeof s.contentEncoding === "string") str.contentEncoding = s.contentEncoding;
  const numericType = out.types?.some((t) => t === "number" || t === "integer") ?? false;
  if (typeof s.format === "string" && !(numericType && !out.types?.includes("string"))) str.format = s.format;
  if (Object.keys(str).length) out.string = str;

  const num: NonNullable<IRSchema["number"]> = {};
  let minimum = typeof s.minimum === "number" ? s.minimum : undefined;
  let maximum = typeof s.maximum === "number" ? s.maximum : undefined;
  // 3.0 boolean form turns the bound exclusive; 3.1 numeric form is its own bound.
  if (s.exclusiveMinimum === true && minimum !== undefined) [num.exclusiveMinimum, minimum] = [minimum, undefined];
  else if (typeof s.exclusiveMinimum === "number") num.exclusiveMinimum = s.exclusiveMinimum;
  if (s.exclusiveMaximum === true && maximum !== undefined) [num.exclusiveMaximum, maximum] = [maximum, undefined];
  else if (typeof s.exclusiveMaximum === "number") num.exclusiveMaximum = s.exclusiveMaximum;
  if (minimum !== undefined) num.minimum = minimum;
  if (maximum !== undefined) num.maximum = maximum;
  if (typeof s.multipleOf === "number" && s.multipleOf > 0) num.multipleOf = s.multipleOf;
  if (typeof s.format === "string" && numericType) num.format = s.format;
  if (Object.keys(num).length) out.number = num;

  const arr: NonNullable<IRSchema["array"]> = {};
  if (Array.isArray(s.prefixItems)) {
    arr.prefixItems = s.prefixItems.map((v, i) => sub(v, "prefixItems", i));
    if (s.items !== undefined) arr.items = sub(s.items, "items");
  } else if (Array.isArray(s.items)) {
    // Draft 2019 tuple form: items[] + additionalItems.
    arr.prefixItems = s.items.map((v, i) => sub(v, "items", i));
    if (s.additionalItems !== undefined) arr.items = sub(s.additionalItems, "additionalItems");
  } else if (s.items !== undefined) arr.items = sub(s.items, "items");
  if (typeof s.minItems === "number") arr.minItems = s.minItems;
  if (typeof s.maxItems === "number") arr.maxItems = s.maxItems;
  if (s.uniqueItems === true) arr.uniqueItems = true;
  if (s.contains !== undefined) arr.contains = sub(s.contains, "contains");
  if (typeof s.minContains === "number") arr.minContains = s.minContains;
  if (typeof s.maxContains === "number") arr.maxContains = s.maxContains;
  if (Object.keys(arr).length) out.array = arr;

  const obj = normalizeObject(s, pointer, sub);
  if (obj) out.object = obj;

  for (const key of ["allOf", "anyOf", "oneOf"] as const) {
    const list = s[key];
    if (Array.isArray(list) && list.length > 0) out[key] = list.map((v, i) => sub(v, key, i));
  }
  if (s.not !== undefined) out.not = sub(s.not, "not");
  // if/then/else are draft-07 too (Ajv's dialect for 3.0 documents honours them); the rest is 2020-12.
  const extra = ctx.dialect === "3.1" ? applicators2020(s, pointer, sub, ctx) : applicators2020({ if: s.if, then: s.then, else: s.else }, pointer, sub, ctx);
  if (extra.length) out.allOf = [...(out.allOf ?? []), ...extra];
  if (isObj(s.discriminator) && typeof s.discriminator.propertyName === "string") {
    const mapping = isObj(s.discriminator.mapping) ? s.discriminator.mapping : {};
    out.discriminator = {
      propertyName: s.discriminator.propertyName,
      mapping: Object.entries(mapping).flatMap(([value, target]) => {
        if (typeof target !== "string") return [];
        const ref = target.includes("#") || target.includes("/") ? target : `#/components/schemas/${target}`;
        const at = joinPointer(pointer, "discriminator", "mapping", value);
        // A mapping names branches; one that names nothing (a file the bundler left behind, as
        // APIs.guru's DigitalOcean spec does) drops out, and the branches still select by their names.
        try {
          return [{ value, target: ctx.refName(ref, at) }];
        } catch {
          ctx.warn(at, `discriminator mapping ${JSON.stringify(value)} → ${JSON.stringify(target)} names no schema of this document; left out`);
          return [];
        }
      }),
    };
    // A branch `$ref: X` not named in the mapping is selected by the value "X" (implicit mapping).
    for (const b of out.oneOf ?? out.anyOf ?? []) {
      const d = out.discriminator;
      if (b.ref && !d.mapping.some((m) => m.target === b.ref || m.value === b.ref)) d.mapping.push({ value: b.ref, target: b.ref });
    }
  }
  return out;
}

function normalizeObject(
  s: Record<string, unknown>,
  pointer: string,
  sub: (v: unknown, ...tokens: (string | number)[]) => IRSchema,
): IRObjectConstraints | undefined {
  const has = ["properties", "required", "additionalProperties", "patternProperties", "propertyNames", "minProperties", "maxProperties", "dependentRequired"].some(
    (k) => k in s,
  );
  if (!has) return undefined;
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === "string") : []);
  const props = isObj(s.properties) ? s.properties : {};
  const obj: IRObjectConstraints = {
    properties: Object.entries(props).map(([name, v]) => ({ name, schema: sub(v, "properties", name), required: required.has(name) })),
    requiredOnly: [...required].filter((r) => !Object.prototype.hasOwnProperty.call(props, r)),
  };
  if (s.additionalProperties === false) obj.additionalProperties = false;
  else if (s.additionalProperties !== undefined && s.additionalProperties !== true) obj.additionalProperties = sub(s.additionalProperties, "additionalProperties");
  if (isObj(s.patternProperties)) {
    obj.patternProperties = Object.entries(s.patternProperties).map(([pattern, v]) => ({ pattern, schema: sub(v, "patternProperties", pattern) }));
  }
  if (s.propertyNames !== undefined) obj.propertyNames = sub(s.propertyNames, "propertyNames");
  if (typeof s.minProperties === "number") obj.minProperties = s.minProperties;
  if (typeof s.maxProperties === "number") obj.maxProperties = s.maxProperties;
  if (isObj(s.dependentRequired)) obj.dependentRequired = s.dependentRequired as Record<string, string[]>;
  return obj;
}

/**
 * `nullable: true` (3.0, and often found in 3.1 specs too) allows null. With a type list, null
 * joins it (and the enum); without one the schema becomes `null | <schema>`, which is what
 * authors of `nullable` + `allOf: [$ref]` mean.
 */
function applyNullable(schema: IRSchema, raw: Record<string, unknown>): IRSchema {
  if (raw.nullable !== true && raw["x-nullable"] !== true) return schema;
  if (schema.types) {
    if (!schema.types.includes("null")) schema.types = [...schema.types, "null"];
    if (schema.enum && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    if (schema.const && schema.const.value !== null) return { pointer: schema.pointer, meta: schema.meta, anyOf: [{ pointer: schema.pointer, types: ["null"], meta: {} }, { ...schema, meta: {} }] };
    if (!schema.ref && !schema.allOf && !schema.anyOf && !schema.oneOf) return schema;
  }
  const { meta, pointer, ...rest } = schema;
  return { pointer, meta, anyOf: [{ pointer, types: ["null"], meta: {} }, { pointer, ...rest, meta: {} }] };
}
