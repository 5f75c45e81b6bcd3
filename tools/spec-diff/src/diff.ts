import type { IRDocument, IROperation } from "@specforge/codegen/model";
import { UnchangedParts } from "./unchanged-operations.js";
import type { Change, Sink } from "./types.js";
import { bumpFor, defaultSeverity, type Severity } from "./severity.js";
import { diffOperations, diffWebhooks } from "./rules/operations.js";
import { diffSecuritySchemes } from "./rules/security.js";
import { unchangedSchemas } from "./schema/unchanged.js";
import { WalkGuard } from "./schema/walk-guard.js";
import { explainedBy } from "./explained.js";
import { classifyRawDifferences, rawDifferences } from "./rules/documentation.js";
import { diffDocumentServers, diffOperationServers } from "./rules/servers.js";

export interface SpecVersion {
  model: IRDocument;
  /** The bundled document the model was built from (every `$ref` local). */
  document: Record<string, unknown>;
}

export const DOCUMENT = "(document)";

/** `#/components/schemas/User/…` → `#/components/schemas/User`; `#/paths/~1a/get/…` → `#/paths/~1a`. */
function ownerOf(pointer: string): string {
  const t = pointer.split("/");
  const depth = t[1] === "components" ? 4 : t[1] === "paths" || t[1] === "webhooks" ? 3 : 2;
  return t.slice(0, depth).join("/");
}

/**
 * Every change between two versions of a spec, classified. Operations and webhooks are compared
 * rule by rule; what no rule explains (documentation, examples, anything else) is listed from a
 * plain comparison of the bundled documents as a patch-level change.
 */
export function diffSpecs(base: SpecVersion, head: SpecVersion, severityOf: (rule: string, breaks: boolean) => Severity = defaultSeverity): Change[] {
  const changes: Change[] = [];
  const keys = new Set<string>();
  const same = new UnchangedParts(base.document, head.document);
  const unchanged = unchangedSchemas(base.model, head.model, same);
  const guard = new WalkGuard();
  const explains: string[] = [];
  const sinkFor = (operation: string, baseOperation?: string): Sink => ({
    base: base.model,
    head: head.model,
    unchanged,
    guard,
    emit: (c) => {
      explains.push(c.pointer, ...(c.covers ?? []));
      // A shared schema reached twice within one operation reports its change once.
      const key = `${operation}\0${c.rule}\0${c.pointer}`;
      if (keys.has(key)) return;
      keys.add(key);
      const severity = severityOf(c.rule, c.breaking);
      const bump = bumpFor(c.rule, severity, c.bump === "patch" ? "patch" : "minor");
      const renamed = baseOperation !== undefined && baseOperation !== operation ? { baseOperation } : {};
      changes.push({ rule: c.rule, severity, breaking: severity === "breaking", bump, operation, ...renamed, pointer: c.pointer, reason: c.reason });
    },
  });
  const unchangedOp = (b: IROperation, h: IROperation) => same.operation(b, h);
  diffOperations(base.model, head.model, sinkFor, unchangedOp);
  diffWebhooks(base.model, head.model, sinkFor, unchangedOp);
  diffSecuritySchemes(base.model, head.model, sinkFor(DOCUMENT));
  diffDocumentServers(base, head, sinkFor(DOCUMENT));
  diffOperationServers(base, head, sinkFor);

  // Raw differences are listed per owner (a component, an operation, a top-level field), less
  // those a classified change explains (see explained.ts).
  const explained = explainedBy(explains, base.document, head.document);
  const { docs, other } = classifyRawDifferences(rawDifferences(base.document, head.document));
  const doc = sinkFor(DOCUMENT);
  const list = (pointers: string[], rule: string, reason: string) => {
    const byOwner = new Map<string, number>();
    for (const p of pointers) byOwner.set(ownerOf(p), (byOwner.get(ownerOf(p)) ?? 0) + 1);
    for (const [owner, n] of byOwner) doc.emit({ rule, breaking: false, bump: "patch", pointer: owner, reason: `${reason}${n > 1 ? ` (${n} places)` : ""}` });
  };
  list(docs, "documentation-changed", "documentation or examples changed");
  list(other.filter((p) => !explained(p)), "other-change", "changed; no compatibility rule applies, review it");
  return changes;
}
