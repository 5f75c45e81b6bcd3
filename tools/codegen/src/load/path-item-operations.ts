/**
 * The operations a path item holds. OpenAPI 3.0 and 3.1 have eight fixed fields (get … trace);
 * 3.2 adds `query` (the HTTP QUERY method: a safe, idempotent read with a body) and
 * `additionalOperations`, a map from any other method (`PURGE`, `LINK`, `COPY`…) to its operation.
 * Every pass that walks operations goes through here, so none of them drops the 3.2 ones.
 */
import { joinPointer, SpecError } from "./spec-error.js";
import { followLocalRef } from "./follow-local-ref.js";

type Obj = Record<string, unknown>;

/** The fixed fields of a path item that hold an operation (3.2's `query` included). */
export const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"]);

/** One operation of a path item: its method (lower case), the operation, and its keys under the path item. */
export interface PathItemOperation {
  method: string;
  op: unknown;
  keys: string[];
}

/** RFC 9110 method token: what `additionalOperations` keys must be to be sent at all. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Fixed fields first (in the path item's own key order), then `additionalOperations`. `file` and
 * `at` (the path item's pointer) name an invalid `additionalOperations` entry: one that redefines a
 * fixed method (the spec forbids it, and two operations would answer one method) or is no HTTP method.
 */
export function pathItemOperations(item: Obj, file: string, at: string): PathItemOperation[] {
  const out: PathItemOperation[] = [];
  for (const [key, op] of Object.entries(item)) {
    if (METHODS.has(key.toLowerCase())) out.push({ method: key.toLowerCase(), op, keys: [key] });
  }
  const extra = item.additionalOperations;
  if (extra === undefined) return out;
  if (extra === null || typeof extra !== "object" || Array.isArray(extra)) {
    throw new SpecError(file, joinPointer(at, "additionalOperations"), "additionalOperations must be an object keyed by HTTP method");
  }
  for (const [key, op] of Object.entries(extra as Obj)) {
    const where = joinPointer(at, "additionalOperations", key);
    if (METHODS.has(key.toLowerCase())) {
      throw new SpecError(file, where, `${key} is a fixed field of the path item: write this operation under \`${key.toLowerCase()}\`, not additionalOperations`);
    }
    if (!TOKEN.test(key)) throw new SpecError(file, where, `${JSON.stringify(key)} is not an HTTP method name`);
    out.push({ method: key.toLowerCase(), op, keys: ["additionalOperations", key] });
  }
  return out;
}

/** A path item of the document, under its key, at the pointer where it lives (its $ref followed). */
export interface PathItemEntry {
  key: string;
  item: Obj;
  at: string;
}

/** Every path item of `paths`, then 3.1's `webhooks` and 3.0's `x-webhooks`, in document order. */
export function pathItemsOf(document: Obj): PathItemEntry[] {
  const out: PathItemEntry[] = [];
  for (const section of ["paths", "webhooks", "x-webhooks"]) {
    const items = document[section];
    if (items === null || typeof items !== "object" || Array.isArray(items)) continue;
    for (const [key, raw] of Object.entries(items)) {
      const { value, at = joinPointer(`#/${section}`, key) } = followLocalRef(document, raw);
      if (value !== null && typeof value === "object" && !Array.isArray(value)) out.push({ key, item: value as Obj, at });
    }
  }
  return out;
}
