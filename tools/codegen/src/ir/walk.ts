import type { IRSchema } from "./types.js";

/** Calls `fn` on every direct subschema of `s` (not following named refs). */
export function forEachChild(s: IRSchema, fn: (child: IRSchema) => void): void {
  const a = s.array;
  if (a) {
    if (a.items) fn(a.items);
    a.prefixItems?.forEach(fn);
    if (a.contains) fn(a.contains);
  }
  const o = s.object;
  if (o) {
    for (const p of o.properties) fn(p.schema);
    if (o.additionalProperties) fn(o.additionalProperties);
    o.patternProperties?.forEach((p) => fn(p.schema));
    if (o.propertyNames) fn(o.propertyNames);
  }
  s.allOf?.forEach(fn);
  s.anyOf?.forEach(fn);
  s.oneOf?.forEach(fn);
  if (s.not) fn(s.not);
}

/** Depth-first visit of `s` and all its inline subschemas. */
export function walkSchema(s: IRSchema, fn: (node: IRSchema) => void): void {
  fn(s);
  forEachChild(s, (c) => walkSchema(c, fn));
}

/** Names of the named schemas that `s` references anywhere inside it (incl. discriminator mappings). */
export function collectRefs(s: IRSchema, into: Set<string> = new Set()): Set<string> {
  walkSchema(s, (node) => {
    if (node.ref) into.add(node.ref);
    node.discriminator?.mapping.forEach((m) => into.add(m.target));
  });
  return into;
}
