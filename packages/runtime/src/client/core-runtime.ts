import type { TokenFunction } from "../auth/bearer.js";
import type { Runtime } from "../runtime.js";
import type { CallOptions as RuntimeCallOptions, FetchFn, RuntimeOptions } from "../options.js";
import { Paginator, type FetchedPage, type PageRequest } from "../pagination/paginate.js";
import type { OperationMeta } from "./api-core.js";
import type { RequestSchemas, ResponseSchemas } from "./validate.js";

/** Options of a generated client: every runtime option (retries, auth, cache, limits, hooks…), and HTTP Basic credentials. */
export type ApiOptions = Omit<RuntimeOptions, "auth"> & {
  /**
   * The runtime's credentials, plus `basic`: HTTP Basic, sent to the operations whose spec accepts it (Twilio, Jira…),
   * and `apiKeys`: keys by the spec's apiKey scheme names, for APIs that take several (Trello's key and token). Default: none.
   */
  auth?: RuntimeOptions["auth"] & { basic?: { username: string; password: string }; apiKeys?: Record<string, string | TokenFunction> };
  /** Values of the `{variables}` in operations' own servers that the spec gives no default (Pinecone's `{index_name}`). Default: none. */
  serverVariables?: Record<string, string> | undefined;
  /**
   * Checks every success body against the spec before it is returned: `operations` of the generated zod module (or
   * any Standard Schema map of that shape); a body that does not match is a ResponseParseError with the issues in `details`.
   * Default: none (bodies are typed, not checked).
   */
  validateResponses?: ResponseSchemas | undefined;
  /**
   * Checks every request before it is sent (path and query parameters, the body): `operations` of the generated zod
   * module; one that does not match rejects with a ValidationError with the issues in `details`, and nothing is sent.
   * Default: none (the types check requests at compile time).
   */
  validateRequests?: RequestSchemas | undefined;
};

/** Per-call options of a generated operation (retries, timeouts, signal, idempotency key, cache tags…). */
export type CallOptions = Omit<RuntimeCallOptions, "idempotencyHeader" | "operationId">;

/** Pagination controls of `.all()` / `.pages()`. */
export interface PageOptions {
  /** Stop after this many items in total. Default: unlimited. */
  limit?: number;
  /** Stop after this many pages, quietly. Default: unlimited (up to `pageCap`). */
  maxPages?: number;
  /** More pages than this is taken for a server that never says "last page": PaginationError. Default: 1_000. */
  pageCap?: number;
}

export type { Runtime };

/**
 * What the spec says about an operation, as runtime call options: which configured credentials it
 * gets, cache tags (reads) or invalidation (writes), its idempotency header; `call` overrides.
 * The generated client applies it to every call; a proxy forwarding raw requests can too.
 */
export function operationCallOptions(meta: OperationMeta, options: ApiOptions = {}, call?: CallOptions): RuntimeCallOptions {
  // Plain assignments rather than conditional spreads: this runs per call when call options are given.
  const out: RuntimeCallOptions = {};
  // Reads are cached under their tags (QUERY is a read too, though never cached); a mutation drops
  // the cached reads of its tags.
  if (meta.tags?.length) out[/^(get|head|query)$/.test(meta.method) ? "tags" : "invalidates"] = [...meta.tags];
  // Only what the call sets: an explicit `tags: undefined` must not wipe the spec's tags.
  if (call) for (const k in call) if (call[k as keyof CallOptions] !== undefined) (out as Record<string, unknown>)[k] = call[k as keyof CallOptions];
  if (out.auth === undefined) out.auth = credentialsFor(meta, options);
  out.operationId = meta.id;
  if (meta.idempotencyHeader) out.idempotencyHeader = meta.idempotencyHeader;
  return out;
}

/** The runtime with what the spec says about the operation folded into each call. */
export function bindCallFetch(runtime: Runtime, meta: OperationMeta, call: CallOptions = {}, options: ApiOptions = {}): FetchFn {
  return runtime.withCall(operationCallOptions(meta, options, call));
}

/**
 * Which configured credentials an operation gets: none for a public one (login, refresh), only
 * the kinds its security schemes accept otherwise, and one kind when either would do (the key
 * is not sent where a bearer token suffices).
 */
function credentialsFor(meta: OperationMeta, options: ApiOptions): CallOptions["auth"] {
  if (meta.security && meta.security.length === 0) return false;
  if (!meta.credentials) return true;
  const bearer = meta.credentials.includes("bearer");
  const apiKey = meta.credentials.includes("apiKey") && !(bearer && options.auth?.bearer !== undefined);
  // Basic only where neither configured alternative would do.
  const basic = meta.credentials.includes("basic") && !((bearer && options.auth?.bearer !== undefined) || (apiKey && (options.auth?.apiKey ?? options.auth?.apiKeys) !== undefined));
  return { bearer, apiKey, basic };
}

