/**
 * `oneOf` needs exactly one matching branch, and real specs often list branches that overlap
 * (open objects whose required properties are subsets of each other). When a candidate built
 * from the chosen branch also matches another branch, make it fail that other branch while
 * keeping it valid: drop an optional property the other branch requires, or else set a property
 * only the other branch declares to a value it rejects (null first: it reads as "absent").
 */
import { hasOwn, isObject, type MockSchema, type Resolve } from "./schema.js";
import { emptyConjunction, flatten, mergeConstraints, type Conjunction } from "./merge.js";
import type { Engine } from "./context.js";
import { propertySchemas } from "./objects.js";

const REJECTED = [null, 0, false, "", {}, []];

export function makeExclusive(value: unknown, ext: Conjunction, e: Engine, resolve: Resolve): unknown {
  if (!isObject(value)) return value;
  let out: Record<string, unknown> = { ...value };
  const mine = mergeConstraints(ext.parts);
  ext.disjunctions.forEach((d, i) => {
    if (d.kind !== "oneOf") return;
    for (const other of d.branches) {
      if (other === ext.chosen[i] || !e.validator.isValid(out, other)) continue;
      out = breakMatch(out, other, mine, e, resolve) ?? out;
    }
  });
  return out;
}

function breakMatch(v: Record<string, unknown>, other: MockSchema, mine: ReturnType<typeof mergeConstraints>, e: Engine, resolve: Resolve): Record<string, unknown> | undefined {
  const theirs = mergeConstraints(flatten(other, resolve, emptyConjunction()).parts);
  for (const name of theirs.required) {
    if (!hasOwn(v, name) || mine.required.has(name)) continue;
    const { [name]: _dropped, ...rest } = v;
    if (!e.validator.isValid(rest, other)) return rest;
  }
  for (const name of theirs.names) {
    if (mine.names.includes(name) || mine.required.has(name)) continue;
    const allowed = propertySchemas(mine, name, e);
    const their = propertySchemas(theirs, name, e);
    if (allowed === null || their === null) continue;
    for (const bad of REJECTED) {
      if (!allowed.every((s) => e.validator.isValid(bad, s)) || their.every((s) => e.validator.isValid(bad, s))) continue;
      const next = { ...v, [name]: bad };
      if (!e.validator.isValid(next, other)) return next;
    }
  }
  return undefined;
}
