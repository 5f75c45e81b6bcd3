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

/** Whether `x` is a value that family `f`'s keywords apply to. */
const IN_FAMILY: Record<Family, (x: unknown) => boolean> = {
  string: (x) => typeof x === "string",
  number: (x) => typeof x === "number",
  array: (x) => Array.isArray(x),
  object: (x) => typeof x === "object" && x !== null && !Array.isArray(x),
};

/** The size a length bound counts: code points of a string, items of an array, properties of an object. */
const size = (x: unknown): number => (typeof x === "string" ? [...x].length : Array.isArray(x) ? x.length : Object.keys(x as object).length);

/**
 * Whether the `enum` (or `const`) of `v` keeps its values within what `ok` allows: then a bound
 * loosened on the other side lets in nothing this side can hold (an enum of short strings next to a
 * `maxLength` that is gone), and a bound tightened on this side's counterpart shuts out nothing
 * this side had. Values of another type are untouched by the family's keywords.
 */
function enumWithin(v: SchemaView, f: Family, ok: (x: unknown) => boolean): boolean {
  return !!v.enum && v.enum.every((x) => !IN_FAMILY[f](x) || ok(x));
}

/**
 * Whether a change of effect `effect` between `bv` and `hv` changes no value either side can hold:
 * a widening only adds values the base's constraint (`okBase`) rejects, so it is moot when the
 * head's enum has none of them; a narrowing only removes values the head's (`okHead`) rejects, so
 * it is moot when the base's enum has none. A change is both.
 */
function isMoot(effect: "narrow" | "widen" | "change", bv: SchemaView, hv: SchemaView, f: Family, okBase: (x: unknown) => boolean, okHead: (x: unknown) => boolean): boolean {
  const widenMoot = () => enumWithin(hv, f, okBase);
  const narrowMoot = () => enumWithin(bv, f, okHead);
  return effect === "widen" ? widenMoot() : effect === "narrow" ? narrowMoot() : widenMoot() && narrowMoot();
}

const lengthOk = (kind: "min" | "max", n: number | undefined) => (x: unknown) => n === undefined || (kind === "min" ? size(x) >= n : size(x) <= n);

/** Whether `x` is within the view's number range (both ends, inclusive or exclusive as written). */
const inRange = (v: SchemaView) => (x: unknown) => {
  const n = x as number;
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = v.number;
  return (minimum === undefined || n >= minimum) && (maximum === undefined || n <= maximum) && (exclusiveMinimum === undefined || n > exclusiveMinimum) && (exclusiveMaximum === undefined || n < exclusiveMaximum);
};

/** The JSON type each family of keywords applies to. */
const TYPE_OF: Record<Family, JsonType> = { string: "string", number: "number", array: "array", object: "object" };

/**
 * Where the bound changes are that the enums make moot (see `isMoot`): compareBounds reports none of
 * them, and the enum finding that says what the values became covers them.
 */
export function mootBounds(bv: SchemaView, hv: SchemaView, cx: CompareContext, both: (t: JsonType) => boolean = () => true): string[] {
  const out: string[] = [];
  if (!bv.enum && !hv.enum) return out;
  compareBounds(bv, hv, "", { ...cx, sink: { ...cx.sink, emit: () => {} } }, both, out);
  return out;
}

/**
 * Bounds and flags of the families whose type both sides allow (`both`). `mooted` collects the
 * pointers of the bound changes left unreported because no value either enum holds is affected.
 */
export function compareBounds(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext, both: (t: JsonType) => boolean = () => true, mooted: string[] = []): void {
  for (const { family: f, key, kind, thing } of BOUNDS) {
    if (!both(TYPE_OF[f])) continue;
    const b = family(bv, f)[key] as number | undefined;
    const h = family(hv, f)[key] as number | undefined;
    if (b === h) continue;
    const pointer = at(bv, hv, f, key);
    const effect = b === undefined ? "narrow" : h === undefined ? "widen" : (kind === "min" ? h > b : h < b) ? "narrow" : "widen";
    if (isMoot(effect, bv, hv, f, lengthOk(kind, b), lengthOk(kind, h))) {
      mooted.push(pointer);
      continue;
    }
    if (b === undefined) report(cx, "narrow", thing, pointer, where, `${key} ${h} added`);
    else if (h === undefined) report(cx, "widen", thing, pointer, where, `${key} ${b} removed`);
    else report(cx, effect, thing, pointer, where, `${key} ${effect === "narrow" ? "tightened" : "relaxed"} from ${b} to ${h}`);
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
    compareRange(bv, hv, where, enumFiltered(bv, hv, cx, mooted));
    compareMultipleOf(bv, hv, where, cx, mooted);
  }
}

/**
 * `cx`, less the range findings the enums make moot (see `isMoot`): range.ts reports each end on its
 * own, and either end's widening adds only values outside the base's whole range.
 */
function enumFiltered(bv: SchemaView, hv: SchemaView, cx: CompareContext, mooted: string[]): CompareContext {
  if (!bv.enum && !hv.enum) return cx;
  const effects = { narrowed: "narrow", widened: "widen", changed: "change" } as const;
  const emit = cx.sink.emit;
  return {
    ...cx,
    sink: {
      ...cx.sink,
      emit: (c) => {
        const word = /-(narrowed|widened|changed)$/.exec(c.rule)?.[1] as keyof typeof effects | undefined;
        if (word && isMoot(effects[word], bv, hv, "number", inRange(bv), inRange(hv))) {
          mooted.push(c.pointer, ...(c.covers ?? []));
          return;
        }
        emit(c);
      },
    },
  };
}

function compareMultipleOf(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext, mooted: string[]): void {
  const b = bv.number.multipleOf;
  const h = hv.number.multipleOf;
  if (b === h) return;
  const pointer = at(bv, hv, "number", "multipleOf");
  const okOf = (m: number | undefined) => (x: unknown) => m === undefined || decimalMultiple(x as number, m);
  // On the decimal values as written: 0.3 / 0.1 is 2.9999999999999996 in binary floating point,
  // and a tolerance on the ratio would call 3000000001 a multiple of 3.
  const divides = (x: number, y: number) => Math.abs(y) >= Math.abs(x) && decimalMultiple(y, x);
  const effect = b === undefined ? "narrow" : h === undefined ? "widen" : divides(b, h) ? "narrow" : divides(h, b) ? "widen" : "change";
  if (isMoot(effect, bv, hv, "number", okOf(b), okOf(h))) return void mooted.push(pointer);
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
