import type { IRSchema, JsonType } from "@specforge/codegen/model";
import { viewOf, same, type SchemaView } from "./view.js";
import { type CompareContext, countingContext, report, fmtList, walkMode } from "./context.js";
import { replayed } from "./walk-guard.js";
import { compareBounds, mootBounds } from "./bounds.js";
import { compareObjects } from "./objects.js";
import { compareUnionBranches, compareUnionShape, compareUnionConstraint, compareDiscriminators } from "./unions.js";
import { compareNot } from "./negation.js";
import { compareArrays } from "./arrays.js";
import { compareDefaults } from "./defaults.js";

const ANY: IRSchema = { pointer: "", meta: {} };

/**
 * Compares two versions of a schema in the direction of `cx` and reports every difference that
 * changes which values are valid. `where` says where the schema sits, for humans
 * (`response 200 application/json: body.data`).
 */
export function compareSchemas(b: IRSchema | undefined, h: IRSchema | undefined, where: string, cx: CompareContext): void {
  const bs = b ?? ANY;
  const hs = h ?? ANY;
  const refs = !!bs.ref && !!hs.ref && onlyRef(bs) && onlyRef(hs);
  if (refs && bs.ref === hs.ref && cx.sink.unchanged.has(bs.ref!)) return;
  const mode = walkMode(cx);
  const g = cx.guard;
  if (!g.enter(mode, bs, hs)) return;
  try {
    // Two named schemas compare the same wherever they are used: the first walk is recorded, later ones replay it.
    const key = refs ? `${mode}\0${bs.ref}\0${hs.ref}` : undefined;
    const recorded = key === undefined ? undefined : g.recorded(key);
    if (recorded) {
      for (const c of replayed(recorded, where)) cx.sink.emit(c);
      return;
    }
    if (!cx.done.add(bs, hs)) {
      // Reported earlier in this walk: what records now misses those changes.
      g.cut(-1);
      return;
    }
    const frame = key === undefined ? undefined : g.open(key, cx, where);
    comparePair(bs, hs, where, cx);
    if (frame) g.close(frame);
  } finally {
    g.leave();
  }
}

function comparePair(bs: IRSchema, hs: IRSchema, where: string, cx: CompareContext): void {
  const bv = viewOf(bs, cx.sink.base);
  const hv = viewOf(hs, cx.sink.head);
  if (!bv.pointer) bv.pointer = hv.pointer;
  if (!hv.pointer) hv.pointer = bv.pointer;
  // A schema that is only a union next to one that is not: `X` became `oneOf: [X, Y]` (or back).
  if (!!bv.union !== !!hv.union && isBareUnion(bv.union ? bv : hv)) {
    compareNullable(bv, hv, where, cx);
    return compareUnionShape(bs, hs, bv, hv, where, cx);
  }
  compareTypes(bv, hv, where, cx);
  compareNullable(bv, hv, where, cx);
  const both = (t: JsonType) => allows(bv, t) && allows(hv, t);
  // A bound dropped next to an enum whose values all keep to it changed nothing: the enum's finding covers it.
  compareEnums(bv, hv, where, cx, mootBounds(bv, hv, cx, both));
  compareDefaults(bv, hv, where, cx);
  // Keywords of a type only one side allows say nothing more than the type change already did
  // (an array that became an object lost its items, not each item's properties one by one).
  compareBounds(bv, hv, where, cx, both);
  if (allows(bv, "object") && allows(hv, "object")) compareObjects(bv, hv, where, cx, bs, hs);
  if (allows(bv, "array") && allows(hv, "array")) compareArrays(bv, hv, where, cx);
  if (bv.union && hv.union) compareUnionBranches(bs, hs, bv, hv, where, cx);
  else if (bv.union || hv.union) compareUnionConstraint(bs, hs, bv, hv, where, cx);
  else compareDiscriminators(bv, hv, where, cx);
  compareNot(bv, hv, where, cx);
}

/** Nothing but the union (and nullability): its branches say everything. */
function isBareUnion(v: SchemaView): boolean {
  const empty = (o: object) => Object.values(o).every((x) => x === undefined);
  return !v.types && !v.enum && !v.object && empty(v.string) && empty(v.number) && empty(v.array);
}


