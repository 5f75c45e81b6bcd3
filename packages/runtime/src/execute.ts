import { computeBackoff } from "./backoff.js";
import { ResponseCache, type CacheEntry } from "./cache.js";
import { sendAttempt } from "./attempt.js";
import { AbortError, ApiError, TimeoutError } from "./errors/index.js";
import { cacheTtl, context, finish, view, waitAndCount, type RuntimeState } from "./lifecycle.js";
import type { CallOptions } from "./options.js";
import { bufferResponse, originOf, prepare, prepareHeaders } from "./request.js";
import { delayForResponse, isReplayable } from "./retry.js";
import { anySignal, LinkedSignal } from "./timeout.js";
import { supportsRequestStreams } from "./upload.js";

export type { RuntimeState } from "./lifecycle.js";

/** One logical request: retries, auth refresh, cache and breaker around the underlying fetch. */
export async function execute(rt: RuntimeState, input: Request | string | URL, init: RequestInit | undefined, call: CallOptions): Promise<Response> {
  const prep = prepare(rt.baseUrl, input, init);
  const p = prep instanceof Promise ? await prep : prep;
  const { method, url, headers } = p;
  const origin = originOf(url);
  const idemHeader = call.idempotencyHeader ?? rt.retry.idempotencyHeader;
  const callerSet = {
    bearer: rt.auth.bearer !== undefined && headers.has("authorization"),
    apiKey: rt.auth.apiKey !== undefined && headers.has(rt.auth.apiKeyHeader),
  };
  const requestId = prepareHeaders(headers, call, rt.headers, rt.requestIdHeader, idemHeader);
  const replayable = isReplayable(method, headers, idemHeader, call.idempotent);
  const body = p.body;
  const maxRetries = call.retries ?? rt.retry.maxRetries;
  const totalMs = call.totalTimeoutMs ?? rt.totalTimeoutMs;
  const started = rt.clock.now();
  const deadline = totalMs === undefined ? Infinity : started + totalMs;
  // A caller-owned signal may be long-lived (one per page or component); AbortSignal.any gives a
  // per-request view of it so finished requests leave no listeners behind on it.
  const callerSignal = call.signal ? anySignal(p.signal ? [p.signal, call.signal] : [call.signal], true) : p.signal;
  // Without an overall budget the caller's signal is the parent of each attempt: one fewer link.
  const total = totalMs === undefined ? undefined : new LinkedSignal([callerSignal], totalMs, "total", requestId);
  // Parent of every attempt, and what backoff and limiter waits listen to.
  const parent = total?.signal ?? callerSignal;
  const ctx = context(p, call, requestId);

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
          if (lastResponse) return finish(rt, ctx, lastResponse, started, total);
          if (lastError) (open as { cause?: unknown }).cause = lastError;
          throw open;
        }
      }
      if (rt.limiter) {
        if (rt.respectServerLimits) {
          const wait = rt.tracker.waitMs(origin);
          if (wait > 0) await rt.clock.sleep(Math.min(wait, deadline - rt.clock.now()), parent);
        }
        await rt.limiter.acquire(parent);
        rt.tracker.consume(origin);
      }
      const { signal: attempt, response, error, usedToken } = await sendAttempt(rt, p, call, ctx, callerSet, parent);

      if (error) {
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
        await waitAndCount(rt, ctx, delay, parent, { error });
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
        if (!(await rt.auth.bearer.handleUnauthorized(usedToken))) return finish(rt, ctx, buffered, started, total);
        rt.log?.info?.("http.auth.refreshed", { requestId, url: rt.redact.url(url) });
        ctx.attempt++;
        continue;
      }

      if (status === 304 && cached) {
        await res.arrayBuffer().catch(() => undefined);
        attempt.dispose();
        cached.expiresAt = rt.clock.now() + cacheTtl(rt, call);
        return finish(rt, ctx, ResponseCache.toResponse(cached, "REVALIDATED"), started, total);
      }

      if (replayable && retries < maxRetries && rt.retry.retryOnStatus(status)) {
        const delay = delayForResponse(res, retries, rt.retry, rt.clock.now(), rt.random);
        if (delay !== undefined && rt.clock.now() + delay < deadline) {
          lastResponse = await bufferResponse(res);
          lastError = undefined;
          attempt.dispose();
          await waitAndCount(rt, ctx, delay, parent, { response: lastResponse });
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
      return finish(rt, ctx, final, started, total);
    }
  } catch (e) {
    // Waits (backoff, limiter) reject with the raw abort reason; map it like an aborted fetch.
    const error =
      e instanceof ApiError
        ? e
        : total?.signal?.aborted && total.signal.reason instanceof ApiError
          ? total.signal.reason
          : callerSignal?.aborted
            ? new AbortError("Request aborted by caller", { cause: callerSignal.reason, requestId })
            : undefined;
    if (!error) throw e;
    rt.log?.error?.("http.error", { method, url: rt.redact.url(url), requestId, name: error.name, message: error.message });
    await rt.hooks.onError?.({ ...view(ctx), error });
    throw error;
  } finally {
    total?.disarm();
    if (call.invalidates?.length) rt.cache?.invalidate(call.invalidates);
  }
}
