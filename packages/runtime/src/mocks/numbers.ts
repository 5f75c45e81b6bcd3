/**
 * Numbers under bounds (inclusive/exclusive), `multipleOf` (a value passes both Ajv's own float
 * arithmetic, so 0.3 is never offered for multipleOf 0.1, and the exact decimal test), integer-ness and int32/int64 formats,
 * aiming at a realistic value for the property name (prices, ages, pages, coordinates…).
 */
import type { Rng } from "./prng.js";
import { isExactMultipleOf, isMultipleOf } from "./validate-support.js";
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

interface Bounds {
  lo: number;
  hi: number;
  loX: boolean;
  hiX: boolean;
  integer: boolean;
  k: NumberConstraints;
}

function inRange(x: number, b: Bounds): boolean {
  return (b.loX ? x > b.lo : x >= b.lo) && (b.hiX ? x < b.hi : x <= b.hi);
}

function valid(x: number, b: Bounds): boolean {
  if (!Number.isFinite(x) || !inRange(x, b) || (b.integer && !Number.isInteger(x))) return false;
  for (const m of b.k.multipleOf) if (!isMultipleOf(x, m) || !isExactMultipleOf(x, m)) return false;
  return b.k.format !== "int32" || Math.abs(x) <= INT32;
}

/** k × m, rounded to m's decimals (so 3 × 0.1 is 0.3, not 0.30000000000000004). */
function times(n: number, m: number, d: number): number {
  return d > 0 ? Number((n * m).toFixed(d)) : n * m;
}

export function genNumber(k: NumberConstraints, integerType: boolean, hint: NameHint, rng: Rng): number | undefined {
  const integer = integerType || k.format === "int32" || k.format === "int64";
  const b: Bounds = { lo: k.minimum ?? -Infinity, hi: k.maximum ?? Infinity, loX: false, hiX: false, integer, k };
  if (k.exclusiveMinimum !== undefined && k.exclusiveMinimum >= b.lo) [b.lo, b.loX] = [k.exclusiveMinimum, true];
  if (k.exclusiveMaximum !== undefined && k.exclusiveMaximum <= b.hi) [b.hi, b.hiX] = [k.exclusiveMaximum, true];
  if (k.format === "int32") {
    if (b.lo < -INT32 - 1) [b.lo, b.loX] = [-INT32 - 1, false];
    if (b.hi > INT32) [b.hi, b.hiX] = [INT32, false];
  }
  if (integer) {
    if (Number.isFinite(b.lo)) b.lo = b.loX ? Math.floor(b.lo) + 1 : Math.ceil(b.lo);
    if (Number.isFinite(b.hi)) b.hi = b.hiX ? Math.ceil(b.hi) - 1 : Math.floor(b.hi);
    b.loX = b.hiX = false;
  }
  const { lo, hi } = b;
  if (lo > hi) return undefined;

  let t = numberByName(hint, integer, rng) ?? (integer ? rng.int(1, 100) : rng.int(100, 99999) / 100);
  if (!inRange(t, b)) {
    const span = integer ? rng.int(1, 10) : rng.int(1, 1000) / 100;
    if (Number.isFinite(lo) && Number.isFinite(hi)) t = lo + (hi - lo) * (0.25 + rng.float() * 0.5);
    else if (Number.isFinite(lo)) t = lo + span;
    else t = hi - span;
  }
  if (integer) t = Math.min(hi, Math.max(lo, Math.round(t)));

  if (k.multipleOf.length === 0) {
    for (const x of [t, Math.round(t * 100) / 100, lo, hi, (lo + hi) / 2]) if (valid(x, b)) return x;
    return undefined;
  }
  for (const m of [...k.multipleOf].sort((p, q) => q - p)) {
    const d = decimals(m);
    const base = Math.round(t / m);
    for (let step = 0; step < 64; step++) {
      const x = times(base + (step % 2 ? (step + 1) / 2 : -step / 2), m, d);
      if (valid(x, b)) return x;
    }
    if (Number.isFinite(lo)) {
      const first = Math.ceil(lo / m);
      for (let j = 0; j < 64; j++) if (valid(times(first + j, m, d), b)) return times(first + j, m, d);
    }
    if (Number.isFinite(hi)) {
      const last = Math.floor(hi / m);
      for (let j = 0; j < 64; j++) if (valid(times(last - j, m, d), b)) return times(last - j, m, d);
    }
  }
  return valid(0, b) ? 0 : undefined;
}
