import { getAtPointer, parsePointer } from "./spec-error.js";

/**
 * Follows a chain of local `$ref`s from `node` (at most 32 hops; only those starting with
 * `prefix`): what it ends at (undefined when a target is missing) and the last pointer followed,
 * which is where that value lives.
 */
export function followLocalRef(document: Record<string, unknown>, node: unknown, prefix = "#"): { value: unknown; at?: string } {
  let cur = node;
  let at: string | undefined;
  for (let hops = 0; isRef(cur) && cur.$ref.startsWith(prefix) && hops < 32; hops++) {
    at = cur.$ref;
    cur = getAtPointer(document, parsePointer(cur.$ref));
  }
  return at === undefined ? { value: cur } : { value: cur, at };
}

const isRef = (v: unknown): v is { $ref: string } => typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { $ref?: unknown }).$ref === "string";
