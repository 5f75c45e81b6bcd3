import { ApiError, ConnectionError } from "./errors/index.js";
import { randomId } from "./encoding.js";
import type { CallOptions, RequestInitWithDuplex } from "./options.js";
import type { LinkedSignal } from "./timeout.js";
import { supportsRequestStreams, trackUploadProgress } from "./upload.js";

const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;
const ORIGIN = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i;

/** Normalizes any fetch input to one Request, resolving relative URLs against baseUrl. */
export function toRequest(baseUrl: string | undefined, input: Request | string | URL, init?: RequestInit): Request {
  if (input instanceof Request) return init ? new Request(input, init) : input;
  let url = typeof input === "string" ? input : input.href;
  if (!ABSOLUTE.test(url)) {
    if (!baseUrl) throw new TypeError(`Relative URL "${url}" needs the runtime's baseUrl option`);
    // Plain concatenation keeps a base path (/api/v1) that new URL(path, base) would drop.
    url = baseUrl.replace(/\/+$/, "") + (url.startsWith("/") ? url : `/${url}`);
  }
  return new Request(url, init);
}

/** Origin without a full URL parse, which is measurable on the hot path. */
export function originOf(url: string): string {
  return ORIGIN.exec(url)?.[0].toLowerCase() ?? url;
}

/**
 * Headers for the logical request: caller's, then call-level and runtime defaults, request id and
 * idempotency key. Computed once so retries reuse the same ids.
 */
export function prepareHeaders(
  original: Request,
  call: CallOptions,
  defaults: Headers | undefined,
  requestIdHeader: string | false,
  idempotencyHeader: string,
): { headers: Headers; requestId: string | undefined } {
  const headers = new Headers(original.headers);
  defaults?.forEach((v, k) => {
    if (!headers.has(k)) headers.set(k, v);
  });
  if (call.headers) new Headers(call.headers).forEach((v, k) => headers.set(k, v));
  let requestId: string | undefined;
  if (requestIdHeader) {
    requestId = headers.get(requestIdHeader) ?? randomId();
    headers.set(requestIdHeader, requestId);
  }
  if (call.idempotencyKey) headers.set(idempotencyHeader, call.idempotencyKey);
  else if (call.idempotencyHeader && !headers.has(idempotencyHeader)) headers.set(idempotencyHeader, randomId());
  return { headers, requestId };
}

/** Init for one attempt; the buffered body is re-wrapped every time because a body is single-use. */
export function attemptInit(
  headers: Headers,
  body: ArrayBuffer | undefined,
  signal: AbortSignal,
  onProgress: CallOptions["onUploadProgress"],
): RequestInitWithDuplex {
  const init: RequestInitWithDuplex = { headers, signal };
  if (body === undefined) return init;
  if (onProgress && supportsRequestStreams()) {
    init.body = trackUploadProgress(body, onProgress);
    init.duplex = "half";
  } else {
    init.body = body;
  }
  return init;
}

/** Maps whatever fetch rejected with to the runtime's error classes. */
export function classifyFetchError(err: unknown, signal: LinkedSignal, requestId: string | undefined): ApiError {
  if (signal.signal.aborted && signal.signal.reason instanceof ApiError) return signal.signal.reason;
  if (err instanceof ApiError) return err;
  const cause = (err as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const detail = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
  return new ConnectionError(`Connection failed: ${detail}`, { cause: err, requestId });
}

/**
 * Reads a response we may still hand back (e.g. a 503 we then decide not to retry) into memory, so
 * the connection is freed for reuse and the body stays readable for the caller.
 */
export async function bufferResponse(response: Response): Promise<Response> {
  let body: ArrayBuffer;
  try {
    body = await response.arrayBuffer();
  } catch {
    body = new ArrayBuffer(0);
  }
  const nullBody = response.status === 204 || response.status === 304 || response.status < 200;
  const copy = new Response(nullBody ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}
