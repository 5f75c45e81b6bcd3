import { systemClock, type Clock } from "./clock.js";

export interface RateLimiterOptions {
  /** Sustained requests per second (token refill rate). Default: unlimited. */
  ratePerSecond?: number;
  /** Requests allowed back-to-back before the rate applies (bucket size). Default: max(1, ratePerSecond). */
  burst?: number;
  /** Requests in flight at once; further ones queue. Default: unlimited. */
  maxConcurrent?: number;
  /** Wait for the reset when the server reported `remaining: 0` instead of sending into a 429. Default: true. */
  respectServerLimits?: boolean;
}

/**
 * Client-side limiter: a token bucket expressed as GCRA (a single "theoretical arrival time"), so
 * callers reserve a slot on arrival and queue in FIFO order without a timer per waiter; plus a
 * counting semaphore for concurrency.
 */
export class RateLimiter {
  // #fields: minifiers shorten them, which TypeScript `private` names are not.
  #tat = 0;
  #active = 0;
  readonly #waiters: Array<() => void> = [];
  readonly #interval: number;
  readonly #tolerance: number;
  readonly #clock: Clock;

  constructor(
    readonly options: RateLimiterOptions,
    /** Time source and sleeper. Default: the system clock. */
    clock: Clock = systemClock,
  ) {
    this.#clock = clock;
    const rate = options.ratePerSecond;
    this.#interval = rate && rate > 0 ? 1000 / rate : 0;
    const burst = options.burst ?? Math.max(1, Math.floor(rate ?? 1));
    this.#tolerance = Math.max(0, burst - 1) * this.#interval;
  }

  /** Waits for a rate token then a concurrency slot; call `release()` once the request settled. */
  async acquire(signal?: AbortSignal): Promise<void> {
    if (this.#interval > 0) {
      const now = this.#clock.now();
      const tat = Math.max(this.#tat, now);
      const wait = tat - this.#tolerance - now;
      this.#tat = tat + this.#interval;
      if (wait > 0) await this.#clock.sleep(wait, signal);
    }
    const max = this.options.maxConcurrent;
    if (max === undefined || this.#active < max) {
      this.#active++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener("abort", onAbort);
        this.#active++;
        resolve();
      };
      const onAbort = (): void => {
        const i = this.#waiters.indexOf(grant);
        if (i >= 0) this.#waiters.splice(i, 1);
        reject(signal?.reason);
      };
      this.#waiters.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  release(): void {
    this.#active--;
    this.#waiters.shift()?.();
  }

  /** Requests currently holding a concurrency slot. */
  get inFlight(): number {
    return this.#active;
  }
}
