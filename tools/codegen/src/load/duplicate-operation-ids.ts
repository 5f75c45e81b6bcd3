import type { IRWarning } from "../ir/types.js";
import { joinPointer, specWarning } from "./spec-error.js";
import { pathItemOperations, pathItemsOf } from "./path-item-operations.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * OpenAPI wants every operationId unique, and each target keys operations by it (the types'
 * `operations` interface, the client's metadata, the mock handlers): two operations under one id
 * would share one entry, and one of them would get the other's types. Published specs break the
 * rule now and then: GitHub's REST description 17.0.0 names 15 of its webhooks `push`. Refusing
 * such a spec would leave a team unable to generate or diff against it.
 *
 * So the first operation (in document order: paths, then webhooks) keeps the id, and a later one
 * loses it, with a warning at its pointer: every target then names it from its method and path,
 * as an operation without an id. A team's own spec gets the same error from the lint
 * (`operation-operationId-unique`) before generation. Mutates `document`; returns the warnings.
 */
export function dropDuplicateOperationIds(document: Obj, file: string): IRWarning[] {
  const warnings: IRWarning[] = [];
  const first = new Map<string, { op: Obj; where: string }>();
  for (const { key, item, at: itemAt } of pathItemsOf(document)) {
    for (const { method, op, keys } of pathItemOperations(item, file, itemAt)) {
      if (!isObj(op) || typeof op.operationId !== "string") continue;
      const at = joinPointer(itemAt, ...keys);
      const seen = first.get(op.operationId);
      if (!seen) {
        first.set(op.operationId, { op, where: `${method.toUpperCase()} ${key} (${at})` });
        continue;
      }
      // One operation object reached from two paths (both $ref one path item): two operations
      // still, and the id goes from both, since they share it.
      const shared = seen.op === op;
      warnings.push(specWarning(joinPointer(at, "operationId"), `operationId ${JSON.stringify(op.operationId)} is already used by ${seen.where}; left out ${shared ? "of both (one path item reached from two paths)" : "here"}, so this operation is named from its method and path`));
      delete op.operationId;
    }
  }
  return warnings;
}