/** Arrays that hold a page's items, by the names APIs give them; a body that is an array (GitHub's lists) holds them itself. */
const ITEMS = ["data", "items", "results", "records", "entries", "values"];
/** Where APIs put the next cursor: ours under `meta`, Slack's under `response_metadata`, Google's `nextPageToken`… */
const NEXT = ["next_cursor", "nextCursor", "next_page_token", "nextPageToken"];

const record = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

const text = (v: unknown): v is string => typeof v === "string" && v !== "";

/** The cursor parameter's value in a next-page URL, absolute or relative; undefined when it has none. */
function cursorIn(url: string, param: string): string | undefined {
  try {
    return new URL(url, "http://relative.invalid").searchParams.get(param) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Items and pagination hints of a page body, whatever envelope the API uses: the body itself when
 * it is a list, else its items array; hints from the body, its `response_metadata`, `pagination`,
 * `paging` or `meta`. The next cursor is the first of: a named next cursor (`next_cursor`,
 * Google's `nextPageToken`…); the cursor parameter of a next-page URL (Django REST Framework's
 * `next`, Facebook's `paging.next`, JSON:API's `links.next`), which an API leaves out on the last
 * page; Relay's `pageInfo.endCursor` while `hasNextPage`; with Stripe's `starting_after`, the last
 * item's id while `has_more`. None means the last page.
 */
export function extractPage(cursorParam: string | undefined): (body: unknown) => { items: unknown[]; meta: Record<string, unknown> } {
  const param = cursorParam ?? "cursor";
  return (body) => {
    const b = record(body);
    const items = (Array.isArray(body) ? body : (ITEMS.map((k) => b[k]).find(Array.isArray) ?? Object.values(b).find(Array.isArray) ?? [])) as unknown[];
    const meta: Record<string, unknown> = { ...b, ...record(b["response_metadata"]), ...record(b["pagination"]), ...record(b["paging"]), ...record(b["meta"]) };
    let next = NEXT.map((k) => meta[k]).find(text);
    if (next === undefined) {
      const url = [meta["next"], record(b["links"])["next"]].find(text);
      next = url === undefined ? undefined : cursorIn(url, param);
    }
    const info = record(b["pageInfo"] ?? b["page_info"]);
    if (next === undefined && info["hasNextPage"] === true && text(info["endCursor"])) next = info["endCursor"];
    if (next === undefined && param === "starting_after" && meta["has_more"] === true) next = record(items.at(-1))["id"] as string | undefined;
    return { items, meta: { ...meta, next_cursor: next } };
  };
}

/** Where a page body links the next page (Spotify's and DRF's `next`, Laravel's `next_page_url`). */
const NEXT_LINKS = ["next", "next_page_url", "next_page"];

/** Totals by the names APIs give them (Spotify's `total`, GitHub search's `total_count`…). */
const TOTALS = ["total", "total_count", "totalCount", "totalResults"];

export function paginator<Item, Body>(
  meta: OperationMeta,
  fetchPage: (query: Record<string, string | number>, req: PageRequest) => Promise<FetchedPage<Body>>,
  options: PageOptions & { signal?: AbortSignal | undefined },
): Paginator<Item, Body> {
  const params = meta.pageParams ?? {};
  const extract = extractPage(params.cursor);
  // Offset style walks as pages whose query carries the number of items seen so far instead of a
  // page number. There is more while the total says so, else while `next` is set, else until an empty page.
  const byOffset = meta.pagination === "offset";
  let offset = 0;
  const pageOf = (body: unknown) => {
    const page = extract(body);
    const m = page.meta;
    // A next-page link the body carries (null or absent on the last page): Django REST Framework's
    // `next`, Laravel's `next_page_url`; a page past the last may be a 404 (DRF), not an empty page.
    const link = NEXT_LINKS.find((k) => k in m);
    if (byOffset) {
      offset += page.items.length;
      const total = TOTALS.map((k) => m[k]).find((v) => typeof v === "number") as number | undefined;
      m["has_next"] = total !== undefined ? offset < total && page.items.length > 0 : link ? m[link] != null : page.items.length > 0;
    } else if (meta.pagination === "page" && typeof m["has_next"] !== "boolean") {
      if (typeof m["last_page"] === "number" && typeof m["current_page"] === "number") m["has_next"] = m["current_page"] < m["last_page"];
      else if (link) m["has_next"] = m[link] != null && m[link] !== false;
    }
    return page;
  };
  return new Paginator<Item, Body>({
    style: byOffset ? "page" : (meta.pagination ?? "page"),
    fetchPage: (req) => {
      if (!byOffset) return fetchPage(req.query, req);
      // Each iteration of a paginator starts from the first page again.
      if (req.index === 0) offset = 0;
      const { [params.page ?? "page"]: _page, ...query } = req.query;
      return fetchPage({ ...query, [params.offset ?? "offset"]: offset }, req);
    },
    extract: pageOf as (body: Body) => { items: Item[]; meta: Record<string, unknown> },
    ...(params.cursor ? { cursorParam: params.cursor } : {}),
    ...(params.limit ? { limitParam: params.limit } : {}),
    ...(params.page ? { pageParam: params.page } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
    ...(options.pageCap !== undefined ? { pageCap: options.pageCap } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
