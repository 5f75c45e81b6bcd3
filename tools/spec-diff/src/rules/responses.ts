import { joinPointer, type IROperation, type IRHeader, type IRResponse } from "@specforge/codegen/model";
import { presenceBreaks, type Presence } from "../types.js";
import { compareSchemas } from "../schema/schema-compat.js";
import type { CompareContext } from "../schema/context.js";
import { diffContent } from "./content.js";
import { presenceChanges } from "./presence.js";
import { statusCovers } from "./ranges.js";

/**
 * Responses by status code (as written: `200`, `4XX`, `default`): a removed status breaks
 * clients that handle it; each kept one compares headers and content.
 */
export function diffResponses(b: IROperation, h: IROperation, cx: CompareContext): void {
  const { dir, sink } = cx;
  const hr = new Map(h.responses.map((r) => [r.status.toUpperCase(), r]));
  const br = new Map(b.responses.map((r) => [r.status.toUpperCase(), r]));
  const at = (op: IROperation, r: IRResponse) => joinPointer(`${op.pointer}/responses`, r.status);
  // A status now written as a range that includes it (201 → 2XX) is still answered, and is compared
  // with it; so is a response range now written as one of its statuses (2XX → 201: what clients
  // handled still arrives). A subscriber's answers only the first way.
  const kept = new Map<IRResponse, IRResponse>();
  for (const o of b.responses) {
    const n = hr.get(o.status.toUpperCase()) ?? h.responses.find((x) => !br.has(x.status.toUpperCase()) && (statusCovers(x.status, o.status) || (dir === "response" && statusCovers(o.status, x.status))));
    if (n) kept.set(o, n);
  }
  const answered = new Set(kept.values());
  for (const r of b.responses) {
    if (!kept.has(r)) sink.emit({ rule: `${dir}-status-removed`, breaking: true, pointer: at(b, r), reason: `response ${r.status} removed` });
  }
  for (const r of h.responses) {
    if (!answered.has(r)) sink.emit({ rule: `${dir}-status-added`, breaking: false, pointer: at(h, r), reason: `response ${r.status} added` });
  }
  for (const [o, n] of kept) {
    const where = `response ${n.status}`;
    diffHeaders(o.headers, n.headers, where, at(h, n), at(b, o), cx);
    diffContent(o.content, n.content, where, at(h, n), at(b, o), cx);
  }
}

function diffHeaders(bh: IRHeader[], hh: IRHeader[], where: string, pointer: string, basePointer: string, cx: CompareContext): void {
  const { dir, sink } = cx;
  // A removed header is written in the base version only.
  const at = (x: IRHeader, p?: Presence) => joinPointer(p === "removed" ? basePointer : pointer, "headers", x.name);
  presenceChanges(bh, hh, (x) => x.name.toLowerCase(), {
    noun: "header",
    presence: (p: Presence, x, what) =>
      sink.emit({ rule: `${dir}-header-${p}`, breaking: presenceBreaks(dir, p), pointer: at(x, p), reason: `${where} header ${x.name}: ${what}` }),
    kept: (o, n) => compareSchemas(o.schema, n.schema, `${where} header ${n.name}`, cx),
  });
}
