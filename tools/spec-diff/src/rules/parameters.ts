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
 * The `{name}`s of a path template are path parameters whether or not the operation declares them
 * (an undeclared one is invalid OpenAPI, but real specs have them): the client sends a string
 * there either way. One the operation does not declare stands in as a required path parameter of
 * unknown schema, any string; a runtime expression (`{$request.body#/url}`, a callback's) is none.
 */
function implicitPathParameters(op: IROperation, slots: Map<string, number>): IRParameter[] {
  const declared = new Set(op.parameters.filter((p) => p.in === "path").map((p) => p.name));
  return [...slots.keys()]
    .filter((name) => name !== "" && !name.startsWith("$") && !declared.has(name))
    .map((name) => ({ name, in: "path", required: true, schema: { pointer: "", types: ["string"], meta: {} } }));
}

/**
 * Parameters, matched by location and name (header names case-insensitively); path parameters by
 * their place in the path template, since operations match by template (`/u/{id}` is `/u/{userId}`):
 * renaming one changes nothing on the wire, only the name the generated client takes it by.
 *
 * The template says what the path parameters are: a `{name}` left undeclared is compared as a
 * required string (see implicitPathParameters), so declaring it later is no new required
 * parameter, only its schema compared; a parameter declared `in: path` whose name is not in the
 * template has nowhere to go in the URL and is never sent, so declaring or dropping it breaks nothing.
 */
export function diffParameters(b: IROperation, h: IROperation, cx: CompareContext): void {
  const { dir, sink } = cx;
  const label = (p: IRParameter) => `${p.in} parameter ${p.name}`;
  const keys = new Map<IRParameter, string>();
  const implicit = new Set<IRParameter>();
  /** Declared `in: path` but not in the template: never sent. */
  const unplaced = new Map<IRParameter, string>();
  const [bp, hp] = [b, h].map((op) => {
    const slots = templateSlots(op.path);
    const extra = implicitPathParameters(op, slots);
    for (const p of extra) implicit.add(p);
    for (const p of [...op.parameters, ...extra]) {
      keys.set(p, p.in === "path" && slots.has(p.name) ? `path:#${slots.get(p.name)}` : key(p));
      if (p.in === "path" && !slots.has(p.name)) unplaced.set(p, op.path);
    }
    return [...op.parameters, ...extra];
  }) as [IRParameter[], IRParameter[]];
  // Where a finding about a pair points: the declared one of the two (an implicit one is written nowhere).
  const pointerOf = (o: IRParameter, n: IRParameter) => parameterPointer(implicit.has(n) ? o : n);
  // Declarations that change nothing on the wire, by place: listed (so they are not "unexplained")
  // as one finding a place, since base's `cert_id` and head's `certificate_id` can share `parameters/0`.
  const notes = new Map<string, string[]>();
  const note = (pointer: string, reason: string) => notes.set(pointer, [...(notes.get(pointer) ?? []), reason]);
  presenceChanges(bp, hp, (p) => keys.get(p)!, {
    noun: "parameter",
    presence: (p: Presence, param, what) => {
      const path = unplaced.get(param);
      if (path !== undefined && (p === "removed" || p === "added-required" || p === "added-optional")) {
        note(parameterPointer(param), `${label(param)}: ${p === "removed" ? "no longer declared" : "declared"}; not in the path template ${path}, so never sent`);
        return;
      }
      sink.emit({ rule: `${dir}-parameter-${p}`, breaking: presenceBreaks(dir, p), pointer: parameterPointer(param), reason: `${label(param)}: ${what}` });
    },
    kept: (o, n) => {
      if (implicit.has(o) !== implicit.has(n)) {
        note(
          pointerOf(o, n),
          implicit.has(o)
            ? `${label(n)}: now declared; the path template already had it, so it was sent, as a string, before (the same on the wire)`
            : `${label(o)}: no longer declared; the path template still has it, so it is still sent (the same on the wire)`,
        );
      }
      if (o.in === "path" && o.name !== n.name && !implicit.has(n)) {
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
        sink.emit({ rule: `${dir}-parameter-serialization-changed`, breaking: true, pointer: pointerOf(o, n), reason: `${label(n)}: serialization changed from ${was} to ${now}` });
      }
      compareSchemas(o.schema, n.schema, label(n), cx);
    },
  });
  for (const [pointer, reasons] of notes) sink.emit({ rule: "documentation-changed", breaking: false, bump: "patch", pointer, reason: reasons.join("; ") });
}
