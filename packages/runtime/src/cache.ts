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
  private readonly entries = new Map<string, CacheEntry>();
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly maxBodyBytes: number;

  constructor(options: CacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 500;
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CacheEntry | undefined {
    const e = this.entries.get(key);
    if (e) {
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }

  set(key: string, entry: CacheEntry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  /** Drops every entry carrying any of `tags`; returns how many were dropped. */
  invalidate(tags: readonly string[]): number {
    if (tags.length === 0) return 0;
    let n = 0;
    for (const [key, e] of this.entries) {
      if (e.tags.some((t) => tags.includes(t))) {
        this.entries.delete(key);
        n++;
      }
    }
    return n;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Stores a 200 response (reading its body) and returns an equivalent unread Response. */
  async store(key: string, response: Response, ttlMs: number, tags: readonly string[], now: number): Promise<Response> {
    const body = await response.arrayBuffer();
    const cc = response.headers.get("cache-control") ?? "";
    if (body.byteLength <= this.maxBodyBytes && !/no-store/i.test(cc)) {
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
    return rebuild(response, body);
  }

  /** A fresh Response per hit, because a body can be read only once. */
  static toResponse(entry: CacheEntry, cacheStatus: "HIT" | "REVALIDATED"): Response {
    const headers = new Headers(entry.headers);
    headers.set("x-cache", cacheStatus);
    return new Response(entry.body.slice(0), { status: entry.status, statusText: entry.statusText, headers });
  }
}

function rebuild(response: Response, body: ArrayBuffer): Response {
  const r = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // Response.url is read-only and empty on constructed responses; keep it for callers resolving links.
  Object.defineProperty(r, "url", { value: response.url });
  return r;
}
