/**
 * Deliberate differences between the zod module and Ajv, each listed (with its reason) in
 * tools/codegen/README.md, "zod emitter". An instance the suite sees them disagree on is only
 * excused when one of these predicates names it; everything else fails the suite.
 */
export interface Deliberate {
  name: string;
  reason: string;
  applies(spec: string, component: string, instance: unknown, zod: boolean, ajv: boolean): boolean;
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
];

export function isDeliberate(spec: string, component: string, instance: unknown, zod: boolean, ajv: boolean): boolean {
  return DELIBERATE.some((d) => d.applies(spec, component, instance, zod, ajv));
}
