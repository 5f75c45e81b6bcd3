import type { ResolvedAuth } from "./auth/bearer.js";
import type { ResponseCache } from "./cache.js";
import type { CircuitBreaker } from "./circuit-breaker.js";
import type { Clock } from "./clock.js";
import type { ApiError } from "./errors/index.js";
import type { RateLimiter } from "./limiter.js";
import type { Logger } from "./logger.js";
import type { CallOptions, FetchFn, Hooks, RequestContext } from "./options.js";
import type { RateLimitTracker } from "./rate-limit.js";
import { randomId } from "./encoding.js";
import type { Prepared } from "./request.js";
import type { ResolvedRetry } from "./retry.js";
import type { LinkedSignal } from "./timeout.js";

/** Everything createRuntime resolved from its options; one per runtime, shared by all calls. */
export interface RuntimeState {
  fetch: FetchFn | undefined;
  baseUrl: string | undefined;
  headers: Headers | undefined;
  retry: ResolvedRetry;
  timeoutMs: number;
  totalTimeoutMs: number | undefined;
  auth: ResolvedAuth;
  limiter: RateLimiter | undefined;
  respectServerLimits: boolean;
  tracker: RateLimitTracker;
  breaker: CircuitBreaker | undefined;
  cache: ResponseCache | undefined;
  hooks: Hooks;
  log: Logger | undefined;
  redact: { headers(h: Headers): Record<string, string>; url(u: string): string };
  requestIdHeader: string | false;
  clock: Clock;
  random: () => number;
}

export function cacheTtl(rt: RuntimeState, call: CallOptions): number {
  return typeof call.cache === "object" ? call.cache.ttlMs : rt.cache!.ttlMs;
}

/** Reports a retry to logs and hooks, then waits; aborts end the wait with the signal's reason. */
export async function waitAndCount(
  rt: RuntimeState,
  ctx: RequestContext,
  delayMs: number,
  signal: AbortSignal | undefined,
  outcome: { response?: Response; error?: ApiError },
): Promise<void> {
  rt.log?.warn?.("http.retry", {
    requestId: ctx.requestId,
    attempt: ctx.attempt,
    delayMs: Math.round(delayMs),
    status: outcome.response?.status,
    error: outcome.error?.name,
  });
  await rt.hooks.onRetry?.({ ...view(ctx), delayMs, ...outcome });
  await rt.clock.sleep(delayMs, signal);
  ctx.attempt++;
}

/**
 * Hook context; `request` is built lazily since the fast path never creates a Request object, and
 * the request id when first asked for (an error, a log line, a hook): most calls never need one.
 */
export class Context implements RequestContext {
  attempt = 0;
  #built: Request | undefined;
  #id: string | undefined;
  readonly #p: Prepared;
  readonly #header: string;
  constructor(
    p: Prepared,
    readonly call: CallOptions,
    header: string,
  ) {
    this.#p = p;
    this.#header = header;
  }
  /** The caller's own id header when it set one, else a random one; the same for every attempt. */
  get requestId(): string {
    return (this.#id ??= this.#p.headers.get(this.#header) ?? randomId());
  }
  get request(): Request {
    const p = this.#p;
    return (this.#built ??= new Request(p.url, { ...p.passthrough, method: p.method, headers: p.headers }));
  }
}

/** Hooks see plain objects; spreading a class instance would drop the lazy `request` getter. */
export function view(ctx: RequestContext): RequestContext {
  return { request: ctx.request, attempt: ctx.attempt, requestId: ctx.requestId, call: ctx.call };
}

/** Logs and reports the response handed back to the caller; a promise only while the onResponse hook runs. */
export function finish(rt: RuntimeState, ctx: RequestContext, response: Response, started: number, total: LinkedSignal | undefined): Promise<void> | undefined {
  total?.disarm();
  const durationMs = rt.clock.now() - started;
  rt.log?.debug?.("http.response", {
    requestId: ctx.requestId,
    status: response.status,
    attempt: ctx.attempt,
    durationMs,
    headers: rt.redact.headers(response.headers),
  });
  return rt.hooks.onResponse && Promise.resolve(rt.hooks.onResponse({ ...view(ctx), response, durationMs }));
}
