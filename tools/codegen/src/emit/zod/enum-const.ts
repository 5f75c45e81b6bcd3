import type { Rendered } from "./state.js";
import { memberKey } from "./ts-type.js";

const isPrimitive = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

/** A JSON value as JavaScript source (a `__proto__` key stays a plain key). */
export function jsValue(v: unknown): string {
  if (v === null || typeof v !== "object") return typeof v === "number" && !Number.isFinite(v) ? "null" : JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(jsValue).join(", ")}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  return `{ ${entries.map(([k, x]) => `${k === "__proto__" ? `["__proto__"]` : memberKey(k)}: ${jsValue(x)}`).join(", ")} }`;
}

/** TypeScript literal type of a primitive JSON value. */
function tsOf(v: unknown): string {
  return isPrimitive(v) ? JSON.stringify(v) : "unknown";
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
  if (!list.every(isPrimitive)) return { z: `$in(${jsValue(list)})`, ts: "unknown" };
  return { z: `$enum(${jsValue(list)})`, ts };
}
