import type { Rendered } from "./state.js";
import { valueLiteral } from "../inert.js";

const isPrimitive = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

/** TypeScript literal type of a primitive JSON value. */
function tsOf(v: unknown): string {
  return isPrimitive(v) ? valueLiteral(v) : "unknown";
}

/** Removes duplicates (JSON equality is enough here: members come from the spec). */
export function uniqueValues(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = typeof v === "number" && Object.is(v, -0) ? "0" : JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `enum`/`const` members (already filtered by the schema's types). Primitive members compare
 * with ===, which is JSON equality for them; object/array members need deep equality.
 */
export function renderLiteral(values: unknown[]): Rendered {
  const list = uniqueValues(values);
  if (list.length === 0) return { z: "$never", ts: "never" };
  const ts = [...new Set(list.map(tsOf))].join(" | ");
  if (!list.every(isPrimitive)) return { z: `$in(${valueLiteral(list)})`, ts: "unknown" };
  return { z: `$enum(${valueLiteral(list)})`, ts };
}
