/**
 * Source of msw.gen.ts's media type choice: the request's Accept, where it names a type the
 * response documents (a client's stream() asks for text/event-stream of an operation that also
 * answers JSON), else the first JSON one. String.raw: no backticks or substitutions in it.
 */
export const MEDIA_SOURCE = String.raw`
const isJson = (type: string) => /[/+]json\b/i.test(type);

/** The documented media type to answer with: the best one Accept names (by q), else the first JSON one, else the first. */
function pickMediaType(types: string[], accept: string | null): string | undefined {
  const fallback = types.find(isJson) ?? types[0];
  const ranges = (accept ?? "")
    .split(",")
    .map((part, index) => {
      const [range = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
      const q = Number(params.find((p) => p.startsWith("q="))?.slice(2) ?? 1);
      return { range, q: Number.isNaN(q) ? 1 : q, index };
    })
    .filter((r) => r.range !== "" && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranges) {
    if (range === "*/*") return fallback;
    const wild = range.endsWith("/*") ? range.slice(0, -1) : undefined;
    const found = wild === undefined ? types.find((t) => t.toLowerCase().split(";")[0]!.trim() === range) : (types.filter((t) => t.toLowerCase().startsWith(wild)).find(isJson) ?? types.find((t) => t.toLowerCase().startsWith(wild)));
    if (found !== undefined) return found;
  }
  return fallback;
}
`;
