import type { JsonType } from "@specforge/codegen/model";
import type { SchemaView } from "./view.js";
import { type CompareContext, report, fmt } from "./context.js";
import { compareRange } from "./range.js";
import { formatEffect } from "./formats.js";

type Family = "string" | "number" | "array" | "object";

/** Counts: a lower bound that rises, or an upper bound that falls, narrows (a number's range: range.ts). */
const BOUNDS: { family: Family; key: string; kind: "min" | "max"; thing: string }[] = [
  { family: "string", key: "minLength", kind: "min", thing: "min-length" },
  { family: "string", key: "maxLength", kind: "max", thing: "max-length" },
  { family: "array", key: "minItems", kind: "min", thing: "min-items" },
  { family: "array", key: "maxItems", kind: "max", thing: "max-items" },
  { family: "object", key: "minProperties", kind: "min", thing: "min-properties" },
  { family: "object", key: "maxProperties", kind: "max", thing: "max-properties" },
];

/**
 * Assertions that either hold or not: adding one narrows, removing one widens, changing it is both
 * (but for numeric formats that nest: formats.ts).
 */
const FLAGS: { family: Family; key: string; thing: string }[] = [
  { family: "string", key: "pattern", thing: "pattern" },
  { family: "string", key: "format", thing: "format" },
  { family: "string", key: "contentMediaType", thing: "content-media-type" },
  { family: "string", key: "contentEncoding", thing: "content-encoding" },
  { family: "number", key: "format", thing: "format" },
  { family: "array", key: "uniqueItems", thing: "unique-items" },
];

function family(v: SchemaView, f: Family): Record<string, unknown> {
  return (f === "object" ? (v.object ?? {}) : v[f]) as Record<string, unknown>;
}

const at = (bv: SchemaView, hv: SchemaView, f: Family, key: string) => `${hv.at[f] ?? bv.at[f] ?? hv.pointer}/${key}`;

/** The JSON type each family of keywords applies to. */
const TYPE_OF: Record<Family, JsonType> = { string: "string", number: "number", array: "array", object: "object" };

/** Bounds and flags of the families whose type both sides allow (`both`). */
export function compareBounds(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext, both: (t: JsonType) => boolean = () => true): void {
  for (const { family: f, key, kind, thing } of BOUNDS) {
    if (!both(TYPE_OF[f])) continue;
    const b = family(bv, f)[key] as number | undefined;
    const h = family(hv, f)[key] as number | undefined;
    if (b === h) continue;
    const pointer = at(bv, hv, f, key);
    if (b === undefined) report(cx, "narrow", thing, pointer, where, `${key} ${h} added`);
    else if (h === undefined) report(cx, "widen", thing, pointer, where, `${key} ${b} removed`);
    else {
      const narrower = kind === "min" ? h > b : h < b;
      report(cx, narrower ? "narrow" : "widen", thing, pointer, where, `${key} ${narrower ? "tightened" : "relaxed"} from ${b} to ${h}`);
    }
  }
  for (const { family: f, key, thing } of FLAGS) {
    if (!both(TYPE_OF[f])) continue;
    const b = family(bv, f)[key];
    const h = family(hv, f)[key];
    if (b === h || (b === false && h === undefined) || (b === undefined && h === false)) continue;
    const pointer = at(bv, hv, f, key);
    if (b === undefined || b === false) report(cx, "narrow", thing, pointer, where, `${key} ${fmt(h)} added`);
    else if (h === undefined || h === false) report(cx, "widen", thing, pointer, where, `${key} ${fmt(b)} removed`);
    else {
      const effect = key === "format" && typeof b === "string" && typeof h === "string" ? formatEffect(b, h) : "change";
      const word = effect === "widen" ? "widened" : effect === "narrow" ? "narrowed" : "changed";
      report(cx, effect, thing, pointer, where, `${key} ${word} from ${fmt(b)} to ${fmt(h)}`);
    }
  }
  if (both("number")) {
    compareRange(bv, hv, where, cx);
    compareMultipleOf(bv, hv, where, cx);
  }
}

function compareMultipleOf(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const b = bv.number.multipleOf;
  const h = hv.number.multipleOf;
  if (b === h) return;
  const pointer = at(bv, hv, "number", "multipleOf");
  // On the decimal values as written: 0.3 / 0.1 is 2.9999999999999996 in binary floating point,
  // and a tolerance on the ratio would call 3000000001 a multiple of 3.
  const divides = (x: number, y: number) => Math.abs(y) >= Math.abs(x) && decimalMultiple(y, x);
  if (b === undefined) report(cx, "narrow", "multiple-of", pointer, where, `multipleOf ${h} added`);
  else if (h === undefined) report(cx, "widen", "multiple-of", pointer, where, `multipleOf ${b} removed`);
  else if (divides(b, h)) report(cx, "narrow", "multiple-of", pointer, where, `multipleOf tightened from ${b} to ${h}`);
  else if (divides(h, b)) report(cx, "widen", "multiple-of", pointer, where, `multipleOf relaxed from ${b} to ${h}`);
  else report(cx, "change", "multiple-of", pointer, where, `multipleOf changed from ${b} to ${h}`);
}

/** Whether `v` is a whole multiple of `m`, decided on their decimal forms (exact for what a spec can write). */
function decimalMultiple(v: number, m: number): boolean {
  if (!Number.isFinite(v) || !Number.isFinite(m) || m === 0) return false;
  const dec = (n: number): [bigint, number] => {
    const [digits, exp = "0"] = String(Math.abs(n)).split("e");
    const [int, frac = ""] = digits!.split(".");
    return [BigInt(int! + frac), Number(exp) - frac.length];
  };
  const [a, ea] = dec(v);
  const [b, eb] = dec(m);
  const e = Math.min(ea, eb);
  return (a * 10n ** BigInt(ea - e)) % (b * 10n ** BigInt(eb - e)) === 0n;
}
