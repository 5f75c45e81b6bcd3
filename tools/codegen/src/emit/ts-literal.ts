import { propertyKey } from "../ir/naming.js";

/**
 * A JSON-compatible value as TypeScript source, on one line, with bare keys where valid:
 * `{ id: "listUsers", tags: ["Users"] }`. Deterministic: key order as given.
 */
export function tsLiteral(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) return "null";
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${tsLiteral(v)}`).join(", ")} }`;
}
