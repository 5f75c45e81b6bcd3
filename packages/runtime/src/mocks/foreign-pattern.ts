/**
 * JSON Schema patterns are ECMA-262, but real specs carry patterns written for Java, PCRE, Ruby or
 * Python: AWS's `\p{Print}+` and `[\p{Graph}\x20]*`, `\A…\z` anchors, a leading `(?i)`, POSIX
 * brackets (`[[:alnum:]_-]`), possessive quantifiers. ECMA reads them as something else (`\p{Print}`
 * without the `u` flag is the text "p{Print}"), so a validator would reject every real value.
 * They are rewritten here to what the author meant, and where that cannot be said in ECMA the
 * caller ignores the pattern: a client-side check that accepts a little more is harmless, one that
 * rejects what the API sends breaks the integration. For the same reason, the named classes take
 * their Unicode meaning (Java's UNICODE_CHARACTER_CLASS), a superset of the ASCII one, and inline
 * flags apply to the whole pattern.
 */

import { compiles } from "./unicode-pattern.js";

/** Character-class content of Java's POSIX classes (`\p{Alpha}`, `[:alpha:]`) and aliases. */
const NAMED: Record<string, string> = {
  Lower: "\\p{Lowercase}",
  Upper: "\\p{Uppercase}",
  ASCII: "\\x00-\\x7F",
  Alpha: "\\p{Alphabetic}",
  Digit: "\\p{Nd}",
  Alnum: "\\p{Alphabetic}\\p{Nd}",
  Punct: "\\p{P}\\p{S}",
  // Every general category but White_Space, controls, surrogates and unassigned code points.
  Graph: "\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Cf}\\p{Co}",
  Print: "\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Cf}\\p{Co}\\p{Zs}",
  Blank: "\\t\\p{Zs}",
  Cntrl: "\\p{Cc}",
  XDigit: "0-9A-Fa-f",
  Space: "\\p{White_Space}",
  Word: "\\w",
  all: "\\s\\S",
  javaLowerCase: "\\p{Lowercase}",
  javaUpperCase: "\\p{Uppercase}",
  javaWhitespace: "\\p{White_Space}",
  javaLetter: "\\p{L}",
  javaDigit: "\\p{Nd}",
  javaLetterOrDigit: "\\p{L}\\p{Nd}",
  javaAlphabetic: "\\p{Alphabetic}",
};
const LOWER = new Map(Object.entries(NAMED).map(([k, v]) => [k.toLowerCase(), v]));
/** A named class, its case aside (`Alpha`, `[:xdigit:]`). */
const named = (name: string): string | undefined => NAMED[name] ?? LOWER.get(name.toLowerCase());
/** `\h`: horizontal white space (Java, PCRE). */
const HORIZONTAL = "\\t \\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000";
/** Letters that start an escape in ECMA with the `u` flag; any other escaped letter is another engine's. */
const ECMA_LETTERS = /[dDwWsSbBfnrtvcxukpP]/;

/** Class content for a property name: ECMA's own, Java's POSIX and `Is…`/`script=…` forms; undefined for blocks (`InGreek`) and unknown names. */
function property(name: string): string | undefined {
  const own = named(name);
  if (own) return own;
  const is = name.startsWith("Is") ? name.slice(2) : name;
  const [key, value] = is.includes("=") ? (is.split("=", 2) as [string, string]) : ["", is];
  const prefix = /^(sc|script)$/i.test(key) ? "Script=" : /^(gc|general_category)$/i.test(key) ? "General_Category=" : key === "" ? "" : undefined;
  if (prefix === undefined) return undefined;
  if (prefix === "" && named(value)) return named(value);
  for (const candidate of prefix === "" ? [value, `Script=${value}`] : [prefix + value]) if (compiles(`\\p{${candidate}}`)) return `\\p{${candidate}}`;
  return undefined;
}

/** `[X&&[Y]]` and `[X&&[^Y]]`, with no other bracket inside. */
const INTERSECTION = /(?<!\\)\[([^[\]]+)&&\[(\^?)([^[\]]+)\]\]/g;

/** `text` as literal characters (Java's `\Q…\E`). */
const quote = (text: string, inClass: boolean) => text.replace(inClass ? /[\\\]\[^-]/g : /[\\^$.*+?()[\]{}|/]/g, "\\$&");

/**
 * The ECMA-262 form of a pattern that uses another engine's syntax, with the flags its inline
 * modifiers ask for; `foreign` says whether anything was rewritten. Undefined when a construct has
 * no ECMA form here (`\p{InGreek}`, `&&` class intersection, `\G`, a negated class inside a class).
 */
