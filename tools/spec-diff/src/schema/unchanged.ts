import type { IRDocument } from "@specforge/codegen/model";
import type { UnchangedParts } from "../unchanged-operations.js";

/**
 * Names of the schemas that are the same in both versions, and so is every schema they reference:
 * comparing them can only find nothing, so it is skipped (large specs share big schemas widely).
 * A component whose text is the same in both bundled documents, down to what it references, is the
 * same schema; only schemas without a component of their own are compared as models.
 */
export function unchangedSchemas(base: IRDocument, head: IRDocument, parts: UnchangedParts): Set<string> {
  const same = new Set<string>();
  for (const b of base.schemas) {
    const h = head.schemaByName.get(b.name);
    if (!h) continue;
    const raw = parts.component("schemas", b.name);
    if (raw === true || (raw === undefined && JSON.stringify(b.schema) === JSON.stringify(h.schema))) same.add(b.name);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of same) {
      if (head.schemaByName.get(name)!.refs.every((r) => same.has(r))) continue;
      same.delete(name);
      changed = true;
    }
  }
  return same;
}
