import { resolveAuth } from "./auth/bearer.js";
import { ResponseCache } from "./cache.js";
import { CircuitBreaker } from "./circuit-breaker.js";
import { systemClock } from "./clock.js";
import { execute, type RuntimeState } from "./execute.js";
import { RateLimiter } from "./limiter.js";
import { createRedactor } from "./logger.js";
import type { CallOptions, FetchFn, RuntimeOptions } from "./options.js";
import { RateLimitTracker } from "./rate-limit.js";
import { originOf } from "./request.js";
import { resolveRetry } from "./retry.js";

export interface Runtime {
  /**
   * fetch-compatible; pass as openapi-fetch's `fetch`. Resolves with HTTP error responses (4xx/5xx)
   * like fetch does, and rejects only with ConnectionError, TimeoutError, AbortError,
   * CircuitOpenError or SessionExpiredError once retries are exhausted.
   */
  fetch: FetchFn;
  /** A fetch bound to per-call options, e.g. `client.GET(path, { fetch: runtime.withCall({ retries: 0 }) })`. */
  withCall(options: CallOptions): FetchFn;
  /** Last `X-RateLimit-*` state per origin. */
  readonly rateLimit: RateLimitTracker;
  /** The client-side limiter, when `rateLimit` options were given. */
  readonly limiter: RateLimiter | undefined;
  /** The per-origin breaker, when enabled. */
  readonly circuitBreaker: CircuitBreaker | undefined;
  /** The GET cache, when enabled. */
  readonly cache: ResponseCache | undefined;
  /** Drops cached reads tagged with any of `tags`; returns how many were dropped. */
  invalidate(tags: string[]): number;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  return runtimeOf(runtimeState(options));
}

/** Everything the options resolve to; the generated client's operation methods run on it directly. */
export function runtimeState(options: RuntimeOptions): RuntimeState {
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now();
  const cb = options.circuitBreaker;
  const cacheOpt = options.cache;
  return {
    fetch: options.fetch,
    baseUrl: options.baseUrl,
    headers: options.headers ? new Headers(options.headers) : undefined,
    retry: resolveRetry(options.retry),
    timeoutMs: options.timeoutMs ?? 30_000,
    totalTimeoutMs: options.totalTimeoutMs,
    auth: resolveAuth(options.auth),
    limiter: options.rateLimit ? new RateLimiter(options.rateLimit, clock) : undefined,
    respectServerLimits: options.rateLimit?.respectServerLimits ?? true,
    tracker: new RateLimitTracker(options.baseUrl ? originOf(options.baseUrl) : undefined, now),
    breaker: cb ? new CircuitBreaker(cb === true ? {} : cb, now) : undefined,
    cache: cacheOpt ? new ResponseCache(cacheOpt === true ? {} : cacheOpt) : undefined,
    hooks: options.hooks ?? {},
    log: options.logger,
    // "" when no key header is configured: no header has an empty name.
    redact: createRedactor([...(options.redactHeaders ?? []), options.auth?.apiKeyHeader ?? ""]),
    requestIdHeader: options.requestIdHeader ?? false,
    clock,
    random: options.random ?? Math.random,
  };
}

/** The public runtime object over a resolved state. */
export function runtimeOf(state: RuntimeState): Runtime {
  const noCall: CallOptions = {};
  return {
    fetch: (input, init) => execute(state, input, init, noCall),
    withCall: (call) => (input, init) => execute(state, input, init, call),
    rateLimit: state.tracker,
    limiter: state.limiter,
    circuitBreaker: state.breaker,
    cache: state.cache,
    invalidate: (tags) => state.cache?.invalidate(tags) ?? 0,
  };
}
