export interface CacheOptions {
  /** How long a stored GET response is served without asking the server. Default: 60_000 ms. */
  ttlMs?: number;
  /** Maximum stored responses; the least recently used is evicted first. Default: 500. */
  maxEntries?: number;
  /** Largest body stored, so one huge download cannot pin memory. Default: 1 MiB. */
  maxBodyBytes?: number;
}

export interface CacheEntry {
  body: ArrayBuffer;
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  etag: string | undefined;
  expiresAt: number;
  tags: readonly string[];
  /** What the answer depends on: the request's caller-set credentials and Accept, and its values of the headers `Vary` names. */
  vary?: string;
}

/**
 * The request's values of what an answer depends on, as a string compared whole: whose it is (a
 * caller's own `Authorization` or `Cookie` on one call: a server handling many users with one
 * runtime), its form (`Accept`), and the headers the response's `Vary` names (`names`).
 */
export function varyKey(request: Headers, vary = ""): string {
  // A name Headers refuses (a broken or hostile Vary, an empty one) matches as no value.
  return `authorization,cookie,accept,${vary}`
    .split(",")
    .map((n) => {
      try {
        return request.get(n.trim());
      } catch {}
    })
    .join("\n") + `\n${vary}`;
}

/**
 * In-memory LRU of GET responses, keyed by URL, one answer per URL: a request whose caller-set
 * credentials, Accept or `Vary`-named headers differ from the stored answer's misses, and its answer
 * replaces it. A Map iterates in insertion order, so re-inserting on read makes the first key the
 * least recently used. The runtime's own credentials are not part of it: one runtime, one user.
 */
export class ResponseCache {
  // #fields: minifiers shorten them, which TypeScript `private` names are not.
  readonly #entries = new Map<string, CacheEntry>();
  /** Bumped by every invalidation; a read remembers it when it starts (see `store`). */
  epoch = 0;
  /** Epoch at which each tag was last invalidated ("" for clear()). */
  readonly #dropped = new Map<string, number>();
  declare readonly ttlMs: number;
  declare readonly maxEntries: number;
  declare readonly maxBodyBytes: number;

  constructor(options: CacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 500;
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The entry for `key`; with `request` (its headers before the runtime adds credentials), only one stored for the same {@link varyKey}. */
  get(key: string, request?: Headers): CacheEntry | undefined {
    const e = this.#entries.get(key);
    const v = e?.vary;
    if (v && request && varyKey(request, v.slice(v.lastIndexOf("\n") + 1)) !== v) return undefined;
    if (e) {
      this.#entries.delete(key);
      this.#entries.set(key, e);
    }
    return e;
  }

  set(key: string, entry: CacheEntry): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  delete(key: string): boolean {
    return this.#entries.delete(key);
  }

  /** Drops every entry carrying any of `tags`, and keeps reads already in flight from storing them again; returns how many were dropped. */
  invalidate(tags: readonly string[]): number {
    if (tags.length === 0) return 0;
    this.epoch++;
    for (const t of tags) this.#dropped.set(t, this.epoch);
    let n = 0;
    for (const [key, e] of this.#entries) {
      if (e.tags.some((t) => tags.includes(t))) {
        this.#entries.delete(key);
        n++;
      }
    }
    return n;
  }

  clear(): void {
    this.#dropped.set("", ++this.epoch);
    this.#entries.clear();
  }

  /**
   * Whether a response may be stored, decided before its body is read: never an event stream
   * (it may not end), a `no-store`, a `Vary: *` (no request can be told to match it), or a body
   * announced larger than `maxBodyBytes`.
   */
  accepts(response: Response): boolean {
    const h = response.headers;
    return response.status === 200 && !/event-stream|no-store|\*/i.test(`${h.get("content-type")} ${h.get("cache-control")} ${h.get("vary")}`) && !(Number(h.get("content-length")) > this.maxBodyBytes);
  }

  /**
   * Stores a 200 response whose body was read. A read that started (`since`, the epoch then) before
   * an invalidation of one of its tags is not stored: it may hold what the mutation changed.
   * `request`: the request's headers before the runtime added its credentials.
   */
  store(key: string, response: Response, body: ArrayBuffer, ttlMs: number, tags: readonly string[], now: number, since = this.epoch, request = new Headers()): void {
    if (body.byteLength > this.maxBodyBytes || ["", ...tags].some((t) => (this.#dropped.get(t) ?? 0) > since)) return;
    this.set(key, {
      body,
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      etag: response.headers.get("etag") ?? undefined,
      expiresAt: now + ttlMs,
      tags,
      vary: varyKey(request, response.headers.get("vary") ?? ""),
    });
  }

  /** A fresh Response per hit, because a body can be read only once. */
  static toResponse(entry: CacheEntry, cacheStatus: "HIT" | "REVALIDATED"): Response {
    const headers = new Headers(entry.headers);
    headers.set("x-cache", cacheStatus);
    return new Response(entry.body.slice(0), { status: entry.status, statusText: entry.statusText, headers });
  }
}
