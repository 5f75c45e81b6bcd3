/**
 * Numbers under bounds (inclusive/exclusive), `multipleOf` (checked with Ajv's own float
 * arithmetic, so 0.3 is never offered for multipleOf 0.1), integer-ness and int32/int64 formats,
 * aiming at a realistic value for the property name (prices, ages, pages, coordinates…).
 */
import type { Rng } from "./prng.js";
import { isMultipleOf } from "./validate.js";
import { numberByName, type NameHint } from "./names.js";

export interface NumberConstraints {
  minimum: number | undefined;
  maximum: number | undefined;
  exclusiveMinimum: number | undefined;
  exclusiveMaximum: number | undefined;
  multipleOf: number[];
  format: string | undefined;
}

const INT32 = 2147483647;

function decimals(m: number): number {
  const [mant, exp] = String(m).split("e-");
  const frac = mant!.split(".")[1]?.length ?? 0;
  return Math.min(100, frac + (exp ? Number(exp) : 0));
}

export function genNumber(k: NumberConstraints, integerType: boolean, hint: NameHint, rng: Rng): number | undefined {
  const integer = integerType || k.format === "int32" || k.format === "int64";
  let lo = k.minimum ?? -Infinity;
  let hi = k.maximum ?? Infinity;
  let loX = false;
  let hiX = false;
  if (k.exclusiveMinimum !== undefined && k.exclusiveMinimum >= lo) [lo, loX] = [k.exclusiveMinimum, true];
  if (k.exclusiveMaximum !== undefined && k.exclusiveMaximum <= hi) [hi, hiX] = [k.exclusiveMaximum, true];
  if (k.format === "int32") {
    if (lo < -INT32 - 1) [lo, loX] = [-INT32 - 1, false];
    if (hi > INT32) [hi, hiX] = [INT32, false];
  }
  if (integer) {
    if (Number.isFinite(lo)) lo = loX ? Math.floor(lo) + 1 : Math.ceil(lo);
    if (Number.isFinite(hi)) hi = hiX ? Math.ceil(hi) - 1 : Math.floor(hi);
    loX = hiX = false;
  }
  const inRange = (x: number) => (loX ? x > lo : x >= lo) && (hiX ? x < hi : x <= hi);
  const valid = (x: number) => Number.isFinite(x) && inRange(x) && (!integer || Number.isInteger(x)) && k.multipleOf.every((m) => isMultipleOf(x, m)) && (k.format !== "int32" || Math.abs(x) <= INT32);
  if (lo > hi) return undefined;

  let t = numberByName(hint, integer, rng) ?? (integer ? rng.int(1, 100) : rng.int(100, 99999) / 100);
  if (!inRange(t)) {
    const span = integer ? rng.int(1, 10) : rng.int(1, 1000) / 100;
    if (Number.isFinite(lo) && Number.isFinite(hi)) t = lo + (hi - lo) * (0.25 + rng.float() * 0.5);
    else if (Number.isFinite(lo)) t = lo + span;
    else t = hi - span;
  }
  if (integer) t = Math.min(hi, Math.max(lo, Math.round(t)));

  if (k.multipleOf.length === 0) {
    for (const x of [t, Math.round(t * 100) / 100, lo, hi, (lo + hi) / 2]) if (valid(x)) return x;
    return undefined;
  }
  for (const m of [...k.multipleOf].sort((a, b) => b - a)) {
    const d = decimals(m);
    const at = (n: number) => (d > 0 ? Number((n * m).toFixed(d)) : n * m);
    const base = Math.round(t / m);
    for (let step = 0; step < 64; step++) {
      const x = at(base + (step % 2 ? (step + 1) / 2 : -step / 2));
      if (valid(x)) return x;
    }
    if (Number.isFinite(lo)) {
      const first = Math.ceil(lo / m);
      for (let j = 0; j < 64; j++) if (valid(at(first + j))) return at(first + j);
    }
    if (Number.isFinite(hi)) {
      const last = Math.floor(hi / m);
      for (let j = 0; j < 64; j++) if (valid(at(last - j))) return at(last - j);
    }
  }
  return valid(0) ? 0 : undefined;
}
