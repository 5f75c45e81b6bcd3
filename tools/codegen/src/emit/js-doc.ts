/** A JSDoc block; `*\/` inside spec text is broken up so it cannot end the comment early. */
export function jsDoc(lines: string[], indent: string): string {
  const safe = lines.map((l) => l.replace(/\*\//g, "*\\/").replace(/\s+$/, ""));
  while (safe.length && safe[safe.length - 1] === "") safe.pop();
  if (safe.length === 0) return "";
  if (safe.length === 1) return `${indent}/** ${safe[0]} */`;
  return [`${indent}/**`, ...safe.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`].join("\n");
}
