import { CircuitOpenError } from "./errors/index.js";

export interface CircuitBreakerOptions {
  /** Consecutive failures (5xx, network errors, attempt timeouts) that open the circuit. Default: 5. */
  failureThreshold?: number;
  /** How long the circuit stays open before letting one trial request through. Default: 30_000 ms. */
  cooldownMs?: number;
  /** Called on every state change, for metrics and alerts. Default: none. */
  onStateChange?: (origin: string, state: CircuitState) => void;
}

export type CircuitState = "closed" | "open" | "half-open";

interface Circuit {
  state: CircuitState;
  failures: number;
  openedAt: number;
  probing: boolean;
}

/**
 * Per-origin breaker. Half-open admits a single probe so a recovering backend is not flattened by
 * every queued caller at once; the probe's outcome closes or re-opens the circuit.
 */
export class CircuitBreaker {
  // #fields: minifiers shorten them, which TypeScript `private` names are not.
  readonly #circuits = new Map<string, Circuit>();
  readonly #threshold: number;
  readonly #cooldown: number;
  readonly #options: CircuitBreakerOptions;
  readonly #now: () => number;

  constructor(options: CircuitBreakerOptions, now: () => number) {
    this.#options = options;
    this.#now = now;
    this.#threshold = options.failureThreshold ?? 5;
    this.#cooldown = options.cooldownMs ?? 30_000;
  }

  #get(origin: string): Circuit {
    let c = this.#circuits.get(origin);
    if (!c) this.#circuits.set(origin, (c = { state: "closed", failures: 0, openedAt: 0, probing: false }));
    return c;
  }

  #transition(origin: string, c: Circuit, state: CircuitState): void {
    if (c.state === state) return;
    c.state = state;
    this.#options.onStateChange?.(origin, state);
  }

  /** Current state, moving open → half-open once the cool-down has elapsed. */
  state(origin: string): CircuitState {
    const c = this.#get(origin);
    if (c.state === "open" && this.#now() >= c.openedAt + this.#cooldown) this.#transition(origin, c, "half-open");
    return c.state;
  }

  /** Throws CircuitOpenError unless a request to `origin` may go out now. */
  check(origin: string, requestId?: string): void {
    const state = this.state(origin);
    const c = this.#get(origin);
    if (state === "closed") return;
    if (state === "half-open" && !c.probing) {
      c.probing = true;
      return;
    }
    const retryAt = c.openedAt + this.#cooldown;
    throw new CircuitOpenError(`Circuit open for ${origin}`, {
      origin,
      retryAt,
      requestId,
    });
  }

  success(origin: string): void {
    const c = this.#get(origin);
    c.failures = 0;
    c.probing = false;
    this.#transition(origin, c, "closed");
  }

  failure(origin: string): void {
    const c = this.#get(origin);
    c.failures++;
    if (c.state === "half-open" || c.failures >= this.#threshold) {
      c.openedAt = this.#now();
      c.probing = false;
      this.#transition(origin, c, "open");
    }
  }

  /** The attempt ended without a verdict (caller abort): free the probe slot, change nothing else. */
  neutral(origin: string): void {
    this.#get(origin).probing = false;
  }

  reset(origin?: string): void {
    if (origin === undefined) this.#circuits.clear();
    else this.#circuits.delete(origin);
  }
}
