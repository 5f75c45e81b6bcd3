import { originOf } from "./request.js";
import { parseResetHeader } from "./retry-after.js";

/** What the server last told us about our quota for an origin. */
export interface RateLimitState {
  limit: number | undefined;
  remaining: number | undefined;
  /** Epoch ms when the window resets. */
  resetAt: number | undefined;
  /** Epoch ms at which these headers were read. */
  updatedAt: number;
}

function num(v: string | null): number | undefined {
  if (v === null) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Tracks `X-RateLimit-*` (and IETF `RateLimit-*`) response headers per origin. */
export class RateLimitTracker {
  // #fields: minifiers shorten them, which TypeScript `private` names are not.
  readonly #states = new Map<string, RateLimitState>();
  readonly #defaultOrigin: string | undefined;
  readonly #now: () => number;

  constructor(defaultOrigin: string | undefined, now: () => number = Date.now) {
    this.#defaultOrigin = defaultOrigin;
    this.#now = now;
  }

  /**
   * Records headers from a response to `url` (or its origin). A response without a remaining count is ignored:
   * a limit or reset alone tells nothing to wait for, and most responses of most APIs carry none,
   * so they cost two header lookups here instead of six.
   */
  update(url: string, headers: Headers): void {
    // X-RateLimit-* (GitHub, Twitter…) or the IETF draft's RateLimit-*.
    const get = (name: string): string | null => headers.get(`x-ratelimit-${name}`) ?? headers.get(`ratelimit-${name}`);
    const remaining = num(get("remaining"));
    if (remaining === undefined) return;
    const limit = num(get("limit"));
    const resetRaw = get("reset");
    const now = this.#now();
    const resetAt = parseResetHeader(resetRaw, now);
    this.#states.set(originOf(url), { limit, remaining, resetAt, updatedAt: now });
  }

  /** State for an origin or any URL on it; defaults to the runtime's baseUrl origin. */
  get(originOrUrl?: string): RateLimitState | undefined {
    const key = originOrUrl ?? this.#defaultOrigin;
    if (key === undefined) return undefined;
    // Keyed as requests are: by originOf their URL.
    const s = this.#states.get(key) ?? this.#states.get(originOf(key));
    return s && { ...s };
  }

  /** Every known origin's state, for dashboards and debugging. */
  snapshot(): Record<string, RateLimitState> {
    return Object.fromEntries([...this.#states].map(([k, s]) => [k, { ...s }]));
  }

  /**
   * Milliseconds to hold a request so it does not hit a known-exhausted quota, or 0.
   * Only trusts a state whose window has not already passed.
   */
  waitMs(origin: string): number {
    const s = this.#states.get(origin);
    if (!s || s.remaining !== 0 || s.resetAt === undefined) return 0;
    // A few ms past the reset absorbs timer and clock granularity; arriving early means a 429.
    return Math.max(0, s.resetAt - this.#now() + 5);
  }

  /** Counts a request against the last known quota so concurrent callers see it shrink. */
  consume(origin: string): void {
    const s = this.#states.get(origin);
    if (s?.remaining !== undefined && s.remaining > 0) s.remaining--;
  }
}
