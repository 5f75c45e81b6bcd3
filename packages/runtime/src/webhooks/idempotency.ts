import type { MaybePromise } from "../auth/bearer.js";

/** Pluggable dedupe store; `claim` must be atomic set-if-absent (e.g. Redis `SET key 1 NX PX ttl`). */
export interface IdempotencyStore {
  /** true if this call claimed `key` (first delivery), false if it was already claimed. */
  claim(key: string, ttlMs: number): MaybePromise<boolean>;
  /** Un-claims after a failed handler so the sender's redelivery is processed. */
  release(key: string): MaybePromise<void>;
}

/** Process-local store with TTL expiry; fine for one instance, use a shared store behind a load balancer. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly keys = new Map<string, number>();
  constructor(private readonly now: () => number = Date.now) {}

  claim(key: string, ttlMs: number): boolean {
    const t = this.now();
    // Sweep lazily on write so the map cannot grow without bound and no timer is needed.
    if (this.keys.size > 0 && this.keys.size % 256 === 0) for (const [k, exp] of this.keys) if (exp <= t) this.keys.delete(k);
    const exp = this.keys.get(key);
    if (exp !== undefined && exp > t) return false;
    this.keys.set(key, t + ttlMs);
    return true;
  }

  release(key: string): void {
    this.keys.delete(key);
  }

  get size(): number {
    return this.keys.size;
  }
}

export interface IdempotentOptions<E> {
  /** Key of an event. Default: `event.id`. */
  getId?: (event: E) => string | undefined;
  /** Where processed ids live. Default: a new MemoryIdempotencyStore. */
  store?: IdempotencyStore;
  /** How long an id is remembered; cover the sender's retry window. Default: 24 h. */
  ttlMs?: number;
}

export type IdempotentResult<R> = { duplicate: false; result: R } | { duplicate: true };

/**
 * Wraps a handler so each event id is processed once. A failing handler releases its claim and
 * rethrows, so the sender's retry gets another chance instead of being silently dropped.
 */
export function idempotentHandler<E, R>(
  handler: (event: E) => Promise<R> | R,
  options: IdempotentOptions<E> = {},
): (event: E) => Promise<IdempotentResult<R>> {
  const store = options.store ?? new MemoryIdempotencyStore();
  const ttl = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const getId = options.getId ?? ((e: E) => (e as { id?: string } | null)?.id);
  return async (event) => {
    const id = getId(event);
    if (id === undefined) throw new TypeError("Webhook event has no id to deduplicate on");
    if (!(await store.claim(id, ttl))) return { duplicate: true };
    try {
      return { duplicate: false, result: await handler(event) };
    } catch (error) {
      await store.release(id);
      throw error;
    }
  };
}
