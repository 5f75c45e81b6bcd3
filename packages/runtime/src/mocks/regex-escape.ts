/** Escapes and predefined classes of ECMAScript regular expressions, for `regex-parse.ts`. */

export type Ranges = [number, number][];
export type SetNode = { t: "set"; ranges: Ranges; negate: boolean };
export type Escaped = number | SetNode | { t: "backref"; index: number } | { t: "empty" };

export const DIGIT: Ranges = [[48, 57]];
export const WORD: Ranges = [[48, 57], [65, 90], [95, 95], [97, 122]];
export const SPACE: Ranges = [[9, 13], [32, 32], [160, 160], [0x2028, 0x2029], [0xfeff, 0xfeff]];
export const LINE: Ranges = [[10, 10], [13, 13], [0x2028, 0x2029]];
const LETTER: Ranges = [[65, 90], [97, 122]];

/** Reading position in a pattern. */
export class Cursor {
  i = 0;
  readonly src: string;
  constructor(src: string) {
    this.src = src;
  }
  peek(offset = 0): string | undefined {
    return this.src[this.i + offset];
  }
  eof(): boolean {
    return this.i >= this.src.length;
  }
  /** Next code point, consumed. */
  codePoint(): number {
    const c = this.src.codePointAt(this.i)!;
    this.i += c > 0xffff ? 2 : 1;
    return c;
  }
}

const set = (ranges: Ranges, negate = false): SetNode => ({ t: "set", ranges, negate });
const SHORTHANDS: Record<string, SetNode> = {
  d: set(DIGIT),
  D: set(DIGIT, true),
  w: set(WORD),
  W: set(WORD, true),
  s: set(SPACE),
  S: set(SPACE, true),
};
const CONTROL: Record<string, number> = { t: 9, n: 10, r: 13, v: 11, f: 12, "0": 0 };

/** Reads the escape after a consumed backslash: a code point, a class, a back-reference or nothing (\b). */
export function readEscape(cur: Cursor, inClass: boolean): Escaped {
  if (cur.eof()) return 92;
  const c = cur.src[cur.i++]!;
  const shorthand = SHORTHANDS[c];
  if (shorthand) return shorthand;
  if (c in CONTROL) return CONTROL[c]!;
  if (c === "b") return inClass ? 8 : { t: "empty" };
  if (c === "B") return { t: "empty" };
  if (c === "c") return (cur.src.charCodeAt(cur.i++) || 64) % 32;
  if (c === "x" || c === "u") {
    if (c === "u" && cur.peek() === "{") {
      const end = cur.src.indexOf("}", cur.i);
      const v = parseInt(cur.src.slice(cur.i + 1, end), 16);
      cur.i = end + 1;
      return Number.isFinite(v) ? v : 117;
    }
    const len = c === "x" ? 2 : 4;
    const h = cur.src.slice(cur.i, cur.i + len);
    if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(h)) return c.codePointAt(0)!;
    cur.i += len;
    return parseInt(h, 16);
  }
  if ((c === "p" || c === "P") && cur.peek() === "{") {
    const end = cur.src.indexOf("}", cur.i);
    const name = cur.src.slice(cur.i + 1, end);
    cur.i = end + 1;
    return set(propertySample(`\\${c}{${name}}`));
  }
  if (!inClass && c >= "1" && c <= "9") {
    let n = c;
    while (!cur.eof() && /[0-9]/.test(cur.peek()!)) n += cur.src[cur.i++];
    return { t: "backref", index: Number(n) };
  }
  if (!inClass && c === "k" && cur.peek() === "<") {
    cur.i = cur.src.indexOf(">", cur.i) + 1;
    return { t: "backref", index: -1 };
  }
  return c.codePointAt(0)!;
}

/** How many code points of a property class generation draws from. */
const SAMPLE = 64;
/** Where samples are looked for, in order; lone surrogates are no text. The controls come last, when nothing else matched. */
const PRINTABLE: Ranges = [[0x20, 0x7e], [0xa0, 0xd7ff], [0xe000, 0x10ffff], [0, 0x1f], [0x7f, 0x9f]];
const samples = new Map<string, Ranges>();

/**
 * The first code points (in code point order, ASCII only if it has any) that a property escape (`\p{Lo}`,
 * `\P{L}`, `\p{Script=Han}`) matches, as the engine reads it: a class of letters only would never
 * give `\p{Lo}`, `\p{So}` or `\p{Script=Greek}` a value. Characters keep their properties across
 * Unicode versions, so the sample is the same on every engine that knows the name.
 */
function propertySample(escape: string): Ranges {
  let out = samples.get(escape);
  if (out) return out;
  out = [];
  let re: RegExp | undefined;
  try {
    re = new RegExp(`^${escape}$`, "u");
  } catch {
    out = LETTER; // a name this engine does not know: the final RegExp check decides
  }
  // ASCII when the class has any (`\p{N}` as 0-9: a fixture reads better), else the first others;
  // control characters only for a class of nothing else (`\p{Cc}`).
  let found = 0;
  for (const [from, to] of re ? PRINTABLE : []) {
    if (found) break;
    for (let cp = from; cp <= to && found < SAMPLE; cp++) {
      if (!re!.test(String.fromCodePoint(cp))) continue;
      const last = out[out.length - 1];
      if (last && last[1] === cp - 1) last[1] = cp;
      else out.push([cp, cp]);
      found++;
    }
  }
  samples.set(escape, out);
  return out;
}

/** Printable ASCII minus `ranges` (how a negated shorthand inside a class is approximated). */
export function complementAscii(ranges: Ranges): Ranges {
  const out: Ranges = [];
  let start = 32;
  for (const [lo, hi] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (lo > start) out.push([start, Math.min(lo - 1, 126)]);
    start = Math.max(start, hi + 1);
  }
  if (start <= 126) out.push([start, 126]);
  return out;
}
