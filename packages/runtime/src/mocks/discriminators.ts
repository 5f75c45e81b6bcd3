/**
 * Discriminator values by target schema: when a schema is the target of some discriminator
 * mapping ("cat" → Cat), a fixture of Cat on its own carries `petType: "cat"`, matching what a
 * parent oneOf would have chosen.
 */
import type { MockSchema } from "./schema.js";
import type { Conjunction } from "./merge.js";

export interface DiscriminatorValue {
  propertyName: string;
  value: string;
}

function children(s: MockSchema): MockSchema[] {
  const out: MockSchema[] = [];
  const a = s.array;
  if (a) {
    if (a.items) out.push(a.items);
    if (a.prefixItems) out.push(...a.prefixItems);
    if (a.contains) out.push(a.contains);
  }
  const o = s.object;
  if (o) {
    for (const p of o.properties) out.push(p.schema);
    if (o.additionalProperties) out.push(o.additionalProperties);
    for (const p of o.patternProperties ?? []) out.push(p.schema);
  }
  out.push(...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? []));
  if (s.not) out.push(s.not);
  return out;
}

/** First mapping (in document order) naming each target. */
export function discriminatorValues(schemas: Iterable<MockSchema>): Map<string, DiscriminatorValue> {
  const out = new Map<string, DiscriminatorValue>();
  const seen = new Set<MockSchema>();
  const visit = (s: MockSchema) => {
    if (seen.has(s)) return;
    seen.add(s);
    for (const m of s.discriminator?.mapping ?? []) {
      if (!out.has(m.target)) out.set(m.target, { propertyName: s.discriminator!.propertyName, value: m.value });
    }
    for (const c of children(s)) visit(c);
  };
  for (const s of schemas) visit(s);
  return out;
}

/**
 * Discriminator values a node must carry: as the mapping target of an inheritance base it
 * extends (`allOf: [$ref Pet]` in Cat → petType "Cat"), or of any mapping naming the schema.
 */
export function forcedValues(conj: Conjunction, self: string | undefined, byTarget: ReadonlyMap<string, DiscriminatorValue>): Map<string, unknown> {
  const d = self !== undefined ? byTarget.get(self) : undefined;
  if (!d && conj.bases.length === 0) return conj.forced;
  const forced = new Map<string, unknown>();
  const names = self === undefined ? conj.entered : [self, ...conj.entered];
  for (const b of conj.bases) {
    const m = b.discriminator.mapping.find((x) => names.includes(x.target));
    if (m && !forced.has(b.discriminator.propertyName)) forced.set(b.discriminator.propertyName, m.value);
  }
  if (d && !forced.has(d.propertyName) && conj.parts.some((p) => p.object?.properties.some((x) => x.name === d.propertyName))) forced.set(d.propertyName, d.value);
  return forced;
}
