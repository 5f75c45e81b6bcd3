/**
 * JSON Schema patterns are ECMA-262 regexes compiled with the `u` flag (as Ajv compiles them), so
 * `\p{L}` is any letter. Specs written for engines without it (AWS's) escape characters that need
 * no escape (`\@`, `\_`, `\ `) or leave a brace unescaped, which the `u` flag rejects. Compiled
 * without the flag instead, `\p{L}` would match the text "p{L}". Dropping the needless backslashes
 * (and escaping lone braces) gives the regex the author meant, with Unicode semantics.
 */

/**
 * Whether `source` is a valid regex with `flags` on every engine the generated code runs on. What
 * only newer engines read (see newerSyntax) counts as not compiling, so the output of the
 * generator is the same whichever Node runs it, and loads on Node 20 and older browsers too.
 */
export function compiles(source: string, flags = "u"): boolean {
  if (newerSyntax(source)) return false;
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

const MODIFIERS = /[a-zA-Z]*(?:-[a-zA-Z]*)?:/y;
const GROUP_NAME = /<([^>=!][^>]*)>/y;

/**
 * ES2025 syntax that Node 22+ compiles and Node 20, Safari 17 and Firefox 124 reject: modifier
 * groups (`(?i:…)`, `(?-i:…)`) and a group name used twice (`(?<y>\d{4})|(?<y>\d{2})`).
 */
export function newerSyntax(source: string): boolean {
  const names = new Set<string>();
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(" && source[i + 1] === "?" && source[i + 2] !== ":") {
      MODIFIERS.lastIndex = GROUP_NAME.lastIndex = i + 2;
      if (MODIFIERS.test(source)) return true;
      const name = GROUP_NAME.exec(source)?.[1];
      if (name !== undefined && names.has(name)) return true;
      if (name !== undefined) names.add(name);
    }
  }
  return false;
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
