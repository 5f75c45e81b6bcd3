import { applyAuth } from "./auth/bearer.js";
import type { ApiError } from "./errors/index.js";
import type { Context, RuntimeState } from "./lifecycle.js";
import { nativeTimeout } from "./native-timeout.js";
import type { CallOptions } from "./options.js";
import { attemptInit, classifyFetchError, type Prepared } from "./request.js";
import { LinkedSignal } from "./timeout.js";
import type { UploadProgress } from "./upload.js";

export interface AttemptResult {
  signal: LinkedSignal;
  response?: Response;
  error?: ApiError;
  /** Bearer token sent, so a 401 can be matched against the one that was rejected. */
  usedToken: string | undefined;
  /** When undici's timers time the attempt, the epoch ms by which a body read here must be done. */
  deadline?: number | undefined;
}

/**
 * Sends one attempt: credentials (re-read each time, since a refresh may have rotated them), retry
 * counter, hooks, logging. Fetch failures come back as `error`; anything else (a hook or token
 * provider throwing) propagates. The limiter slot is held until headers arrive.
 *
 * The attempt timeout is undici's own timers when nothing else needs a signal (see native-timeout),
 * else an AbortSignal; `readsBody` extends it over the body, which the caller then reads in the attempt.
 */
export async function sendAttempt(
  rt: RuntimeState,
  p: Prepared,
  call: CallOptions,
  ctx: Context,
  skip: { bearer: boolean; apiKey: boolean },
  parent: AbortSignal | undefined,
  timeoutMs: number,
  readsBody: boolean,
): Promise<AttemptResult> {
  const { url, headers } = p;
  const progress = p.body === undefined ? undefined : call.onUploadProgress;
  const dispatcher = parent || progress ? undefined : nativeTimeout(rt.fetch, timeoutMs, readsBody);
  const signal = new LinkedSignal(parent, dispatcher ? 0 : timeoutMs, "attempt", ctx);
  const deadline = dispatcher && Date.now() + timeoutMs;
  // The last tick waits for the response: a body handed to fetch is not yet a body the server read,
  // and a cancelled upload must never show 100 %.
  let last: UploadProgress | undefined;
  try {
    const auth = call.auth === false ? undefined : applyAuth(headers, rt.auth, skip);
    const usedToken = auth instanceof Promise ? await auth : auth;
    // Absent on the first attempt: keeps simple requests CORS-simple and the happy path lean.
    if (rt.retry.retryCountHeader && ctx.attempt > 0) headers.set(rt.retry.retryCountHeader, String(ctx.attempt));
    const init = attemptInit(p, signal.signal, progress && ((t) => (t.loaded < t.total ? progress(t) : (last = t))));
    if (dispatcher) (init as { dispatcher?: unknown }).dispatcher = dispatcher;
    let request: Request | undefined;
    if (rt.hooks.onRequest) {
      request = new Request(url, init);
      const replaced = await rt.hooks.onRequest({ attempt: ctx.attempt, requestId: ctx.requestId, call, request });
      if (replaced instanceof Request) request = replaced;
    }
    rt.log?.debug?.("http.request", {
      method: p.method,
      url: rt.redact.url(url),
      attempt: ctx.attempt,
      requestId: ctx.requestId,
      headers: rt.redact.headers(headers),
    });
    const doFetch = rt.fetch ?? globalThis.fetch;
    try {
      // Without hooks, hand url + init to fetch: it builds the one Request itself.
      const response = await (request ? doFetch(request, dispatcher && { dispatcher } as RequestInit) : doFetch(url, init));
      if (last) progress!(last);
      return { signal, usedToken, response, deadline };
    } catch (err) {
      signal.dispose();
      return { signal, usedToken, error: classifyFetchError(err, signal, ctx.requestId, timeoutMs) };
    }
  } catch (e) {
    signal.dispose();
    throw e;
  } finally {
    rt.limiter?.release();
  }
}
