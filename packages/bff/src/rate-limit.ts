type MaybePromise<T> = T | Promise<T>;

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  /** Requests left in the window after this one. */
  remaining: number;
  /** Epoch ms at which the oldest counted request leaves the window (a slot frees up). */
  resetAt: number;
}

/** Counts hits per client; implement it over Redis or similar to share limits between instances. */
export interface RateLimitStore {
  /** Records a hit for `key` at `now` if the window has room, and reports the outcome. */
  hit(key: string, now: number, limit: number, windowMs: number): MaybePromise<RateLimitResult>;
}

interface Log {
  /** Timestamps of accepted hits, a ring of `limit` slots. */
  times: Float64Array;
  head: number;
  count: number;
}

/**
 * Exact sliding-window log: a client gets at most `limit` accepted requests in any `windowMs`.
 * A ring of the last `limit` accepted timestamps per client (rejected hits are not counted, so a
 * client that keeps knocking is not locked out longer). Idle clients are swept once the map is big.
 */
export class SlidingWindowStore implements RateLimitStore {
  private readonly logs = new Map<string, Log>();

  /** @param maxClients clients tracked before idle ones are swept, then the oldest evicted. Default: 10_000. */
  constructor(private readonly maxClients = 10_000) {}

  get size(): number {
    return this.logs.size;
  }

  hit(key: string, now: number, limit: number, windowMs: number): RateLimitResult {
    let log = this.logs.get(key);
    if (!log || log.times.length !== limit) {
      if (!log && this.logs.size >= this.maxClients) this.sweep(now, windowMs);
      log = { times: new Float64Array(limit), head: 0, count: 0 };
      this.logs.set(key, log);
    }
    const cutoff = now - windowMs;
    while (log.count > 0 && log.times[log.head]! <= cutoff) {
      log.head = (log.head + 1) % limit;
      log.count--;
    }
    if (log.count >= limit) return { allowed: false, limit, remaining: 0, resetAt: log.times[log.head]! + windowMs };
    log.times[(log.head + log.count) % limit] = now;
    log.count++;
    return { allowed: true, limit, remaining: limit - log.count, resetAt: log.times[log.head]! + windowMs };
  }

  private sweep(now: number, windowMs: number): void {
    for (const [key, log] of this.logs) {
      const newest = log.count > 0 ? log.times[(log.head + log.count - 1) % log.times.length]! : -Infinity;
      if (newest <= now - windowMs) this.logs.delete(key);
    }
    // Still full of active clients: drop the earliest inserted rather than grow without bound.
    for (const key of this.logs.keys()) {
      if (this.logs.size < this.maxClients) break;
      this.logs.delete(key);
    }
  }
}

/** `X-RateLimit-*` (and `Retry-After` when refused) for a result, as the spec's headers define them. */
export function rateLimitHeaders(r: RateLimitResult, now: number): Record<string, string> {
  const headers: Record<string, string> = {
    "x-ratelimit-limit": String(r.limit),
    "x-ratelimit-remaining": String(r.remaining),
    "x-ratelimit-reset": String(Math.ceil(r.resetAt / 1000)),
  };
  if (!r.allowed) headers["retry-after"] = String(Math.max(1, Math.ceil((r.resetAt - now) / 1000)));
  return headers;
}
