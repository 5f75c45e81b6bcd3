import type { IRSchema } from "@specforge/codegen/model";
import type { SchemaView } from "./view.js";
import { type CompareContext, report } from "./context.js";
import { compareSchemas, equivalent } from "./schema-compat.js";

const isFalse = (s: IRSchema | undefined) => s?.boolean === false;
const arrAt = (bv: SchemaView, hv: SchemaView) => hv.at.array ?? bv.at.array ?? hv.pointer;
const positions = (from: number, to: number) => (to - from > 1 ? `positions ${from}-${to - 1}` : `position ${from}`);

/**
 * Arrays: `items`, tuples (`prefixItems`) and `contains`. Position `i` of a tuple is checked
 * against `prefixItems[i]`, later positions against `items` (absent = anything, `false` = none).
 */
export function compareArrays(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const ba = bv.array;
  const ha = hv.array;
  const bn = ba.prefixItems?.length ?? 0;
  const hn = ha.prefixItems?.length ?? 0;
  for (let i = 0; i < Math.min(bn, hn); i++) compareSchemas(ba.prefixItems![i], ha.prefixItems![i], `${where}[${i}]`, cx);
  if (bn !== hn) compareTupleLength(bv, hv, where, cx);
  compareItems(bv, hv, where, cx);
  compareContains(bv, hv, where, cx);
}

/**
 * A tuple that grew or shrank. The positions in between were (or become) checked against
 * `items`: when that is `false` they were forbidden (growing widens) or become forbidden
 * (shrinking narrows); when absent they were anything (growing constrains them: narrowing); when
 * a schema, each position is compared with it like any schema.
 */
function compareTupleLength(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const ba = bv.array;
  const ha = hv.array;
  const bn = ba.prefixItems?.length ?? 0;
  const hn = ha.prefixItems?.length ?? 0;
  const grew = hn > bn;
  const [lo, hi] = grew ? [bn, hn] : [hn, bn];
  // What governs positions lo..hi-1 on the side without a tuple slot there.
  const rest = grew ? ba.items : ha.items;
  const slot = (i: number) => (grew ? ha.prefixItems![i] : ba.prefixItems![i])!;
  const pointer = `${arrAt(bv, hv)}/prefixItems`;
  const size = `tuple ${grew ? "grew" : "shrank"} from ${bn} to ${hn} positions`;
  if (isFalse(rest)) {
    if (grew) report(cx, "widen", "tuple-length", pointer, where, `${size}: ${positions(lo, hi)} now allowed (no items were allowed after the tuple)`);
    else report(cx, "narrow", "tuple-length", pointer, where, `${size}: ${positions(lo, hi)} no longer allowed (items: false after the tuple)`);
  } else if (rest) {
    for (let i = lo; i < hi; i++) compareSchemas(grew ? rest : slot(i), grew ? slot(i) : rest, `${where}[${i}]`, cx);
  } else {
    const changed = [...Array(hi - lo).keys()].map((k) => lo + k).filter((i) => !equivalent(undefined, slot(i), cx));
    if (!changed.length) return;
    if (grew) report(cx, "narrow", "tuple-length", pointer, where, `${size}: ${positions(lo, hi)} must now match ${changed.length > 1 ? "their" : "its"} tuple schema`);
    else report(cx, "widen", "tuple-length", pointer, where, `${size}: ${positions(lo, hi)} no longer checked (any value)`);
  }
}

/** `items` (after the tuple, if any): `items: false` added narrows, removed widens, else compared. */
function compareItems(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const ba = bv.array;
  const ha = hv.array;
  if (!ba.items && !ha.items) return;
  const n = Math.max(ba.prefixItems?.length ?? 0, ha.prefixItems?.length ?? 0);
  const tuple = n > 0;
  const thing = tuple ? "tuple-items" : "items";
  const after = tuple ? `items after position ${n - 1}` : "items";
  const pointer = `${arrAt(bv, hv)}/items`;
  if (isFalse(ha.items) && !isFalse(ba.items)) report(cx, "narrow", thing, pointer, where, `items: false added: no ${after} allowed any more`);
  else if (isFalse(ba.items) && !isFalse(ha.items)) report(cx, "widen", thing, pointer, where, `items: false removed: ${after} now allowed`);
  else if (!isFalse(ba.items)) compareSchemas(ba.items, ha.items, tuple ? `${where}[${n}…]` : `${where}[]`, cx);
}

/**
 * `contains` (with `minContains`, default 1, and `maxContains`): adding it narrows, removing it
 * widens, a changed one is compared like an item schema; its counts are bounds.
 */
function compareContains(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const ba = bv.array;
  const ha = hv.array;
  if (!ba.contains && !ha.contains) return;
  const pointer = (key: string) => `${arrAt(bv, hv)}/${key}`;
  if (!ba.contains) return report(cx, "narrow", "contains", pointer("contains"), where, `contains added: at least ${ha.minContains ?? 1} item${(ha.minContains ?? 1) === 1 ? "" : "s"} must match it`);
  if (!ha.contains) return report(cx, "widen", "contains", pointer("contains"), where, "contains removed: no item needs to match it any more");
  compareSchemas(ba.contains, ha.contains, `${where}[contains]`, cx);
  const [bmin, hmin] = [ba.minContains ?? 1, ha.minContains ?? 1];
  if (bmin !== hmin) report(cx, hmin > bmin ? "narrow" : "widen", "min-contains", pointer("minContains"), where, `minContains ${hmin > bmin ? "tightened" : "relaxed"} from ${bmin} to ${hmin}`);
  const [bmax, hmax] = [ba.maxContains, ha.maxContains];
  if (bmax === hmax) return;
  if (bmax === undefined) report(cx, "narrow", "max-contains", pointer("maxContains"), where, `maxContains ${hmax} added`);
  else if (hmax === undefined) report(cx, "widen", "max-contains", pointer("maxContains"), where, `maxContains ${bmax} removed`);
  else report(cx, hmax < bmax ? "narrow" : "widen", "max-contains", pointer("maxContains"), where, `maxContains ${hmax < bmax ? "tightened" : "relaxed"} from ${bmax} to ${hmax}`);
}