/** True when the two schemas accept the same values in this direction. */
export function equivalent(b: IRSchema | undefined, h: IRSchema | undefined, cx: CompareContext): boolean {
  return differences(b, h, cx) === 0;
}

/**
 * How many differences a walk of (b, h) reports, remembered per pair for the whole comparison (a
 * union's branches are scored against each other at every place the union is used).
 */
export function differences(b: IRSchema | undefined, h: IRSchema | undefined, cx: CompareContext): number {
  const [bs, hs, mode] = [b ?? ANY, h ?? ANY, walkMode(cx)];
  const known = cx.guard.count(mode, bs, hs);
  if (known !== undefined) return known;
  const counting = countingContext(cx);
  compareSchemas(bs, hs, "", counting.cx);
  const n = counting.count();
  cx.guard.remember(mode, bs, hs, n);
  return n;
}

// A `default` next to the `$ref` (3.1) is compared too: it overrides the target's.
const onlyRef = (s: IRSchema) => !s.meta.hasDefault && Object.keys(s).every((k) => k === "pointer" || k === "ref" || k === "meta");

/** Whether a value of type `t` can pass the view's type check (`number` covers integers). */
export const allows = (v: SchemaView, t: JsonType) => !v.types || v.types.has(t) || (t === "number" && v.types.has("integer")) || (t === "integer" && v.types.has("number"));

const covers = (set: Set<JsonType>, t: JsonType) => set.has(t) || (t === "integer" && set.has("number"));
const typeList = (set: Set<JsonType>) => (set.size ? [...set].join(" | ") : "nothing");

function compareTypes(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const bt = bv.types;
  const ht = hv.types;
  const at = `${hv.at.types ?? bv.at.types ?? hv.pointer}/type`;
  if (bt && ht) {
    const lost = [...bt].filter((t) => !covers(ht, t));
    const gained = [...ht].filter((t) => !covers(bt, t));
    if (lost.length && gained.length) report(cx, "change", "type", at, where, `type changed from ${typeList(bt)} to ${typeList(ht)}`);
    else if (lost.length) report(cx, "narrow", "type", at, where, `type narrowed from ${typeList(bt)} to ${typeList(ht)}`);
    else if (gained.length) report(cx, "widen", "type", at, where, `type widened from ${typeList(bt)} to ${typeList(ht)}`);
  } else if (bt && !hv.union) report(cx, "widen", "type", at, where, `type constraint ${typeList(bt)} removed`);
  else if (ht && !bv.union) report(cx, "narrow", "type", at, where, `type restricted to ${typeList(ht)}`);
}

function compareNullable(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  // Nullability only means something next to a type, enum or union ({} allows null anyway).
  const typed = (v: SchemaView) => !!(v.types || v.union || v.enum);
  if (!typed(bv) || !typed(hv) || bv.nullable === hv.nullable) return;
  const at = (hv.nullable ? hv.at.nullable : bv.at.nullable) ?? hv.pointer;
  if (bv.nullable) report(cx, "narrow", "nullable", at, where, "null no longer allowed");
  else report(cx, "widen", "nullable", at, where, "null now allowed");
}

function compareEnums(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext, covers: string[] = []): void {
  const be = bv.enum;
  const he = hv.enum;
  const at = `${hv.at.enum ?? bv.at.enum ?? hv.pointer}/enum`;
  if (be && he) {
    const removed = be.filter((x) => !he.some((y) => same(x, y)));
    const added = he.filter((x) => !be.some((y) => same(x, y)));
    if (removed.length) report(cx, "narrow", "enum", at, where, `enum value${removed.length > 1 ? "s" : ""} ${fmtList(removed)} removed`, covers);
    if (added.length) report(cx, "widen", "enum", at, where, `enum value${added.length > 1 ? "s" : ""} ${fmtList(added)} added`, covers);
  } else if (he) report(cx, "narrow", "enum", at, where, `restricted to the values ${fmtList(he)}`, covers);
  else if (be) report(cx, "widen", "enum", at, where, `enum constraint ${fmtList(be)} removed`, covers);
}
