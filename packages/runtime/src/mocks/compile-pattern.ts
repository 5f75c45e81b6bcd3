import { defusePattern } from "./defuse-pattern.js";
import { foreignPattern } from "./foreign-pattern.js";
import { compiles, newerSyntax, unicodePattern } from "./unicode-pattern.js";

/**
 * How a schema's `pattern` is compiled, the one way the generated validators, the mock engine and
 * the test oracles all compile it:
 * - `as-is`: valid ECMA-262 with the `u` flag, as JSON Schema requires (nested quantifiers defused);
 * - `foreign`: another engine's syntax (`\p{Print}`, `\A`, `(?i)`, `[[:alpha:]]`) rewritten, see foreign-pattern.ts;
 * - `newer`: ES2025 syntax (`(?i:…)`, a group name used twice) rewritten the same way, since Node 20
 *   and older browsers cannot compile it (see newerSyntax in unicode-pattern.ts);
 * - `unicode`: needless escapes dropped so that the `u` flag accepts it, see unicode-pattern.ts;
 * - `no-u`: valid only without the flag, and nothing in it reads differently there.
 */
export interface CompiledPattern {
  source: string;
  flags: string;
  how: "as-is" | "foreign" | "newer" | "unicode" | "no-u";
}

/** The ECMA source and flags a pattern compiles to, or undefined when it has no ECMA reading (then it asserts nothing). */
export function compilePattern(pattern: string): CompiledPattern | undefined {
  const safe = defusePattern(pattern);
  if (compiles(safe, "u")) return { source: safe, flags: "u", how: "as-is" };
  const translated = foreignPattern(safe);
  if (!translated) return undefined;
  const flags = `${translated.flags}u`;
  const how = translated.foreign ? (newerSyntax(safe) ? "newer" : "foreign") : "unicode";
  if (translated.foreign && compiles(translated.source, flags)) return { source: translated.source, flags, how };
  const repaired = unicodePattern(translated.source);
  if (repaired !== undefined && compiles(repaired, flags)) return { source: repaired, flags, how };
  // Without the flag, `\p{…}` is the text "p{…}": only a pattern free of foreign syntax falls back to it.
  if (!translated.foreign && !/\\[pP]\{/.test(safe) && compiles(safe, "")) return { source: safe, flags: "", how: "no-u" };
  return undefined;
}
