/**
 * Strings matching a JSON Schema `pattern`: parse (regex-parse.ts), generate aiming at a target
 * length (so minLength/maxLength can be met), and always confirm with the real RegExp (`u` flag,
 * as Ajv compiles it). Returns undefined when no attempt matched (the caller warns).
 */
import { parseRegex, type RNode } from "./regex-parse.js";
import type { Rng } from "./prng.js";
import { codePoints, patternRegExp } from "./schema.js";

const PREFERRED = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.";
const astCache = new Map<string, RNode | null>();
const minCache = new WeakMap<RNode, number>();

function minLen(n: RNode): number {
  let v = minCache.get(n);
  if (v !== undefined) return v;
  switch (n.t) {
    case "set": v = 1; break;
    case "empty": case "backref": v = 0; break;
    case "group": v = minLen(n.node); break;
    case "rep": v = n.min * minLen(n.node); break;
    case "seq": v = n.items.reduce((a, x) => a + minLen(x), 0); break;
    case "alt": v = Math.min(...n.options.map(minLen)); break;
  }
  minCache.set(n, v);
  return v;
}

function canGrow(n: RNode): boolean {
  switch (n.t) {
    case "rep": return n.max > n.min || canGrow(n.node);
    case "group": return canGrow(n.node);
    case "seq": return n.items.some(canGrow);
    case "alt": return n.options.length > 1 || n.options.some(canGrow);
    default: return false;
  }
}

function inSet(ranges: [number, number][], c: number): boolean {
  for (const [lo, hi] of ranges) if (c >= lo && c <= hi) return true;
  return false;
}

function pickChar(ranges: [number, number][], negate: boolean, rng: Rng): string {
  if (negate) {
    const ok = [...PREFERRED].filter((ch) => !inSet(ranges, ch.codePointAt(0)!));
    if (ok.length) return rng.pick(ok);
    for (let c = 33; c < 0x3000; c++) if (!inSet(ranges, c)) return String.fromCodePoint(c);
    return "";
  }
  if (ranges.length === 0) return "";
  const weights = ranges.map(([lo, hi]) => Math.min(hi - lo + 1, 26));
  let r = rng.int(0, weights.reduce((a, b) => a + b, 0) - 1);
  let k = 0;
  while (r >= weights[k]!) r -= weights[k++]!;
  const [lo, hi] = ranges[k]!;
  // Inside wide ranges (e.g. [ -~]) prefer letters and digits when the range offers them.
  const friendly = [...PREFERRED].filter((ch) => ch.codePointAt(0)! >= lo && ch.codePointAt(0)! <= hi);
  if (hi - lo > 26 && friendly.length) return rng.pick(friendly);
  return String.fromCodePoint(rng.int(lo, Math.min(hi, 0x10ffff)));
}

function gen(n: RNode, target: number | undefined, rng: Rng, caps: string[]): string {
  switch (n.t) {
    case "empty": return "";
    case "set": return pickChar(n.ranges, n.negate, rng);
    case "backref": return caps[n.index] ?? "";
    case "group": {
      const s = gen(n.node, target, rng, caps);
      if (n.index) caps[n.index] = s;
      return s;
    }
    case "alt": {
      const fits = target === undefined ? n.options : n.options.filter((o) => minLen(o) <= target);
      return gen(rng.pick(fits.length ? fits : n.options), target, rng, caps);
    }
    case "seq": {
      if (target === undefined) return n.items.map((x) => gen(x, undefined, rng, caps)).join("");
      const mins = n.items.map(minLen);
      let extra = Math.max(0, target - mins.reduce((a, b) => a + b, 0));
      const growable = n.items.map((x, i) => (canGrow(x) ? i : -1)).filter((i) => i >= 0);
      const alloc = n.items.map(() => 0);
      for (let k = 0; k < growable.length && extra > 0; k++) {
        const give = k === growable.length - 1 ? extra : rng.int(0, extra);
        alloc[growable[k]!]! += give;
        extra -= give;
      }
      return n.items.map((x, i) => gen(x, mins[i]! + alloc[i]!, rng, caps)).join("");
    }
    case "rep": {
      const unit = Math.max(1, minLen(n.node));
      const cap = Math.min(n.max, n.min + 256);
      const count = target === undefined ? Math.min(n.max, n.min + rng.int(0, n.max === Infinity ? 3 : Math.min(8, n.max - n.min))) : Math.max(n.min, Math.min(cap, Math.round(target / unit)));
      const each = target === undefined || count === 0 ? undefined : Math.max(minLen(n.node), Math.floor(target / count));
      let s = "";
      for (let k = 0; k < count; k++) s += gen(n.node, each, rng, caps);
      return s;
    }
  }
}

/** A string matching `pattern` with a code-point length in [minLength, maxLength], or undefined. */
export function stringForPattern(pattern: string, rng: Rng, minLength = 0, maxLength = Infinity): string | undefined {
  const re = patternRegExp(pattern);
  if (!re) return undefined;
  let ast = astCache.get(pattern);
  if (ast === undefined) {
    try {
      // The compiled source: a foreign pattern's rewriting (`\A` → `^`) is what generates.
      ast = parseRegex(re.source);
    } catch {
      ast = null;
    }
    astCache.set(pattern, ast);
  }
  if (!ast) return undefined;
  const fits = (s: string) => {
    const n = codePoints(s);
    return n >= minLength && n <= maxLength && re.test(s);
  };
  const natural = Math.max(minLength, Math.min(maxLength, minLen(ast) + 6));
  for (let attempt = 0; attempt < 24; attempt++) {
    const mode = attempt % 3;
    const target = mode === 0 ? undefined : mode === 1 ? natural : rng.int(minLength, Math.min(maxLength, Math.max(minLength, natural) + 16));
    const s = gen(ast, target, rng, []);
    if (fits(s)) return s;
  }
  // Unanchored patterns match anywhere: padding keeps the match and can reach minLength.
  for (let attempt = 0; attempt < 4; attempt++) {
    const s = gen(ast, undefined, rng, []);
    if (!re.test(s) || codePoints(s) >= minLength) continue;
    const pad = "x".repeat(minLength - codePoints(s));
    if (fits(s + pad)) return s + pad;
    if (fits(pad + s)) return pad + s;
  }
  return undefined;
}
