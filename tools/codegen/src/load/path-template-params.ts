import { followLocalRef } from "./follow-local-ref.js";
import { pathItemOperations } from "./path-item-operations.js";
import { joinPointer, specWarning } from "./spec-error.js";
import type { IRWarning } from "../ir/types.js";

type Obj = Record<string, unknown>;

/** Names the path-item and operation parameters declare `in: path` ($refs followed). */
function pathNames(document: Obj, ...lists: unknown[]): Set<string> {
  const names = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = followLocalRef(document, raw).value as Obj | undefined;
      if (p && p.in === "path" && typeof p.name === "string") names.add(p.name);
    }
  }
  return names;
}

/**
 * `{name}`s of a path template that an operation under it does not declare as a path parameter:
 * the spec requires one for each, and without it the client has no typed argument to fill it
 * with. A warning at the path (the spec is still usable), naming the operations that miss it.
 */
export function undeclaredPathParams(document: Obj): IRWarning[] {
  const warnings: IRWarning[] = [];
  const paths = document.paths;
  if (paths === null || typeof paths !== "object" || Array.isArray(paths)) return warnings;
  for (const [template, raw] of Object.entries(paths as Obj)) {
    const names = [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
    if (names.length === 0) continue;
    const item = followLocalRef(document, raw).value;
    if (item === null || typeof item !== "object" || Array.isArray(item)) continue;
    const at = joinPointer("#/paths", template);
    let ops;
    try {
      ops = pathItemOperations(item as Obj, "", at);
    } catch {
      continue; // the model reports an invalid path item
    }
    for (const name of new Set(names)) {
      const missing = ops.filter(({ op }) => !pathNames(document, (item as Obj).parameters, (op as Obj | null)?.parameters).has(name)).map((o) => o.method);
      if (missing.length) warnings.push(specWarning(at, `path parameter ${JSON.stringify(name)} of the template is declared by no parameter with in: path (${missing.join(", ")}): OpenAPI requires one for each, and the client gets no argument to fill it`));
    }
  }
  return warnings;
}
