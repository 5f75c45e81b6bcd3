import type { IROperation, IRParameter } from "@specforge/codegen/model";
import { presenceBreaks, type Presence } from "../types.js";
import { compareSchemas } from "../schema/schema-compat.js";
import type { CompareContext } from "../schema/context.js";
import { presenceChanges } from "./presence.js";

const key = (p: IRParameter) => `${p.in}:${p.in === "header" ? p.name.toLowerCase() : p.name}`;

/** Where a parameter is written: its schema's pointer without the trailing `/schema`. */
export const parameterPointer = (p: IRParameter) => p.schema.pointer.replace(/\/content\/[^/]+\/schema$|\/schema$/, "");

// OpenAPI defaults, so that spelling a default out is not a change.
const style = (p: IRParameter) => p.style ?? (p.in === "query" || p.in === "cookie" ? "form" : "simple");
const explode = (p: IRParameter) => p.explode ?? style(p) === "form";

/** `/users/{id}/posts/{postId}` → id: 0, postId: 1. */
function templateSlots(path: string): Map<string, number> {
  return new Map([...path.matchAll(/\{([^}]*)\}/g)].map((m, i) => [m[1]!, i]));
}

/**
 * Parameters, matched by location and name (header names case-insensitively); path parameters by
 * their place in the path template, since operations match by template (`/u/{id}` is `/u/{userId}`):
 * renaming one changes nothing on the wire, only the name the generated client takes it by.
 */
export function diffParameters(b: IROperation, h: IROperation, cx: CompareContext): void {
  const { dir, sink } = cx;
  const label = (p: IRParameter) => `${p.in} parameter ${p.name}`;
  const keys = new Map<IRParameter, string>();
  for (const op of [b, h]) {
    const slots = templateSlots(op.path);
    for (const p of op.parameters) keys.set(p, p.in === "path" && slots.has(p.name) ? `path:#${slots.get(p.name)}` : key(p));
  }
  presenceChanges(b.parameters, h.parameters, (p) => keys.get(p)!, {
    noun: "parameter",
    presence: (p: Presence, param, what) =>
      sink.emit({ rule: `${dir}-parameter-${p}`, breaking: presenceBreaks(dir, p), pointer: parameterPointer(param), reason: `${label(param)}: ${what}` }),
    kept: (o, n) => {
      if (o.in === "path" && o.name !== n.name) {
        sink.emit({
          rule: `${dir}-parameter-renamed`,
          breaking: false,
          pointer: parameterPointer(n),
          reason: `path parameter ${o.name} renamed to ${n.name}: the same on the wire; the generated client takes it as ${n.name}`,
        });
      }
      if (style(o) !== style(n) || explode(o) !== explode(n) || (o.mediaType ?? "") !== (n.mediaType ?? "")) {
        const was = o.mediaType ?? `style ${style(o)}, explode ${explode(o)}`;
        const now = n.mediaType ?? `style ${style(n)}, explode ${explode(n)}`;
        sink.emit({ rule: `${dir}-parameter-serialization-changed`, breaking: true, pointer: parameterPointer(n), reason: `${label(n)}: serialization changed from ${was} to ${now}` });
      }
      compareSchemas(o.schema, n.schema, label(n), cx);
    },
  });
}
