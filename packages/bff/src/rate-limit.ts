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
  /** Timestamps of accepted hits, oldest at `head`; a ring that grows up to `limit` slots. */
  times: Float64Array;
  head: number;
  count: number;
  limit: number;
}

/**
 * Exact sliding-window log: a client gets at most `limit` accepted requests in any `windowMs`.
 * Per client, a ring of the accepted timestamps still in the window (rejected hits are not
 * counted, so a client that keeps knocking is not locked out longer); it starts small and doubles
 * as needed, so memory follows actual use (8 bytes per hit in the window), not the limit.
 * Idle clients are swept once the map is full.
 */
export class SlidingWindowStore implements RateLimitStore {
  private readonly logs = new Map<string, Log>();

  /** @param maxClients clients tracked before idle ones are swept, then the oldest under their limit evicted. Default: 10_000. */
  constructor(private readonly maxClients = 10_000) {}

  get size(): number {
    return this.logs.size;
  }

  hit(key: string, now: number, limit: number, windowMs: number): RateLimitResult {
    let log = this.logs.get(key);
    if (!log || log.limit !== limit) {
      if (!log && this.logs.size >= this.maxClients) this.sweep(now, windowMs);
      log = { times: new Float64Array(Math.min(limit, 16)), head: 0, count: 0, limit };
      this.logs.set(key, log);
    }
    const cutoff = now - windowMs;
    while (log.count > 0 && log.times[log.head]! <= cutoff) {
      log.head = (log.head + 1) % log.times.length;
      log.count--;
    }
    if (log.count >= limit) return { allowed: false, limit, remaining: 0, resetAt: log.times[log.head]! + windowMs };
    if (log.count === log.times.length) grow(log);
    log.times[(log.head + log.count) % log.times.length] = now;
    log.count++;
    return { allowed: true, limit, remaining: limit - log.count, resetAt: log.times[log.head]! + windowMs };
  }

  private sweep(now: number, windowMs: number): void {
    for (const [key, log] of this.logs) {
      const newest = log.count > 0 ? log.times[(log.head + log.count - 1) % log.times.length]! : -Infinity;
      if (newest <= now - windowMs) this.logs.delete(key);
    }
    // Still full of active clients: drop the earliest inserted that are under their limit, down to
    // 90 % (so a flood of new ids sweeps once per thousand, not once each), rather than grow without
    // bound. A client at its limit is kept: dropping it would lift its limit, and a flood of new ids
    // (10,000 requests to a 404) would set any blocked client free.
    for (const [key, log] of this.logs) {
      if (this.logs.size < this.maxClients * 0.9) break;
      if (log.count < log.limit) this.logs.delete(key);
    }
  }
}

/** Doubles the ring (capped at the limit), unrolling it so the oldest hit is at 0. */
function grow(log: Log): void {
  const old = log.times;
  const next = new Float64Array(Math.min(log.limit, old.length * 2));
  for (let i = 0; i < log.count; i++) next[i] = old[(log.head + i) % old.length]!;
  log.times = next;
  log.head = 0;
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
