import { errorFromResponse, PaginationError } from "../errors/index.js";
import { findLink } from "./link-header.js";

export type PaginationStyle = "page" | "cursor" | "link";

/** What `fetchPage` must request. */
export interface PageRequest {
  /**
   * Query params to merge over the caller's query: `{ page, limit }`, `{ cursor, limit }`, or for
   * "link" every param of the next URL. Empty for the first link-style page.
   */
  query: Record<string, string | number>;
  /** "link" style: the absolute next URL (undefined for the first page). */
  url: string | undefined;
  /** 0-based page number within this iteration. */
  index: number;
  signal: AbortSignal | undefined;
}

/** openapi-fetch's result shape; `error` set or a non-2xx response makes iteration throw a typed ApiError. */
export interface FetchedPage<Body> {
  data?: Body;
  error?: unknown;
  response: Response;
}

export interface Page<Item, Body = unknown> {
  items: Item[];
  body: Body;
  response: Response;
  index: number;
}

export interface PaginateOptions<Item, Body> {
  /** How the API paginates: page/limit, cursor, or RFC 8288 Link headers. Required. */
  style: PaginationStyle;
  /** Fetches one page (typically an openapi-fetch call merging `request.query`). Required. */
  fetchPage: (request: PageRequest) => Promise<FetchedPage<Body>>;
  /** Stop after this many items in total. Default: unlimited. */
  limit?: number;
  /** Stop after this many pages, quietly. Default: unlimited (up to `pageCap`). */
  maxPages?: number;
  /** More pages than this means the server never says "last page": throw PaginationError (reason "cap"); Infinity disables. Default: 1_000. */
  pageCap?: number;
  /** Page size, sent as `limitParam`. Default: not sent (server default). */
  pageSize?: number;
  /** First page number for "page" style. Default: 1. */
  startPage?: number;
  /** Default: "page". */
  pageParam?: string;
  /** Default: "limit". */
  limitParam?: string;
  /** Default: "cursor". */
  cursorParam?: string;
  /** Pulls items and pagination meta out of a body. Default: `{ items: body.data, meta: body.meta }`. */
  extract?: (body: Body) => { items: Item[]; meta?: Record<string, unknown> };
  /** Passed to every fetchPage call. Default: none. */
  signal?: AbortSignal;
}

type Meta = Record<string, unknown> | undefined;

function defaultExtract(body: unknown): { items: never[]; meta?: Record<string, unknown> } {
  const b = (body ?? {}) as { data?: unknown; meta?: Record<string, unknown> };
  return { items: (Array.isArray(b.data) ? b.data : []) as never[], meta: b.meta };
}

/**
 * Decides whether another "page"-style page exists, preferring explicit server hints. Without
 * hints, a page shorter than the page size (or than the first page, when no size was sent) is last.
 */
function hasNextPage(meta: Meta, page: number, count: number, pageSize: number | undefined): boolean {
  if (typeof meta?.["has_next"] === "boolean") return meta["has_next"];
  const pages = meta?.["pages"] ?? meta?.["total_pages"];
  if (typeof pages === "number") return page < pages;
  return count > 0 && (pageSize === undefined || count >= pageSize);
}

function nextCursor(meta: Meta): string | undefined {
  if (meta?.["has_more"] === false) return undefined;
  const c = meta?.["next_cursor"];
  return typeof c === "string" && c !== "" ? c : undefined;
}

/**
 * Lazily walks a paginated endpoint. Holds one page at a time (constant memory however long the
 * listing, plus the cursors or URLs seen), and each iteration starts from the first page again.
 * A server that repeats a cursor or next URL (A → B → A), or never says "last page", would make
 * the walk endless: a cursor or URL seen before, or more than `pageCap` pages, throws PaginationError.
 */
export class Paginator<Item, Body = unknown> implements AsyncIterable<Item> {
  constructor(private readonly options: PaginateOptions<Item, Body>) {}

  async *pages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    const o = this.options;
    const extract = o.extract ?? (defaultExtract as unknown as NonNullable<typeof o.extract>);
    const size = o.pageSize;
    const cap = o.pageCap ?? 1_000;
    const seen = new Set<string>();
    let page = o.startPage ?? 1;
    let cursor: string | undefined;
    let url: string | undefined;
    let count = 0;
    let inferredSize = size;
    for (let index = 0; index < (o.maxPages ?? Infinity); index++) {
      if (index >= cap) {
        throw new PaginationError(`Over ${cap} pages (pageCap): the server never said "last page"`, { reason: "cap" });
      }
      const query: Record<string, string | number> = {};
      if (o.style === "link" && url) new URL(url).searchParams.forEach((v, k) => (query[k] = v));
      if (size !== undefined && !(o.style === "link" && url)) query[o.limitParam ?? "limit"] = size;
      if (o.style === "page") query[o.pageParam ?? "page"] = page;
      if (o.style === "cursor" && cursor !== undefined) query[o.cursorParam ?? "cursor"] = cursor;

      const { data, error, response } = await o.fetchPage({ query, url, index, signal: o.signal });
      if (error !== undefined || !response.ok) throw errorFromResponse(response, error);
      const { items, meta } = extract(data as Body);
      const remaining = o.limit === undefined ? items.length : Math.max(0, o.limit - count);
      const kept = remaining < items.length ? items.slice(0, remaining) : items;
      count += kept.length;
      yield { items: kept, body: data as Body, response, index };
      if (o.limit !== undefined && count >= o.limit) return;

      if (o.style === "page") {
        inferredSize ??= items.length;
        if (!hasNextPage(meta, page, items.length, inferredSize)) return;
        page++;
        continue;
      }
      // Where this page came from, then where the next one is: seen before means a loop.
      seen.add((o.style === "cursor" ? cursor : response.url || url) ?? "");
      const next = o.style === "cursor" ? (cursor = nextCursor(meta)) : (url = findLink(response.headers.get("link"), "next", response.url || url));
      if (next === undefined) return;
      if (seen.has(next)) throw new PaginationError(`Pagination loop: "${next}" again`, { reason: "cycle" });
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects every item (respecting `limit`); the one method that does hold everything in memory. */
  async toArray(): Promise<Item[]> {
    const out: Item[] = [];
    for await (const item of this) out.push(item);
    return out;
  }
}

type DefaultItem<Body> = Body extends { data?: ReadonlyArray<infer I> } ? I : unknown;

/** Builds a Paginator; `Item` comes from `extract`, or from `Body["data"]` by default. */
export function paginate<Body, Item = DefaultItem<Body>>(options: PaginateOptions<Item, Body>): Paginator<Item, Body> {
  return new Paginator(options);
}
