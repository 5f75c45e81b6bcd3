/**
 * Strings under every string constraint at once: length (in code points), one or more patterns,
 * format. Candidates are tried most realistic first: by property name, by format, from the
 * pattern (regex-gen.ts), then words sized to the length bounds; the first that passes wins.
 */
import type { Rng } from "./prng.js";
import { codePoints, patternRegExp, sliceCodePoints } from "./schema.js";
import { formatOk } from "./formats.js";
import { formatValue } from "./format-values.js";
import { stringsByName, type NameHint } from "./names.js";
import { stringForPattern } from "./regex-gen.js";
import { WORDS } from "./words.js";

export interface StringConstraints {
  minLength: number;
  maxLength: number;
  patterns: string[];
  format: string | undefined;
  /** Cache: the patterns compiled (as Ajv does). */
  compiled: (readonly [string, RegExp | null])[] | undefined;
}

/** Why no string could be found, for the warning (undefined when one was). */
export type StringResult = { ok: true; value: string } | { ok: false; reason: string };

function fits(s: string, k: StringConstraints, regexes: readonly (readonly [string, RegExp | null])[]): boolean {
  if (k.minLength > 0 || k.maxLength !== Infinity) {
    const n = codePoints(s);
    if (n < k.minLength || n > k.maxLength) return false;
  }
  if (k.format !== undefined && !formatOk(k.format, s)) return false;
  for (const [, re] of regexes) if (re && !re.test(s)) return false;
  return true;
}

/** Start-anchored patterns first, end-anchored last (for concatenating one match of each). */
function anchorRank(p: string): number {
  return p.startsWith("^") ? 0 : /(^|[^\\])\$$/.test(p) ? 2 : 1;
}

export function genString(k: StringConstraints, hint: NameHint, rng: Rng): StringResult {
  const regexes = (k.compiled ??= k.patterns.map((p) => [p, patternRegExp(p)] as const));
  // Binary payloads are placeholders whatever the property is called; other formats yield to names.
  const formatFirst = k.format === "binary" || k.format === "byte";
  if (formatFirst) {
    const s = formatValue(k.format!, rng);
    if (s !== undefined && fits(s, k, regexes)) return { ok: true, value: s };
  }
  for (const s of stringsByName(hint, rng)) if (fits(s, k, regexes)) return { ok: true, value: s };
  if (!formatFirst && k.format !== undefined) {
    const s = formatValue(k.format, rng);
    if (s !== undefined && fits(s, k, regexes)) return { ok: true, value: s };
  }
  for (let round = 0; round < 3; round++) {
    for (const [pattern] of regexes) {
      const s = stringForPattern(pattern, rng, k.minLength, k.maxLength);
      if (s !== undefined && fits(s, k, regexes)) return { ok: true, value: s };
    }
  }
  // Several patterns: a match of each, concatenated (start-anchored first, end-anchored last),
  // matches them all when no pattern is anchored at both ends.
  if (regexes.length > 1) {
    const ordered = [...k.patterns].sort((p, q) => anchorRank(p) - anchorRank(q));
    for (let round = 0; round < 3; round++) {
      const parts = ordered.map((p) => stringForPattern(p, rng));
      if (parts.every((x) => x !== undefined) && fits(parts.join(""), k, regexes)) return { ok: true, value: parts.join("") };
    }
  }
  const generic = sized(rng, k.minLength, k.maxLength);
  if (fits(generic, k, regexes)) return { ok: true, value: generic };
  const bad = regexes.find(([, re]) => re === null);
  if (bad) return { ok: false, reason: `pattern ${JSON.stringify(bad[0])} is not a valid regular expression` };
  const what = [k.patterns.length ? `pattern ${k.patterns.map((p) => JSON.stringify(p)).join(" and ")}` : "", k.format ? `format "${k.format}"` : "", `length ${k.minLength}..${k.maxLength}`].filter(Boolean);
  return { ok: false, reason: `could not generate a string matching ${what.join(", ")}` };
}

/** Words joined by "-", padded or cut to the length bounds. */
function sized(rng: Rng, min: number, max: number): string {
  let s = rng.pick(WORDS);
  while (codePoints(s) < min) s += `-${rng.pick(WORDS)}`;
  return codePoints(s) > max ? sliceCodePoints(s, max) : s;
}
