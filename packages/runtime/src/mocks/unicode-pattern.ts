/**
 * JSON Schema patterns are ECMA-262 regexes compiled with the `u` flag (as Ajv compiles them), so
 * `\p{L}` is any letter. Specs written for engines without it (AWS's) escape characters that need
 * no escape (`\@`, `\_`, `\ `) or leave a brace unescaped, which the `u` flag rejects. Compiled
 * without the flag instead, `\p{L}` would match the text "p{L}". Dropping the needless backslashes
 * (and escaping lone braces) gives the regex the author meant, with Unicode semantics.
 */

/** Whether `source` is a valid regex with `flags`. */
export function compiles(source: string, flags = "u"): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

/** Escapes that mean something with the `u` flag (everything else after a backslash is an identity escape). */
const MEANINGFUL = new Set([..."dDwWsSbBfnrtvcxuk0123456789pP^$\\.*+?()[]{}|/"]);

/** The pattern rewritten to compile with the `u` flag, or undefined when that does not make it compile. */
export function unicodePattern(source: string): string | undefined {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      const next = source[i + 1];
      if (next === undefined) return undefined;
      i++;
      // `\p{L}`, `\u{1F600}`: the braces belong to the escape.
      const close = (next === "p" || next === "P" || next === "u") && source[i + 1] === "{" ? source.indexOf("}", i) : -1;
      if (close > 0) {
        out += c + source.slice(i, close + 1);
        i = close;
      } else if (MEANINGFUL.has(next) || (inClass && next === "-")) out += c + next;
      else out += next === "{" || next === "}" ? `\\${next}` : next;
      // `[\w- ]`: a class escape cannot start a range with the flag; other engines read the "-" as itself.
      if (inClass && /^[dDwWsSpP]$/.test(next) && source[i + 1] === "-" && source[i + 2] !== "]") {
        out += "\\-";
        i++;
      }
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "{" && !/^\{\d+(,\d*)?\}/.test(source.slice(i))) {
      out += "\\{";
      continue;
    } else if (c === "}" && !/\{\d+(,\d*)?$/.test(source.slice(0, i))) {
      out += "\\}";
      continue;
    } else if (c === "]") {
      out += "\\]";
      continue;
    }
    out += c;
  }
  return compiles(out) ? out : undefined;
}
