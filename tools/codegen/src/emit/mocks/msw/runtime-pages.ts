/**
 * Source of msw.gen.ts's pagination: a request for a page past the first gets an empty last page,
 * so a client's `.all()` / `.pages()` ends after the fixture's items instead of being handed the
 * same page (and the same next cursor) forever. String.raw: no backticks or substitutions in it.
 */
export const PAGES_SOURCE = String.raw`
/** Where an API puts paging hints around its items (the client's page reader looks in the same places). */
const PAGE_HINTS = ["meta", "pagination", "paging", "response_metadata", "links", "pageInfo", "page_info"];
const ITEM_ARRAYS = ["data", "items", "results", "records", "entries", "values"];
const NO_MORE = new Set(["has_more", "hasMore", "has_next", "hasNext", "hasNextPage", "has_next_page"]);
const NO_NEXT = new Set(["next", "next_cursor", "nextCursor", "next_page_token", "nextPageToken", "next_page_url", "next_page", "nextPage", "endCursor"]);

/** A request for a later page: a cursor, a page number past 1 or an offset past 0 in its query. */
function laterPage(request: Request, pages: Pages): boolean {
  const query = new URL(request.url).searchParams;
  const cursor = query.get(pages.cursor ?? "cursor");
  const page = Number(query.get(pages.page ?? "page") ?? 1);
  const offset = Number(query.get(pages.offset ?? "offset") ?? 0);
  return (cursor !== null && cursor !== "") || page > 1 || offset > 0;
}

/** The request's URL asking for page 2 (what a Link header's rel="next" names after the first page). */
function nextPageUrl(request: Request, pages: Pages): string {
  const url = new URL(request.url);
  url.searchParams.set(pages.page ?? "page", "2");
  return url.href;
}

/** The hints of one envelope, saying "last page". */
function lastHints(hints: Record<string, unknown>, page: number): Record<string, unknown> {
  const out: Record<string, unknown> = { ...hints };
  for (const key of Object.keys(out)) {
    if (NO_MORE.has(key)) out[key] = false;
    else if (NO_NEXT.has(key)) out[key] = null;
    // Page counts the client compares the page number with: this page is the last.
    else if ((key === "pages" || key === "total_pages" || key === "totalPages" || key === "last_page") && typeof out[key] === "number") out[key] = Math.min(out[key] as number, page);
  }
  return out;
}

/** The fixture body as an empty last page: no items, and no next cursor, link or "has more". */
function emptyPage(body: unknown, request: Request, pages: Pages): unknown {
  if (Array.isArray(body)) return [];
  if (typeof body !== "object" || body === null) return body;
  const page = Number(new URL(request.url).searchParams.get(pages.page ?? "page") ?? 1) || 1;
  const out = lastHints(body as Record<string, unknown>, page);
  const items = ITEM_ARRAYS.find((k) => Array.isArray(out[k])) ?? Object.keys(out).find((k) => Array.isArray(out[k]));
  if (items !== undefined) out[items] = [];
  for (const key of PAGE_HINTS) {
    const hints = out[key];
    if (typeof hints === "object" && hints !== null && !Array.isArray(hints)) out[key] = lastHints(hints as Record<string, unknown>, page);
  }
  return out;
}
`;
