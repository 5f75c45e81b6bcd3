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
}

/**
 * In-memory LRU of GET responses, keyed by URL. A Map iterates in insertion order, so re-inserting on
 * read makes the first key the least recently used. Scoped to one runtime (one set of credentials),
 * which is why the key does not include the Authorization header.
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

  get(key: string): CacheEntry | undefined {
    const e = this.#entries.get(key);
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
   * (it may not end), a `no-store`, or a body announced larger than `maxBodyBytes`.
   */
  accepts(response: Response): boolean {
    const h = response.headers;
    return response.status === 200 && !/event-stream|no-store/i.test(`${h.get("content-type")} ${h.get("cache-control")}`) && !(Number(h.get("content-length")) > this.maxBodyBytes);
  }

  /**
   * Stores a 200 response whose body was read. A read that started (`since`, the epoch then) before
   * an invalidation of one of its tags is not stored: it may hold what the mutation changed.
   */
  store(key: string, response: Response, body: ArrayBuffer, ttlMs: number, tags: readonly string[], now: number, since = this.epoch): void {
    if (body.byteLength > this.maxBodyBytes || ["", ...tags].some((t) => (this.#dropped.get(t) ?? 0) > since)) return;
    this.set(key, {
      body,
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      etag: response.headers.get("etag") ?? undefined,
      expiresAt: now + ttlMs,
      tags,
    });
  }

  /** A fresh Response per hit, because a body can be read only once. */
  static toResponse(entry: CacheEntry, cacheStatus: "HIT" | "REVALIDATED"): Response {
    const headers = new Headers(entry.headers);
    headers.set("x-cache", cacheStatus);
    return new Response(entry.body.slice(0), { status: entry.status, statusText: entry.statusText, headers });
  }
}
