import { SlidingWindowStore, type RateLimitResult, type RateLimitStore } from "./rate-limit.js";
import { StoreUnavailableError } from "./store-unavailable.js";

/**
 * A shared rate-limit store with a failure policy. "open": while the shared store fails, each
 * instance counts in its own memory (so a client gets at most N × limit across N instances, as
 * without the shared store, never unlimited). "closed": the failure is thrown and becomes a 503.
 */
export class FailoverRateLimitStore implements RateLimitStore {
  constructor(
    private readonly shared: RateLimitStore,
    readonly policy: "open" | "closed",
    private readonly local: RateLimitStore = new SlidingWindowStore(),
  ) {}

  async hit(key: string, now: number, limit: number, windowMs: number): Promise<RateLimitResult> {
    try {
      return await this.shared.hit(key, now, limit, windowMs);
    } catch (e) {
      if (this.policy === "open") return this.local.hit(key, now, limit, windowMs);
      throw e instanceof StoreUnavailableError ? e : new StoreUnavailableError("rate limit", e instanceof Error ? e.message : String(e));
    }
  }
}
