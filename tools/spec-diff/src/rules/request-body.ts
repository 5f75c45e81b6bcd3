import type { IROperation } from "@specforge/codegen/model";
import { presenceBreaks, type Presence } from "../types.js";
import type { CompareContext } from "../schema/context.js";
import { diffContent } from "./content.js";
import { unconstrained, viewOf } from "../schema/view.js";

/** The request body: whether there is one, whether it is required, its media types and schemas. */
export function diffRequestBody(b: IROperation, h: IROperation, cx: CompareContext): void {
  const { dir, sink } = cx;
  const bb = b.requestBody;
  const hb = h.requestBody;
  const pointer = `${(hb ? h : b).pointer}/requestBody`;
  const where = dir === "request" ? "request body" : "payload";
  const presence = (p: Presence, what: string) => sink.emit({ rule: `${dir}-body-${p}`, breaking: presenceBreaks(dir, p), pointer, reason: `${where}: ${what}` });
  if (!bb && !hb) return;
  if (!bb) return presence(hb!.required ? "added-required" : "added-optional", `${hb!.required ? "required" : "optional"} ${where} added`);
  if (!hb) {
    // Nothing was described, and clients could leave it out: they keep working, whatever they sent is ignored.
    if (dir === "request" && !bb.required && bb.content.every((m) => unconstrained(viewOf(m.schema, sink.base)))) {
      return sink.emit({ rule: "request-untyped-body-removed", breaking: false, pointer, reason: `${where}: optional request body without a schema removed` });
    }
    return presence("removed", `${where} removed`);
  }
  if (bb.required !== hb.required) presence(hb.required ? "became-required" : "became-optional", `${where} is now ${hb.required ? "required" : "optional"}`);
  diffContent(bb.content, hb.content, where, pointer, `${b.pointer}/requestBody`, cx);
}
