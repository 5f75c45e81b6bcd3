import type { SchemaView } from "./view.js";
import { type CompareContext, report } from "./context.js";

/** One end of a number's range: its value, whether the value itself is excluded, and the keyword that says so. */
interface End {
  value: number;
  exclusive: boolean;
  key: "minimum" | "exclusiveMinimum" | "maximum" | "exclusiveMaximum";
}

/**
 * The bound in force when a schema has both keywords (`minimum: 0, exclusiveMinimum: 0` is `> 0`;
 * 3.0's `exclusiveMinimum: true` arrives from the loader as the numeric form).
 */
function end(v: SchemaView, kind: "min" | "max"): End | undefined {
  const [inclusive, exclusive] = kind === "min" ? [v.number.minimum, v.number.exclusiveMinimum] : [v.number.maximum, v.number.exclusiveMaximum];
  const ik = kind === "min" ? "minimum" : "maximum";
  const ek = kind === "min" ? "exclusiveMinimum" : "exclusiveMaximum";
  if (exclusive === undefined) return inclusive === undefined ? undefined : { value: inclusive, exclusive: false, key: ik };
  if (inclusive === undefined) return { value: exclusive, exclusive: true, key: ek };
  const exclusiveWins = kind === "min" ? exclusive >= inclusive : exclusive <= inclusive;
  return exclusiveWins ? { value: exclusive, exclusive: true, key: ek } : { value: inclusive, exclusive: false, key: ik };
}

const THING = { minimum: "minimum", exclusiveMinimum: "exclusive-minimum", maximum: "maximum", exclusiveMaximum: "exclusive-maximum" } as const;
const show = (e: End, kind: "min" | "max") => `${kind === "min" ? ">" : "<"}${e.exclusive ? "" : "="} ${e.value}`;

/**
 * A number's lower and upper bound, each compared as one (value and exclusiveness): turning
 * `> 0` into `>= 0` lets 0 in, whichever keywords spell it. A bound that admits fewer values
 * narrows. Reported under the keyword that sets the bound now (the base's, when it is gone).
 */
export function compareRange(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  for (const kind of ["min", "max"] as const) {
    const b = end(bv, kind);
    const h = end(hv, kind);
    if (!b && !h) continue;
    const word = kind === "min" ? "lower" : "upper";
    const key = (h ?? b)!.key;
    const pointer = `${(h ? hv : bv).at.number ?? hv.pointer}/${key}`;
    const thing = THING[key];
    // The keyword that set the bound before is part of the same change.
    const was = b ? [`${bv.at.number ?? bv.pointer}/${b.key}`] : [];
    if (!b) report(cx, "narrow", thing, pointer, where, `${key} ${h!.value} added (${word} bound ${show(h!, kind)})`, was);
    else if (!h) report(cx, "widen", thing, pointer, where, `${b.key} ${b.value} removed (no ${word} bound)`, was);
    else if (b.value !== h.value || b.exclusive !== h.exclusive) {
      // Further in, or as far but no longer reaching the value itself.
      const inward = kind === "min" ? h.value > b.value : h.value < b.value;
      const narrower = inward || (b.value === h.value && h.exclusive);
      report(cx, narrower ? "narrow" : "widen", thing, pointer, where, `${word} bound ${narrower ? "tightened" : "relaxed"} from ${show(b, kind)} to ${show(h, kind)}`, was);
    }
  }
}
