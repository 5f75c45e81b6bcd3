/** Pieces of validate.ts: failures (built lazily), JSON types, Ajv's multipleOf, property lookup. */
import type { JsonType, MockSchema } from "./schema.js";

/** A problem; `path` is collected innermost first while the failure propagates up. */
export interface Fail {
  path: string[];
  message: string;
}
export type Err = Fail | undefined;

/** What `isValid` gets: no message or path is built when only validity matters. */
const QUIET: Fail = Object.freeze({ path: Object.freeze([]) as unknown as string[], message: "" });
let detailed = false;

/** Runs `fn` with messages and paths built (`check`) or not (`isValid`). */
export function withDetail<T>(on: boolean, fn: () => T): T {
  const outer = detailed;
  detailed = on;
  try {
    return fn();
  } finally {
    detailed = outer;
  }
}
export const fail = (message: () => string): Fail => (detailed ? { path: [], message: message() } : QUIET);
export const at = (e: Fail, segment: string | number): Fail => (e !== QUIET && e.path.push(String(segment).replace(/~/g, "~0").replace(/\//g, "~1")), e);

export function typeOf(x: unknown): JsonType | "other" {
  switch (typeof x) {
    case "string": return "string";
    case "boolean": return "boolean";
    case "number": return Number.isFinite(x) ? (Number.isInteger(x) ? "integer" : "number") : "other";
    case "object": return x === null ? "null" : Array.isArray(x) ? "array" : "object";
    default: return "other";
  }
}

type ObjectConstraints = NonNullable<MockSchema["object"]>;
const propertyMaps = new WeakMap<ObjectConstraints, Map<string, MockSchema>>();

/** Property schemas by name (the first declaration wins, as properties are unique keys). */
export function propertyMap(c: ObjectConstraints): Map<string, MockSchema> {
  let map = propertyMaps.get(c);
  if (!map) {
    map = new Map();
    for (const p of c.properties) if (!map.has(p.name)) map.set(p.name, p.schema);
    propertyMaps.set(c, map);
  }
  return map;
}

/** Ajv's multipleOf test, float quirks included (0.3 is not a multiple of 0.1 for Ajv): what generated values also pass. */
export function isMultipleOf(x: number, m: number): boolean {
  const res = x / m;
  return res === parseInt(String(res), 10);
}

/**
 * multipleOf decided on the numbers' decimal forms (what the JSON text says), as the generated zod
 * validators decide it: 19.99 is a multiple of 0.01 and 3e21 of 3, which Ajv's float test denies.
 * Spec examples are judged by it, so a price example is not refused as "not a multiple of 0.01".
 */
export function isExactMultipleOf(x: number, m: number): boolean {
  if (Number.isSafeInteger(x) && Number.isSafeInteger(m)) return m !== 0 && x % m === 0;
  if (!Number.isFinite(x) || !Number.isFinite(m) || m === 0) return false;
  const dec = (n: number): [bigint, number] => {
    const [digits, exp = "0"] = String(n).split("e");
    const [int, frac = ""] = digits!.split(".");
    return [BigInt(int! + frac), Number(exp) - frac.length];
  };
  const [a, ea] = dec(x);
  const [b, eb] = dec(m);
  const e = Math.min(ea, eb);
  return (a * 10n ** BigInt(ea - e)) % (b * 10n ** BigInt(eb - e)) === 0n;
}
