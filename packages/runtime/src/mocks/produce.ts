/**
 * One value for a flattened conjunction (branches already chosen): an allowed enum/const value,
 * or a value of the most plausible allowed type — the one its constraints describe, null last
 * (first when the recursion is being cut) — built by the per-type generators.
 */
import { NONE, type JsonType, type MockSchema } from "./schema.js";
import { emptyConjunction, leafConstraints, type Conjunction, type Constraints } from "./merge.js";
import type { Ctx, Engine } from "./context.js";
import { genString } from "./strings.js";
import { genNumber } from "./numbers.js";
import { genObject } from "./objects.js";
import { genArray } from "./arrays.js";
import { booleanByName } from "./names.js";

const PREFERENCE: JsonType[] = ["string", "integer", "number", "boolean", "object", "array", "null"];
const OBJECTY = /(^|_)(metadata|meta|data|attributes|properties|params|parameters|payload|extra|options|settings|config|context|labels|annotations|headers)$/;

/** `typeOrder`, cached on the constraints for the cases that do not depend on the property name. */
function cachedTypeOrder(k: Constraints, c: Ctx): JsonType[] {
  if (!k.types && !k.has.object && !k.has.array && !k.has.string && !k.has.number && k.names.length === 0) return typeOrder(k, c);
  const cached = (k.typeOrders ??= []);
  return (cached[c.minimal ? 1 : 0] ??= typeOrder(k, c));
}

function addType(order: JsonType[], t: JsonType, k: Constraints): void {
  const allowed = k.types ?? PREFERENCE;
  // A `number` type admits integers, but is generated as a number (decimals where realistic).
  if (order.includes(t) || !allowed.includes(t) || (t === "integer" && k.types !== undefined && allowed.includes("number"))) return;
  order.push(t);
}

function typeOrder(k: Constraints, c: Ctx): JsonType[] {
  const order: JsonType[] = [];
  if (c.minimal) addType(order, "null", k);
  if (k.has.object || k.names.length) addType(order, "object", k);
  if (k.has.array) addType(order, "array", k);
  if (k.has.string) addType(order, "string", k);
  if (k.has.number) (addType(order, "number", k), addType(order, "integer", k));
  if (!k.types && order.length === 0 && OBJECTY.test(c.hint.name)) addType(order, "object", k);
  for (const t of PREFERENCE) addType(order, t, k);
  return order;
}

/** Names of optional properties a `not: {required: [...]}` asks to leave out. */
function excludedByNot(nots: MockSchema[]): Set<string> {
  const out = new Set<string>();
  for (const n of nots) {
    const o = n.object;
    if (!o) continue;
    for (const p of o.properties) if (p.required) out.add(p.name);
    for (const r of o.requiredOnly) out.add(r);
  }
  return out;
}

const leafEnums = new WeakMap<MockSchema, unknown[]>();

/** The enum/const values of a leaf that satisfy its other constraints (once per leaf). */
function allowedLeafValues(leaf: MockSchema, values: unknown[], e: Engine): unknown[] {
  let allowed = leafEnums.get(leaf);
  if (!allowed) leafEnums.set(leaf, (allowed = values.filter((v) => e.validator.isValid(v, local(leaf)))));
  return allowed;
}

/** The part's own assertions, without the composition keywords already flattened. */
function local(p: MockSchema): MockSchema {
  const o: MockSchema = {};
  if (p.types) o.types = p.types;
  if (p.string) o.string = p.string;
  if (p.number) o.number = p.number;
  if (p.array) o.array = p.array;
  if (p.object) o.object = p.object;
  return o;
}

export type Warn = (pointer: string | undefined, message: string) => void;

export function produce(conj: Conjunction, k: Constraints, e: Engine, c: Ctx, warn: Warn, leaf?: MockSchema): unknown {
  if (k.enumValues) {
    const allowed = leaf ? allowedLeafValues(leaf, k.enumValues, e) : k.enumValues.filter((v) => conj.parts.every((p) => e.validator.isValid(v, local(p))));
    if (allowed.length === 0) return NONE;
    const preferred = c.minimal && allowed.includes(null) ? [null] : allowed.filter((v) => v !== null);
    const list = preferred.length ? preferred : allowed;
    return list[(c.variant + c.rng.int(0, list.length - 1)) % list.length];
  }
  for (const t of cachedTypeOrder(k, c)) {
    switch (t) {
      case "null":
        return null;
      case "boolean":
        return booleanByName(c.hint) ?? c.rng.chance(0.5);
      case "string": {
        const r = genString(k.str, c.hint, c.rng);
        if (r.ok) return r.value;
        warn(leaf?.pointer ?? conj.parts.find((p) => p.string)?.pointer ?? conj.parts[0]?.pointer, r.reason);
        break;
      }
      case "integer":
      case "number": {
        const n = genNumber(k.num, t === "integer", c.hint, c.rng);
        if (n !== undefined) return n;
        break;
      }
      case "object": {
        const v = genObject(k, conj.forced, excludedByNot(conj.nots), e, c);
        if (v !== NONE) return v;
        break;
      }
      case "array": {
        const v = genArray(k, e, c);
        if (v !== NONE) return v;
        break;
      }
    }
  }
  return NONE;
}

/** A schema with scalar constraints only (most nodes): no flattening or merging needed. */
export function isLeaf(s: MockSchema): boolean {
  return s.ref === undefined && !s.object && !s.array && !s.allOf && !s.anyOf && !s.oneOf && !s.not && !s.discriminator && !!s.types;
}

/** `produce` for a leaf, with its constraints computed once. */
export function leafValue(s: MockSchema, e: Engine, c: Ctx, warn: Warn): unknown {
  // Not cached: short-lived garbage is cheaper for the GC than one retained object per leaf.
  return produce(LEAF, leafConstraints(s), e, c, warn, s);
}

const LEAF: Conjunction = emptyConjunction();
