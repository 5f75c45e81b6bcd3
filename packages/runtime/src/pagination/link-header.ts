/** One link-value of an RFC 8288 `Link` header. */
export interface LinkValue {
  url: string;
  rel: string[];
  params: Record<string, string>;
}

/**
 * Parses a `Link` header. Splits on commas only outside `<...>` and quoted strings, because URLs and
 * titles may contain commas; `rel` may hold several space-separated relation types.
 */
export function parseLinkHeader(header: string | null | undefined): LinkValue[] {
  if (!header) return [];
  const links: LinkValue[] = [];
  let i = 0;
  while (i < header.length) {
    const open = header.indexOf("<", i);
    if (open < 0) break;
    const close = header.indexOf(">", open);
    if (close < 0) break;
    const link: LinkValue = { url: header.slice(open + 1, close).trim(), rel: [], params: {} };
    i = close + 1;
    // Parameters run until a comma that is not inside quotes.
    while (i < header.length) {
      const m = /^\s*;\s*([^=;,\s]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^;,]*))?/.exec(header.slice(i));
      if (!m) break;
      i += m[0].length;
      const name = m[1]!.toLowerCase();
      let value = (m[2] ?? "").trim();
      if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, "$1");
      // RFC 8288 §3: occurrences after the first of a parameter are ignored.
      if (!(name in link.params)) link.params[name] = value;
    }
    link.rel = (link.params["rel"] ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    links.push(link);
    const comma = header.indexOf(",", i);
    if (comma < 0) break;
    i = comma + 1;
  }
  return links;
}

/** The absolute URL of the first link with relation `rel`, resolved against `base`. */
export function findLink(header: string | null | undefined, rel: string, base?: string): string | undefined {
  const link = parseLinkHeader(header).find((l) => l.rel.includes(rel.toLowerCase()));
  if (!link) return undefined;
  try {
    return new URL(link.url, base || undefined).toString();
  } catch {
    return link.url;
  }
}
