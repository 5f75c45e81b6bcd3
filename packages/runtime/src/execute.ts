import { computeBackoff } from "./backoff.js";
import { ResponseCache, type CacheEntry } from "./cache.js";
import { sendAttempt } from "./attempt.js";
import { AbortError, ApiError, TimeoutError, type ConnectionError } from "./errors/index.js";
import { cacheTtl, Context, finish, view, waitAndCount, type RuntimeState } from "./lifecycle.js";
import type { CallOptions } from "./options.js";
import { bufferResponse, classifyFetchError, originOf, prepare, prepareHeaders, readWithin, rebuild, type Prepared } from "./request.js";
import { delayForResponse, isReplayable } from "./retry.js";
import { rateLimited } from "./retry-after.js";
import { LinkedSignal, timedOut } from "./timeout.js";
import { supportsRequestStreams } from "./upload.js";

export type { RuntimeState } from "./lifecycle.js";

const NONE: { bearer?: boolean; apiKey?: boolean } = {};
/** Without credentials configured there is nothing to skip: one shared object instead of one per call. */
const NO_SKIP = { bearer: false, apiKey: false };

/**
 * Turns the final response and its body into what the caller gets (the operation methods: the
 * decoded body, or a typed error thrown). Runs inside the attempt, after the body was read there.
 */
export type ReadBody<T> = (response: Response, body: ArrayBuffer) => T;

/** runtime.fetch: resolves once the headers of the final response arrived; the caller reads the body. */
export async function execute(rt: RuntimeState, input: Request | string | URL, init: RequestInit | undefined, call: CallOptions): Promise<Response> {
  const prep = prepare(rt.baseUrl, input, init);
  return send<Response>(rt, prep instanceof Promise ? await prep : prep, call);
}

/**
 * One logical request: retries, auth refresh, cache and breaker around the underlying fetch.
 * With `read`, each attempt also reads the body, so a connection dropped or stalled mid-body is a
 * ConnectionError or TimeoutError retried under the same rules as one before the headers, and the
 * attempt and total deadlines cover the body too.
 */
