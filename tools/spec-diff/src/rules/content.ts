import { joinPointer, type IRMediaContent } from "@specforge/codegen/model";
import { compareSchemas } from "../schema/schema-compat.js";
import type { CompareContext } from "../schema/context.js";

const norm = (mt: string) => mt.toLowerCase().replace(/\s+/g, "");

/**
 * Media types of a request body or response. A removed media type breaks whoever used it (a
 * request the server now answers with 415, an `Accept` it answers with 406); a new one is an
 * addition. One removed and one added is a changed content type.
 */
export function diffContent(bc: IRMediaContent[], hc: IRMediaContent[], where: string, pointer: string, cx: CompareContext): void {
  const { dir, sink } = cx;
  const hm = new Map(hc.map((m) => [norm(m.mediaType), m]));
  const bm = new Map(bc.map((m) => [norm(m.mediaType), m]));
  const removed = bc.filter((m) => !hm.has(norm(m.mediaType)));
  const added = hc.filter((m) => !bm.has(norm(m.mediaType)));
  const at = (m: IRMediaContent) => joinPointer(pointer, "content", m.mediaType);
  const pairs: [IRMediaContent, IRMediaContent][] = bc.filter((m) => hm.has(norm(m.mediaType))).map((m) => [m, hm.get(norm(m.mediaType))!]);
  if (removed.length === 1 && added.length === 1) {
    const [b, h] = [removed[0]!, added[0]!];
    sink.emit({ rule: `${dir}-media-type-changed`, breaking: true, pointer: at(h), reason: `${where}: content type changed from ${b.mediaType} to ${h.mediaType}`, covers: [at(b)] });
    pairs.push([b, h]);
  } else {
    for (const m of removed) sink.emit({ rule: `${dir}-media-type-removed`, breaking: true, pointer: at(m), reason: `${where}: content type ${m.mediaType} removed` });
    for (const m of added) sink.emit({ rule: `${dir}-media-type-added`, breaking: false, pointer: at(m), reason: `${where}: content type ${m.mediaType} added` });
  }
  for (const [b, h] of pairs) {
    compareSchemas(b.schema, h.schema, `${where} ${h.mediaType}: body`, cx);
    if (b.eventSchema || h.eventSchema) compareSchemas(b.eventSchema, h.eventSchema, `${where} ${h.mediaType}: event`, cx);
  }
}
