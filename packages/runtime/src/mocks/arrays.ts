/**
 * Arrays: minItems..maxItems (two items at the top of a fixture, one deeper, minItems when cut),
 * tuples (prefixItems), `contains`/minContains, and `uniqueItems` by regenerating duplicates as
 * other variants without spec examples.
 */
import { NONE, deepEqual, type MockSchema } from "./schema.js";
import type { Constraints } from "./merge.js";
import { child, singular, type Ctx, type Engine } from "./context.js";

/** The schemas item `i` must satisfy. */
export function itemSchemas(k: Constraints, i: number): MockSchema[] {
  const out: MockSchema[] = [];
  for (const a of k.arrays) {
    const s = i < a.prefix.length ? a.prefix[i] : a.items;
    if (s) out.push(s);
  }
  return out;
}

export function genArray(k: Constraints, e: Engine, c: Ctx): unknown {
  const tuple = Math.max(0, ...k.arrays.map((a) => a.prefix.length));
  const containsMin = Math.max(0, ...k.contains.map((x) => x.min));
  let want = c.minimal ? k.minItems : Math.max(k.minItems, tuple || (c.depth === 0 ? 2 : 1));
  want = Math.min(Math.max(want, containsMin), k.maxItems);
  const out: unknown[] = [];
  const itemName = singular(c.hint.name);
  for (let i = 0; i < want; i++) {
    const schemas = i < containsMin ? [...itemSchemas(k, i), ...k.contains.map((x) => x.schema)] : itemSchemas(k, i);
    // Past the items that must match `contains`, the others must not push it over maxContains.
    const capped = i >= containsMin && k.contains.some((x) => x.max !== Infinity);
    let v: unknown = NONE;
    for (let t = 0; t < (k.unique || capped ? 8 : 1); t++) {
      v = e.valueOf(schemas, child(c, itemName, c.variant + i + t * 7, c.noExamples || t > 0));
      if (v === NONE) break;
      const duplicate = k.unique && out.some((o) => deepEqual(o, v));
      const overContains = capped && k.contains.some((x) => e.validator.isValid(v, x.schema) && out.filter((o) => e.validator.isValid(o, x.schema)).length >= x.max);
      if (!duplicate && !overContains) break;
      v = NONE;
    }
    if (v === NONE) {
      if (i < k.minItems || i < containsMin) return NONE;
      break;
    }
    out.push(v);
  }
  return out;
}
