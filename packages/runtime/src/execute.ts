import { applyAuth, type ResolvedAuth } from "./auth/bearer.js";
import { computeBackoff } from "./backoff.js";
import { ResponseCache, type CacheEntry } from "./cache.js";
import type { CircuitBreaker } from "./circuit-breaker.js";
import type { Clock } from "./clock.js";
import { AbortError, ApiError, TimeoutError } from "./errors/index.js";
import type { RateLimiter } from "./limiter.js";
import type { Logger } from "./logger.js";
import type { CallOptions, FetchFn, Hooks, RequestContext } from "./options.js";
import type { RateLimitTracker } from "./rate-limit.js";
import {
  attemptInit,
  bufferResponse,
  classifyFetchError,
  originOf,
  prepareHeaders,
  toRequest,
} from "./request.js";
import { delayForResponse, isReplayable, type ResolvedRetry } from "./retry.js";
import { LinkedSignal } from "./timeout.js";
import { supportsRequestStreams } from "./upload.js";

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

/** One logical request: retries, auth refresh, cache and breaker around the underlying fetch. */
export async function execute(rt: RuntimeState, input: Request | string | URL, init: RequestInit | undefined, call: CallOptions): Promise<Response> {
  const original = toRequest(rt.baseUrl, input, init);
  const method = original.method;
  const url = original.url;
  const origin = originOf(url);
  const idemHeader = call.idempotencyHeader ?? rt.retry.idempotencyHeader;
  const { headers, requestId } = prepareHeaders(original, call, rt.headers, rt.requestIdHeader, idemHeader);
  const replayable = isReplayable(method, headers, idemHeader, call.idempotent);
  const body = original.body === null ? undefined : await original.arrayBuffer();
  const maxRetries = call.retries ?? rt.retry.maxRetries;
  const totalMs = call.totalTimeoutMs ?? rt.totalTimeoutMs;
  const deadline = totalMs === undefined ? Infinity : rt.clock.now() + totalMs;
  const total = new LinkedSignal([original.signal, call.signal], totalMs, "total", requestId);
  const started = rt.clock.now();
  const ctx: RequestContext = { request: original, attempt: 0, requestId, call };

  const cacheable = rt.cache !== undefined && method === "GET" && call.cache !== false && !headers.has("if-none-match") && !headers.has("range");
  let cached: CacheEntry | undefined;
  if (cacheable) {
    cached = rt.cache!.get(url);
    if (cached && cached.expiresAt > started) return finish(rt, ctx, ResponseCache.toResponse(cached, "HIT"), started, total);
    if (cached?.etag) headers.set("if-none-match", cached.etag);
    else if (cached) rt.cache!.delete(url), (cached = undefined);
  }

  let retries = 0;
  let authReplayed = false;
  let lastResponse: Response | undefined;
  let lastError: ApiError | undefined;
  try {
    for (;;) {
      if (rt.breaker) {
        try {
          rt.breaker.check(origin, requestId);
        } catch (open) {
          // Mid-retry, the breaker tripping ends retries; the caller still gets the real last outcome.
          if (lastResponse) return await finish(rt, ctx, lastResponse, started, total);
          if (lastError) (open as { cause?: unknown }).cause = lastError;
          throw open;
        }
      }
      if (rt.limiter) {
        if (rt.respectServerLimits) {
          const wait = rt.tracker.waitMs(origin);
          if (wait > 0) await rt.clock.sleep(Math.min(wait, deadline - rt.clock.now()), total.signal);
        }
        await rt.limiter.acquire(total.signal);
        rt.tracker.consume(origin);
      }
      const attempt = new LinkedSignal([total.signal], call.timeoutMs ?? rt.timeoutMs, "attempt", requestId);
      let response: Response | undefined;
      let error: ApiError | undefined;
      let usedToken: string | undefined;
      try {
        usedToken = call.auth === false ? undefined : await applyAuth(headers, rt.auth, original.headers);
        if (rt.retry.retryCountHeader) headers.set(rt.retry.retryCountHeader, String(ctx.attempt));
        const reqInit = attemptInit(headers, body, attempt.signal, call.onUploadProgress);
        let request: Request | undefined;
        if (rt.hooks.onRequest) {
          request = new Request(original, reqInit);
          const replaced = await rt.hooks.onRequest({ ...ctx, request });
          if (replaced instanceof Request) request = replaced;
        }
        rt.log?.debug?.("http.request", {
          method,
          url: rt.redact.url(url),
          attempt: ctx.attempt,
          requestId,
          headers: rt.redact.headers(headers),
        });
        const doFetch = rt.fetch ?? globalThis.fetch;
        try {
          // Without hooks, hand the init to fetch directly: it builds the Request itself, so we skip one.
          response = await (request ? doFetch(request) : doFetch(original, reqInit));
        } catch (err) {
          error = classifyFetchError(err, attempt, requestId);
        }
      } catch (e) {
        attempt.dispose();
        throw e;
      } finally {
        rt.limiter?.release();
      }

      if (error) {
        attempt.dispose();
        if (error instanceof AbortError || (error instanceof TimeoutError && error.kind === "total")) {
          rt.breaker?.neutral(origin);
          throw error;
        }
        rt.breaker?.failure(origin);
        const allowed = error instanceof TimeoutError ? rt.retry.retryOnTimeout : rt.retry.retryOnNetworkError;
        if (!replayable || !allowed || retries >= maxRetries) throw error;
        const delay = computeBackoff(retries, rt.retry.backoff, rt.random);
        if (rt.clock.now() + delay >= deadline) throw error;
        lastError = error;
        lastResponse = undefined;
        await waitAndCount(rt, ctx, delay, total, { error });
        retries++;
        continue;
      }

      const res = response!;
      const status = res.status;
      rt.tracker.update(origin, res.headers);
      if (rt.breaker) {
        if (status >= 500) rt.breaker.failure(origin);
        else rt.breaker.success(origin);
      }

      if (status === 401 && usedToken && !authReplayed && rt.auth.bearer?.handleUnauthorized) {
        const buffered = await bufferResponse(res);
        attempt.dispose();
        authReplayed = true;
        // The 401 proves the request was rejected before any side effect, so replaying is safe even for POST.
        if (!(await rt.auth.bearer.handleUnauthorized(usedToken))) return await finish(rt, ctx, buffered, started, total);
        rt.log?.info?.("http.auth.refreshed", { requestId, url: rt.redact.url(url) });
        ctx.attempt++;
        continue;
      }

      if (status === 304 && cached) {
        await res.arrayBuffer().catch(() => undefined);
        attempt.dispose();
        cached.expiresAt = rt.clock.now() + cacheTtl(rt, call);
        return await finish(rt, ctx, ResponseCache.toResponse(cached, "REVALIDATED"), started, total);
      }

      if (replayable && retries < maxRetries && rt.retry.retryOnStatus(status)) {
        const delay = delayForResponse(res, retries, rt.retry, rt.clock.now(), rt.random);
        if (delay !== undefined && rt.clock.now() + delay < deadline) {
          lastResponse = await bufferResponse(res);
          lastError = undefined;
          attempt.dispose();
          await waitAndCount(rt, ctx, delay, total, { response: lastResponse });
          retries++;
          continue;
        }
      }

      attempt.disarm();
      let final = res;
      if (cacheable && status === 200) final = await rt.cache!.store(url, res, cacheTtl(rt, call), call.tags ?? [], rt.clock.now());
      if (body !== undefined && call.onUploadProgress && !supportsRequestStreams()) {
        call.onUploadProgress({ loaded: body.byteLength, total: body.byteLength });
      }
      return await finish(rt, ctx, final, started, total);
    }
  } catch (e) {
    const error = e instanceof ApiError ? e : total.signal.aborted && total.signal.reason instanceof ApiError ? total.signal.reason : undefined;
    if (!error) throw e;
    rt.log?.error?.("http.error", { method, url: rt.redact.url(url), requestId, name: error.name, message: error.message });
    await rt.hooks.onError?.({ ...ctx, error });
    throw error;
  } finally {
    total.disarm();
    if (call.invalidates?.length) rt.cache?.invalidate(call.invalidates);
  }
}