export async function send<T>(rt: RuntimeState, p: Prepared, call: CallOptions, read?: ReadBody<T>): Promise<T> {
  const { method, url, headers } = p;
  // What the breaker and the limiter count by; the tracker finds it itself, in the few answers that carry a quota.
  const origin = rt.breaker || rt.limiter ? originOf(url) : url;
  const idemHeader = call.idempotencyHeader ?? rt.retry.idempotencyHeader;
  // Credentials the runtime leaves alone: those the caller set, and kinds the operation does not accept.
  const auth = rt.auth;
  const pick = typeof call.auth === "object" ? call.auth : NONE;
  const skip =
    auth.bearer === undefined && auth.apiKey === undefined
      ? NO_SKIP
      : {
          bearer: (auth.bearer !== undefined && headers.has("authorization")) || pick.bearer === false,
          apiKey: (auth.apiKey !== undefined && headers.has(auth.apiKeyHeader)) || pick.apiKey === false,
        };
  prepareHeaders(headers, call, rt.headers, rt.requestIdHeader, idemHeader);
  const ctx = new Context(p, call, rt.requestIdHeader || "x-request-id");
  const replayable = isReplayable(method, headers, idemHeader, call.idempotent);
  const body = p.body;
  const maxRetries = call.retries ?? rt.retry.maxRetries;
  const timeoutMs = call.timeoutMs ?? rt.timeoutMs;
  const totalMs = call.totalTimeoutMs ?? rt.totalTimeoutMs;
  const started = rt.clock.now();
  const deadline = started + (totalMs ?? Infinity);
  // The caller's signal itself is the parent, with one listener on it however many requests link to
  // it (LinkedSignal's fan-out). When the body is read here, every link is removed at the end;
  // otherwise the caller's signal must still abort the body read after we return, so the link stays
  // until that signal goes. Not a per-request AbortSignal.any view: Node 20 keeps a view that has a
  // listener reachable for ever (5 KB a request, and the BFF passes every browser request's signal).
  // A view is made only for two real signals: a caller's Request (or init) signal and a call's.
  const callerSignal = call.signal ? (p.signal ? AbortSignal.any([p.signal, call.signal]) : call.signal) : p.signal;
  // Without an overall budget the caller's signal is the parent of each attempt: one fewer link.
  const total = totalMs === undefined ? undefined : new LinkedSignal(callerSignal, totalMs, "total", ctx);
  // Parent of every attempt, and what backoff and limiter waits listen to.
  const parent = total?.signal ?? callerSignal;
  const cache = rt.cache;
  // Never an event stream: it is read as it arrives and may not end. (No accept header tests as "null".)
  const cacheable = cache !== undefined && method === "GET" && call.cache !== false && !headers.has("if-none-match") && !headers.has("range") && !/event-stream/i.test(headers.get("accept")!);
  // An invalidation after this point wins over what this read brings back (see ResponseCache.store).
  const epoch = cache?.epoch;
  // What the answer is matched on, before attempts add the runtime's own credentials (see varyKey).
  const asked = cacheable ? new Headers(headers) : undefined;

  let cached: CacheEntry | undefined;
  let retries = 0;
  let authReplayed = false;
  // What is handed back, with its body when it was read here; the last retried response, for a breaker that trips.
  let out: Response | undefined;
  let outBytes: ArrayBuffer | undefined;
  let last: Response | undefined;
  let lastBytes: ArrayBuffer | undefined;
  let lastError: ApiError | undefined;
  try {
    if (cacheable) {
      cached = cache.get(url, asked);
      if (cached && cached.expiresAt > started) {
        out = ResponseCache.toResponse(cached, "HIT");
        outBytes = read && cached.body.slice(0);
      } else if (cached?.etag) headers.set("if-none-match", cached.etag);
      else if (cached) cache.delete(url), (cached = undefined);
    }
    while (!out) {
      if (rt.breaker) {
        try {
          rt.breaker.check(origin, ctx.requestId);
        } catch (open) {
          // Mid-retry, the breaker tripping ends retries; the caller still gets the real last outcome.
          if (!last) {
            if (lastError) (open as { cause?: unknown }).cause = lastError;
            throw open;
          }
          out = last;
          outBytes = lastBytes;
          break;
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
      const attempt = await sendAttempt(rt, p, call, ctx, skip, parent, timeoutMs, read !== undefined || cacheable);
      let { response: res, error } = attempt;
      let bytes: ArrayBuffer | undefined;
      const store = cacheable && res !== undefined && cache.accepts(res);
      if (res && (read || store)) {
        try {
          bytes = await (attempt.deadline && res.body ? readWithin(res, attempt.deadline, () => timedOut("attempt", timeoutMs, ctx.requestId)) : res.arrayBuffer());
        } catch (e) {
          // The body phase failed (connection dropped, stalled past a deadline): an attempt failure.
          error = classifyFetchError(e, attempt.signal, ctx.requestId, timeoutMs);
          res = undefined;
        }
      }

      if (res) {
        const status = res.status;
        rt.tracker.update(origin, res.headers);
        rt.breaker?.[status >= 500 ? "failure" : "success"](origin);

        if (status === 401 && attempt.usedToken && !authReplayed && rt.auth.bearer?.handleUnauthorized) {
          const buffered = bytes ? rebuild(res, bytes) : await bufferResponse(res);
          attempt.signal.dispose();
          authReplayed = true;
          // The 401 proves the request was rejected before any side effect, so replaying is safe even for POST.
          if (!(await rt.auth.bearer.handleUnauthorized(attempt.usedToken))) {
            out = buffered;
            outBytes = bytes;
            break;
          }
          rt.log?.info?.("http.auth.refreshed", { requestId: ctx.requestId, url: rt.redact.url(url) });
          ctx.attempt++;
          continue;
        }

        if (status === 304 && cached) {
          if (!bytes) await res.arrayBuffer().catch(() => undefined);
          attempt.signal.dispose();
          cached.expiresAt = rt.clock.now() + cacheTtl(rt, call);
          out = ResponseCache.toResponse(cached, "REVALIDATED");
          outBytes = read && cached.body.slice(0);
          break;
        }

        // A rate limit says the server did not act on the request: safe to send again, POST included.
        if ((replayable || rateLimited(res)) && retries < maxRetries && rt.retry.retryOnStatus(status, res)) {
          const delay = delayForResponse(res, retries, rt.retry, rt.clock.now(), rt.random);
          if (delay !== undefined && rt.clock.now() + delay < deadline) {
            last = bytes ? rebuild(res, bytes) : await bufferResponse(res);
            lastBytes = bytes;
            lastError = undefined;
            attempt.signal.dispose();
            await waitAndCount(rt, ctx, delay, parent, { response: last });
            retries++;
            continue;
          }
        }

        // The caller reads a body left unread, and the caller's signal must still abort that read.
        if (bytes) attempt.signal.dispose();
        else attempt.signal.release(res.body);
        if (store) cache.store(url, res, bytes!, cacheTtl(rt, call), call.tags ?? [], rt.clock.now(), epoch, asked);
        if (body !== undefined && call.onUploadProgress && !supportsRequestStreams()) {
          const size = new Blob([body as Blob]).size;
          call.onUploadProgress({ loaded: size, total: size });
        }
        out = bytes && !read ? rebuild(res, bytes) : res;
        outBytes = bytes;
        break;
      }

      const err = error!;
      attempt.signal.dispose();
      // The origin did not fail a caller's abort, a spent budget, or a request fetch refused by its own rules.
      if (err instanceof AbortError || (err instanceof TimeoutError && err.kind === "total") || (err as ConnectionError).retryable === false) {
        rt.breaker?.neutral(origin);
        throw err;
      }
      rt.breaker?.failure(origin);
      const allowed = err instanceof TimeoutError ? rt.retry.retryOnTimeout : rt.retry.retryOnNetworkError;
      if (!replayable || !allowed || retries >= maxRetries) throw err;
      const delay = computeBackoff(retries, rt.retry.backoff, rt.random);
      if (rt.clock.now() + delay >= deadline) throw err;
      lastError = err;
      last = undefined;
      await waitAndCount(rt, ctx, delay, parent, { error: err });
      retries++;
    }
    // Reported (log, onResponse) before it is decoded: decoding throws the operation methods' typed
    // errors, and hooks see error responses too (a readable copy when the body was read here).
    // Nothing to log or report on the common path: not even the call (the timer is stopped in finally).
    const reported = (rt.log || rt.hooks.onResponse) && finish(rt, ctx, read && rt.hooks.onResponse ? rebuild(out, outBytes!) : out, started, total);
    if (reported) await reported;
    return read ? read(out, outBytes!) : (out as T);
  } catch (e) {
    // Waits (backoff, limiter) reject with the raw abort reason; map it like an aborted fetch.
    const error =
      e instanceof ApiError
        ? e
        : total?.signal?.reason instanceof ApiError
          ? total.signal.reason
          : callerSignal?.aborted
            ? new AbortError("Request aborted by caller", { cause: callerSignal.reason, requestId: ctx.requestId })
            : undefined;
    if (!error) throw e;
    rt.log?.error?.("http.error", { method, url: rt.redact.url(url), requestId: ctx.requestId, name: error.name, message: error.message });
    await rt.hooks.onError?.({ ...view(ctx), error });
    throw error;
  } finally {
    if (read) total?.dispose();
    else total?.release(out?.body ?? null);
    if (call.invalidates?.length) cache?.invalidate(call.invalidates);
  }
}