export function foreignPattern(pattern: string): { source: string; flags: string; foreign: boolean } | undefined {
  let out = "";
  let flags = "";
  let foreign = false;
  // PHP's delimiters (`/(?P<ref>.*)-.*/`, akeneo): without them the pattern matches more, never less.
  const delimited = /^\/(.+)\/([imsu]*)$/s.exec(pattern);
  // Java's class intersection, `[\p{Print}&&[^|:/]]` (AWS): a lookahead on the one character.
  const source = (delimited ? delimited[1]! : pattern).replace(INTERSECTION, (_, a: string, not: string, b: string) => `(?:(?${not ? "!" : "="}[${b}])[${a}])`);
  if (delimited || source !== pattern) {
    flags = (delimited?.[2] ?? "").replace("u", "");
    foreign = true;
  }
  // One name on two groups (ES2025, `(?<y>\d{4})|(?<y>\d{2})`): older engines reject it. Names only
  // label groups, so the groups keep their numbers without them, unless a backreference uses one.
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const m of source.matchAll(/\(\?P?<([^>=!][^>]*)>/g)) (seen.has(m[1]!) ? duplicated : seen).add(m[1]!);
  for (const m of source.matchAll(/\\k<([^>]*)>|\(\?P=([^)]*)\)/g)) if (duplicated.has(m[1] ?? m[2]!)) return undefined;
  /** Depth of `[`: Java's unions nest classes (`[a-z[0-9]]`), flattened here. */
  let depth = 0;
  let quantified = false;
  const cls = (content: string, negate: boolean) => (depth > 0 ? (negate ? undefined : content) : `[${negate ? "^" : ""}${content}]`);
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const wasQuantified: boolean = quantified;
    quantified = false;
    if (c === "\\") {
      const next = source[i + 1];
      if (next === undefined) return undefined;
      i++;
      let add: string | undefined;
      if ((next === "p" || next === "P") && source[i + 1] !== "{" && /[A-Za-z]/.test(source[i + 1] ?? "")) {
        // `\pL`: the one-letter form.
        add = property(source[++i]!);
        add = add && cls(add, next === "P");
      } else if (next === "p" || next === "P") {
        const close = source.indexOf("}", i);
        if (source[i + 1] !== "{" || close < 0) return undefined;
        const name = source.slice(i + 2, close);
        i = close;
        if (compiles(`\\p{${name}}`)) {
          out += `\\${next}{${name}}`;
          continue;
        }
        const content = property(name);
        add = content && (/^\\p\{[^}]+\}$/.test(content) ? (next === "P" ? content.replace("\\p", "\\P") : content) : cls(content, next === "P"));
      } else if (next === "Q") {
        const end = source.indexOf("\\E", i + 1);
        add = quote(source.slice(i + 1, end < 0 ? undefined : end), depth > 0);
        i = end < 0 ? source.length : end + 1;
      } else if (depth === 0 && (next === "A" || next === "z" || next === "Z")) add = next === "A" ? "^" : next === "z" ? "$" : "(?=\\n?$)";
      else if (next === "h" || next === "H") add = cls(HORIZONTAL, next === "H");
      else if (next === "e" || next === "a") add = next === "e" ? "\\x1B" : "\\x07";
      else if (next === "x" && source[i + 1] === "{") add = "\\u";
      else if (/[A-Za-z]/.test(next) && !ECMA_LETTERS.test(next)) return undefined;
      else {
        out += c + next;
        continue;
      }
      if (add === undefined) return undefined;
      out += add;
      foreign = true;
      continue;
    }
    if (depth > 0) {
      if (c === "&" && source[i + 1] === "&") return undefined;
      if (c === "[" && source[i + 1] === ":") {
        // A POSIX bracket expression: `[[:alpha:]_]`.
        const close = source.indexOf(":]", i + 2);
        const content = close < 0 ? undefined : named(source.slice(i + 2, close));
        if (content === undefined) return undefined;
        out += content;
        i = close + 1;
        foreign = true;
      } else if (c === "[") {
        if (source[i + 1] === "^") return undefined;
        depth++;
        foreign = true;
      } else if (c !== "]" || --depth === 0) out += c;
      continue;
    }
    if (c === "[") depth = 1;
    if (c === "+" && wasQuantified) {
      // Possessive (`a++`): the greedy form matches every string it does, and more.
      foreign = true;
      continue;
    }
    if (c === "(" && source[i + 1] === "?") {
      const rest = source.slice(i + 2);
      const modifiers = /^([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest);
      if (rest.startsWith(">")) {
        out += "(?:";
        i += 2;
        foreign = true;
        continue;
      }
      const group = /^P?<([^>=!][^>]*)>/.exec(rest);
      if (group && duplicated.has(group[1]!)) {
        out += "(";
        i += 1 + group[0].length;
        foreign = true;
        continue;
      }
      if (rest.startsWith("P<")) {
        out += "(?<";
        i += 3;
        foreign = true;
        continue;
      }
      if (rest.startsWith("P=")) {
        const close = source.indexOf(")", i);
        out += `\\k<${source.slice(i + 4, close)}>`;
        i = close;
        foreign = true;
        continue;
      }
      if (modifiers && (modifiers[1] || modifiers[2] !== undefined)) {
        // Inline modifiers, anywhere: applied to the whole pattern (a superset of what they scope).
        const on = modifiers[1]!;
        if (/[^imsuUd]/.test(on + (modifiers[2] ?? ""))) return undefined;
        for (const f of on.replace(/[uUd]/g, "")) if (!flags.includes(f)) flags += f;
        if (modifiers[3] === ":") out += "(?:";
        i += 1 + modifiers[0].length;
        foreign = true;
        continue;
      }
    }
    if (c === "*" || c === "+" || c === "?") quantified = !wasQuantified && out !== "" && !out.endsWith("(");
    else if (c === "}" && /\{\d+(,\d*)?$/.test(out)) quantified = true;
    out += c;
  }
  return { source: out, flags: [...flags].sort().join(""), foreign };
}
