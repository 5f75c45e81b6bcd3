/**
 * Deliberate differences between the zod module and Ajv, each listed (with its reason) in
 * tools/codegen/README.md, "zod emitter". An instance the suite sees them disagree on is only
 * excused when one of these predicates names it; everything else fails the suite.
 */
export interface Deliberate {
  name: string;
  reason: string;
  /** `doc`: the spec's document (as loaded, $refs as written). */
  applies(spec: string, component: string, instance: unknown, zod: boolean, ajv: boolean, doc: unknown): boolean;
}

/** Whether a JSON value contains an object with an own `constructor`, `valueOf` or `toString` key. */
function hasPrototypeNamedKey(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasPrototypeNamedKey);
  if (typeof v !== "object" || v === null) return false;
  return Object.keys(v).some((k) => k === "constructor" || k === "valueOf" || k === "toString" || hasPrototypeNamedKey((v as Record<string, unknown>)[k]));
}

/** Whether a JSON value contains a number with a fraction or past 2^53 (where Ajv's float multipleOf test errs). */
function hasInexactNumber(v: unknown): boolean {
  if (typeof v === "number") return !Number.isSafeInteger(v);
  if (typeof v !== "object" || v === null) return false;
  return Object.values(v).some(hasInexactNumber);
}

/** Whether a JSON value contains a string for which `test` holds. */
function hasString(v: unknown, test: (s: string) => boolean): boolean {
  if (typeof v === "string") return test(v);
  if (typeof v !== "object" || v === null) return false;
  return Object.values(v).some((x) => hasString(x, test));
}

const mappedCache = new WeakMap<object, Map<string, Set<string>>>();
/** Per discriminator property of a oneOf: the values its mapping (explicit, or a branch's schema name) selects. */
function mappedValues(doc: unknown): Map<string, Set<string>> {
  if (typeof doc !== "object" || doc === null) return new Map();
  let out = mappedCache.get(doc);
  if (out) return out;
  const found = new Map<string, Set<string>>();
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Record<string, any>;
    const d = n.discriminator;
    if (Array.isArray(n.oneOf) && d && typeof d.propertyName === "string") {
      const values = found.get(d.propertyName) ?? new Set<string>();
      for (const v of Object.keys(d.mapping ?? {})) values.add(v);
      for (const b of n.oneOf) if (typeof b?.$ref === "string") values.add(decodeURIComponent(b.$ref.split("/").pop()!.replace(/~1/g, "/").replace(/~0/g, "~")));
      found.set(d.propertyName, values);
    }
    Object.values(n).forEach(visit);
  };
  visit(doc);
  mappedCache.set(doc, (out = found));
  return out;
}
/** Whether a JSON value contains an object whose discriminator property holds a value a mapping selects. */
function hasMappedValue(v: unknown, mapped: Map<string, Set<string>>): boolean {
  if (typeof v !== "object" || v === null) return false;
  if (!Array.isArray(v)) for (const [prop, values] of mapped) if (Object.hasOwn(v, prop) && values.has((v as Record<string, unknown>)[prop] as string)) return true;
  return Object.values(v).some((x) => hasMappedValue(x, mapped));
}

export const DELIBERATE: Deliberate[] = [
  {
    name: "deep-equality-with-prototype-named-keys",
    reason:
      "uniqueItems/enum/const compare JSON values structurally. Ajv uses fast-deep-equal, which compares `a.constructor` " +
      "by reference and calls `valueOf`/`toString` when an object has its own such property: two identical objects with " +
      "`\"constructor\": {}` count as different for Ajv (and `{\"valueOf\": 1}` makes it throw). JSON Schema equality is structural.",
    applies: (_spec, _component, instance) => hasPrototypeNamedKey(instance),
  },
  {
    name: "multipleOf-on-decimal-values",
    reason:
      "multipleOf is decided on the numbers' decimal values, as JSON Schema defines it. Ajv tests the float quotient: " +
      "0.07 / 0.01 = 7.000000000000001, so it rejects 0.07 with multipleOf 0.01 (1,363 of the amounts 0.00–99.99) and 0.3 " +
      "with 0.1; a quotient of 1e21 or more it reads with parseInt(\"1e+21\") = 1 (3e21 is no multiple of 3, 2^53 none of 1e-7), " +
      "and past 2^53 a rounded quotient passes (2^60 as a multiple of 3). Only instances holding a number with a fraction " +
      "or past 2^53 are excused.",
    applies: (_spec, _component, instance) => hasInexactNumber(instance),
  },
  {
    name: "oneOf-discriminator-mapping",
    reason:
      "A oneOf with an OpenAPI discriminator dispatches through its mapping (explicit entries, and a branch's schema name " +
      "where none maps it): a mapped value is judged by its branch alone. JSON Schema (and Ajv, discriminator dropped) " +
      "tries every branch, and in the canonical pattern (Cat and Dog = allOf [Pet, …], OpenAPI's own example, ory kratos) " +
      "every payload matches both branches and is rejected. Only instances holding a mapped value are excused.",
    applies: (_spec, _component, instance, _zod, _ajv, doc) => hasMappedValue(instance, mappedValues(doc)),
  },
  {
    name: "format-byte-anchored",
    reason: "ajv-formats' byte regex carries the /gm flags, so a string passes when one of its lines is base64 (\"AAAA\\n!!!!\"). Here the whole string must be.",
    applies: (_spec, _component, instance, zod, ajv) => !zod && ajv && hasString(instance, (s) => /[\n\r\u2028\u2029]/.test(s)),
  },
  {
    name: "format-url-any-host",
    reason:
      "`url` is no JSON Schema or OpenAPI format; ajv-formats' web-URL regex rejects localhost, private addresses and " +
      "single-label hosts (http://localhost:3000, http://10.0.0.5, http://minio:9000), which real APIs carry in endpoint " +
      "fields. Here any absolute URL with a scheme, a host and no white space passes.",
    applies: (_spec, _component, instance, zod, ajv) => zod && !ajv && hasString(instance, (s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s)),
  },
];

export function isDeliberate(spec: string, component: string, instance: unknown, zod: boolean, ajv: boolean, doc: unknown): boolean {
  return DELIBERATE.some((d) => d.applies(spec, component, instance, zod, ajv, doc));
}
