/**
 * Hostile text for the inertness tests: strings that try to end a comment, a string, a template or
 * a regex and run code, start a new line of code (every JavaScript line terminator), collide with
 * prototype names, inject HTML, markdown, terminal escapes or GitHub workflow commands, or are just
 * odd (lone surrogates, astral letters, very long). Seeded, so a failing case is reproducible.
 * The codegen fuzz test builds whole specs from them; spec-diff's report test reuses the strings.
 */

/** The global a successful injection would write: its presence after an import is the proof. */
export const PWNED = "__specforge_pwned";

const RUN = `globalThis.${PWNED} = 1`;

/** Break-out attempts: each would run RUN if written raw into a comment, literal or regex. */
export const PAYLOADS: readonly string[] = [
  `*/ ${RUN}; /*`,
  `*/\n${RUN};\n/*`,
  `\n${RUN}; //`,
  `\r${RUN}; //`,
  `\r\n${RUN}; //`,
  `\u2028${RUN}; //`,
  `\u2029${RUN}; //`,
  `"; ${RUN}; "`,
  `'; ${RUN}; '`,
  `\`; ${RUN}; \``,
  `\${${RUN}}`,
  `\\"; ${RUN}; //`,
  `\\\n${RUN}; //`,
  `/; ${RUN}; /`,
  `/**/${RUN}/**/`,
  `]); ${RUN}; ([`,
  `}); ${RUN}; ({`,
  `</script><script>${RUN}</script>`,
];

/** Pieces that are not code but must stay inert too. */
export const PIECES: readonly string[] = [
  "*/", "/*", "//", "\n", "\r", "\r\n", "\u2028", "\u2029", '"', "'", "`", "${", "}", "\\", "\\u0041", "\\x", "$&", "$1",
  "\ud800", "\udfff", "a\ud800b", "\udc00\ud800",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "<!--", "]]>",
  "\u001b[2J\u001b[31mred", "\u001b]0;title\u0007", "\u009b31m", "\u0007", "\u0000", "\u0001" + "0\u0002", "\u0003" + "0\u0004", "\u007f", "\b",
  "`code`", "```", "| a | b |", "[x](javascript:alert(1))", "![i](http://x/i.png)", "# heading", "*em* _em_", "@everyone", "\\*",
  "::error::pwned", "%0A::warning::x", "%25", "a,b:c", "::set-output name=x::y",
  "\u202e", "\u2066", "\ufeff", "\u200b",
  "é", "a\u0301", "用户", "😀", "𝒜bc", "²", "Ⅻ", "ﬁ", "ß", "\u0130", "Ꟑ",
  "0", "200", "0200", "-1", "1e400", "NaN", "Infinity", "", " ", "\t",
];

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast, good enough to pick strings. */
export function rng(seed: number): Rng {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
  };
}

/** A hostile string: a payload or pieces, sometimes around a word, now and then very long. */
export function hostileText(r: Rng): string {
  if (r.chance(0.35)) return r.pick(PAYLOADS);
  const parts: string[] = [];
  for (let i = 1 + r.int(3); i > 0; i--) parts.push(r.chance(0.25) ? r.pick(PAYLOADS) : r.pick(PIECES));
  if (r.chance(0.3)) parts.splice(r.int(parts.length + 1), 0, r.pick(["name", "Pet", "x", "userId"]));
  if (r.chance(0.03)) parts.push("x".repeat(3000 + r.int(3000)));
  return parts.join("");
}

/** Hostile strings that are distinct from each other (names in one scope), each passed through `map` first. */
export function hostileNames(r: Rng, count: number, taken: Set<string> = new Set(), map: (s: string) => string = (s) => s): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const name = map(hostileText(r));
    if (taken.has(name)) continue;
    taken.add(name);
    out.push(name);
  }
  return out;
}

/** A regex source matching exactly `text` (as `^…$`, with the `u` flag). */
export function literalPattern(text: string): string {
  return `^${[...text].map((c) => (/[\^$\\.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c.length === 1 && /[\ud800-\udfff]/.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}` : c)).join("")}$`;
}

/** Every string of a corpus, for tests that want them all rather than a sample. */
export const ALL_HOSTILE: readonly string[] = [...PAYLOADS, ...PIECES];
