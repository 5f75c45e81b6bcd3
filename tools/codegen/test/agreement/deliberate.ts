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

export const DELIBERATE: Deliberate[] = [
  {
    name: "deep-equality-with-prototype-named-keys",
    reason:
      "uniqueItems/enum/const compare JSON values structurally. Ajv uses fast-deep-equal, which compares `a.constructor` " +
      "by reference and calls `valueOf`/`toString` when an object has its own such property: two identical objects with " +
      "`\"constructor\": {}` count as different for Ajv (and `{\"valueOf\": 1}` makes it throw). JSON Schema equality is structural.",
    applies: (_spec, _component, instance) => hasPrototypeNamedKey(instance),
  },
];

export function isDeliberate(spec: string, component: string, instance: unknown, zod: boolean, ajv: boolean): boolean {
  return DELIBERATE.some((d) => d.applies(spec, component, instance, zod, ajv));
}
