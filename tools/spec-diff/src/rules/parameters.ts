import type { IROperation, IRParameter } from "@specforge/codegen/src/ir/types.js";
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

/**
 * Parameters, matched by location and name (header names case-insensitively). A renamed path
 * parameter shows up as one removed and one new required parameter.
 */
export function diffParameters(b: IROperation, h: IROperation, cx: CompareContext): void {
  const { dir, sink } = cx;
  const label = (p: IRParameter) => `${p.in} parameter ${p.name}`;
  presenceChanges(b.parameters, h.parameters, key, {
    noun: "parameter",
    presence: (p: Presence, param, what) =>
      sink.emit({ rule: `${dir}-parameter-${p}`, breaking: presenceBreaks(dir, p), pointer: parameterPointer(param), reason: `${label(param)}: ${what}` }),
    kept: (o, n) => {
      if (style(o) !== style(n) || explode(o) !== explode(n) || (o.mediaType ?? "") !== (n.mediaType ?? "")) {
        const was = o.mediaType ?? `style ${style(o)}, explode ${explode(o)}`;
        const now = n.mediaType ?? `style ${style(n)}, explode ${explode(n)}`;
        sink.emit({ rule: `${dir}-parameter-serialization-changed`, breaking: true, pointer: parameterPointer(n), reason: `${label(n)}: serialization changed from ${was} to ${now}` });
      }
      compareSchemas(o.schema, n.schema, label(n), cx);
    },
  });
}