function cacheTtl(rt: RuntimeState, call: CallOptions): number {
  return typeof call.cache === "object" ? call.cache.ttlMs : rt.cache!.ttlMs;
}

async function waitAndCount(
  rt: RuntimeState,
  ctx: RequestContext,
  delayMs: number,
  total: LinkedSignal,
  outcome: { response?: Response; error?: ApiError },
): Promise<void> {
  rt.log?.warn?.("http.retry", {
    requestId: ctx.requestId,
    attempt: ctx.attempt,
    delayMs: Math.round(delayMs),
    status: outcome.response?.status,
    error: outcome.error?.name,
  });
  await rt.hooks.onRetry?.({ ...ctx, delayMs, ...outcome });
  await rt.clock.sleep(delayMs, total.signal);
  ctx.attempt++;
}

async function finish(rt: RuntimeState, ctx: RequestContext, response: Response, started: number, total: LinkedSignal): Promise<Response> {
  total.disarm();
  const durationMs = rt.clock.now() - started;
  rt.log?.debug?.("http.response", {
    requestId: ctx.requestId,
    status: response.status,
    attempt: ctx.attempt,
    durationMs,
    headers: rt.redact.headers(response.headers),
  });
  await rt.hooks.onResponse?.({ ...ctx, response, durationMs });
  return response;
}
