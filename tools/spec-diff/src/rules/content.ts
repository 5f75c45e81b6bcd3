import { joinPointer, type IRMediaContent } from "@specforge/codegen/model";
import { compareSchemas } from "../schema/schema-compat.js";
import type { CompareContext } from "../schema/context.js";
import { essence, mediaCovers } from "./ranges.js";

const norm = (mt: string) => mt.toLowerCase().replace(/\s+/g, "");

/**
 * Media types of a request body or response. A removed media type breaks whoever used it (a
 * request the server now answers with 415, an `Accept` it answers with 406); a new one is an
 * addition. One removed and one added is a changed content type. A type still covered by what
 * replaced it is not removed: the same type with other parameters, a request type the API now
 * accepts through a range (`application/*`), a response range (`*\/*`) now sent as one of its
 * types (what clients accepted still arrives).
 */
export function diffContent(bc: IRMediaContent[], hc: IRMediaContent[], where: string, pointer: string, basePointer: string, cx: CompareContext): void {
  const { dir, sink } = cx;
  const hm = new Map(hc.map((m) => [norm(m.mediaType), m]));
  const bm = new Map(bc.map((m) => [norm(m.mediaType), m]));
  let removed = bc.filter((m) => !hm.has(norm(m.mediaType)));
  let added = hc.filter((m) => !bm.has(norm(m.mediaType)));
  const at = (m: IRMediaContent) => joinPointer(pointer, "content", m.mediaType);
  // What was removed is written in the base version only.
  const was = (m: IRMediaContent) => joinPointer(basePointer, "content", m.mediaType);
  const pairs: [IRMediaContent, IRMediaContent][] = bc.filter((m) => hm.has(norm(m.mediaType))).map((m) => [m, hm.get(norm(m.mediaType))!]);
  const pair = (b: IRMediaContent, h: IRMediaContent) => {
    pairs.push([b, h]);
    removed = removed.filter((m) => m !== b);
  };
  for (const b of [...removed]) {
    const h = added.find((m) => essence(m.mediaType) === essence(b.mediaType));
    if (!h) continue;
    pair(b, h);
    added = added.filter((m) => m !== h);
  }
  const covered = new Set<IRMediaContent>();
  if (dir === "request") {
    for (const b of [...removed]) {
      const h = added.find((m) => mediaCovers(m.mediaType, b.mediaType));
      if (!h) continue;
      pair(b, h);
      covered.add(h);
      sink.emit({ rule: "request-media-type-widened", breaking: false, pointer: at(h), reason: `${where}: content type ${b.mediaType} now accepted as ${h.mediaType}`, covers: [was(b)] });
    }
  } else {
    for (const h of [...added]) {
      const b = bc.find((m) => removed.includes(m) || covered.has(m) ? mediaCovers(m.mediaType, h.mediaType) : false);
      if (!b) continue;
      pairs.push([b, h]);
      covered.add(b);
      removed = removed.filter((m) => m !== b);
      sink.emit({ rule: "response-media-type-narrowed", breaking: false, pointer: at(h), reason: `${where}: content type ${b.mediaType} narrowed to ${h.mediaType}`, covers: [was(b)] });
    }
  }
  added = added.filter((m) => !covered.has(m) && !pairs.some(([, h]) => h === m));
  if (removed.length === 1 && added.length === 1) {
    const [b, h] = [removed[0]!, added[0]!];
    sink.emit({ rule: `${dir}-media-type-changed`, breaking: true, pointer: at(h), reason: `${where}: content type changed from ${b.mediaType} to ${h.mediaType}`, covers: [was(b)] });
    pairs.push([b, h]);
  } else {
    for (const m of removed) sink.emit({ rule: `${dir}-media-type-removed`, breaking: true, pointer: was(m), reason: `${where}: content type ${m.mediaType} removed` });
    for (const m of added) sink.emit({ rule: `${dir}-media-type-added`, breaking: false, pointer: at(m), reason: `${where}: content type ${m.mediaType} added` });
  }
  for (const [b, h] of pairs) {
    compareSchemas(b.schema, h.schema, `${where} ${h.mediaType}: body`, cx);
    if (b.eventSchema || h.eventSchema) compareSchemas(b.eventSchema, h.eventSchema, `${where} ${h.mediaType}: event`, cx);
  }
}
