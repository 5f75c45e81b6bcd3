import { ApiError, ConnectionError, type ApiErrorInit } from "./errors/index.js";
import { randomId, utf8 } from "./encoding.js";
import type { CallOptions, RequestInitWithDuplex } from "./options.js";
import { timedOut, type LinkedSignal } from "./timeout.js";
import { supportsRequestStreams, trackUploadProgress } from "./upload.js";

const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;
const ORIGIN = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i;

function resolveUrl(baseUrl: string | undefined, input: string | URL): string {
  const url = typeof input === "string" ? input : input.href;
  if (ABSOLUTE.test(url)) return url;
  if (!baseUrl) throw new TypeError(`Relative URL "${url}" needs the runtime's baseUrl option`);
  // Plain concatenation keeps a base path (/api/v1) that new URL(path, base) would drop.
  return baseUrl.replace(/\/+$/, "") + (url.startsWith("/") ? url : `/${url}`);
}

/** The parts of a logical request the runtime re-sends on every attempt. */
export interface Prepared {
  url: string;
  method: string;
  headers: Headers;
  /** Sent again as is on every attempt, so never a stream; FormData only without upload progress. */
  body: ArrayBuffer | Uint8Array<ArrayBuffer> | string | Blob | FormData | undefined;
  /** Remaining RequestInit fields (redirect, credentials, keepalive…) passed through to fetch. */
  passthrough: RequestInit;
  /** The request's own signal: per request, so linking to it cannot leak onto a long-lived signal. */
  signal: AbortSignal | undefined;
}

/** The methods fetch upper-cases (others keep their case). */
const NORMALIZED_METHODS = /^(delete|get|head|options|post|put)$/i;

/**
 * Reads any fetch input once. Body-less URL calls skip building a Request (a measurable cost on the
 * hot path); everything else goes through the Request constructor so bodies get their standard
 * encoding and content type (FormData boundary, URLSearchParams) before being buffered for retries.
 */
export function prepare(baseUrl: string | undefined, input: Request | string | URL, init?: RequestInit): Prepared | Promise<Prepared> {
  if (!(input instanceof Request) && (init === undefined || (init.body == null && !init.signal))) {
    const { method, headers, body: _b, signal: _s, ...passthrough } = init ?? {};
    const m = method ?? "GET";
    return {
      url: resolveUrl(baseUrl, input),
      method: NORMALIZED_METHODS.test(m) ? m.toUpperCase() : m,
      headers: new Headers(headers),
      body: undefined,
      passthrough,
      signal: undefined,
    };
  }
  // A Request built here from an init without a signal has one that never aborts: not carried, so
  // there is nothing to link (on Node 20 an AbortSignal.any of it and the caller's leaked per call).
  return prepareRequest(input instanceof Request ? (init ? new Request(input, init) : input) : new Request(resolveUrl(baseUrl, input), init), input instanceof Request || !!init?.signal);
}

function prepareRequest(req: Request, ownSignal: boolean): Prepared | Promise<Prepared> {
  const passthrough: Record<string, unknown> = {};
  // Only set fields: a "navigate" mode cannot be passed to a new Request, empty ones are defaults.
  for (const k of ["redirect", "credentials", "cache", "mode", "keepalive", "integrity", "referrerPolicy"] as const) {
    const v = req[k];
    if (v && v !== "navigate") passthrough[k] = v;
  }
  const prepared: Prepared = {
    url: req.url,
    method: req.method,
    headers: new Headers(req.headers),
    body: undefined,
    passthrough,
    signal: ownSignal ? req.signal : undefined,
  };
  // Only bodies need an await; GETs stay synchronous.
  if (req.body === null) return prepared;
  return req.arrayBuffer().then((body) => ((prepared.body = body), prepared));
}

/** Origin without a full URL parse, which is measurable on the hot path. */
export function originOf(url: string): string {
  return ORIGIN.exec(url)?.[0].toLowerCase() ?? url;
}

/**
 * Headers for the logical request: caller's, then call-level and runtime defaults, request id (when
 * it goes on the wire; see Context for the one errors and logs carry) and idempotency key. Computed
 * once so retries reuse the same ids.
 */
export function prepareHeaders(
  headers: Headers,
  call: CallOptions,
  defaults: Headers | undefined,
  requestIdHeader: string | false,
  idempotencyHeader: string,
): void {
  defaults?.forEach((v, k) => {
    if (!headers.has(k)) headers.set(k, v);
  });
  if (call.headers) new Headers(call.headers).forEach((v, k) => headers.set(k, v));
  // On the wire only when asked for (a caller's own is kept).
  if (requestIdHeader && !headers.has(requestIdHeader)) headers.set(requestIdHeader, randomId());
  if (call.idempotencyKey) headers.set(idempotencyHeader, call.idempotencyKey);
  else if (call.idempotencyHeader && !headers.has(idempotencyHeader)) headers.set(idempotencyHeader, randomId());
}

/** Init for one attempt; the buffered body is re-wrapped every time because a body is single-use. */
export function attemptInit(p: Prepared, signal: AbortSignal | undefined, onProgress: CallOptions["onUploadProgress"]): RequestInitWithDuplex {
  const init: RequestInitWithDuplex = { ...p.passthrough, method: p.method, headers: p.headers };
  if (signal) init.signal = signal;
  const body = p.body;
  if (body === undefined) return init;
  if (onProgress && supportsRequestStreams()) {
    init.body = trackUploadProgress(typeof body === "string" ? utf8(body) : (body as Blob), onProgress, undefined, signal);
    init.duplex = "half";
  } else {
    init.body = body;
  }
  return init;
}

/**
 * Maps whatever fetch (or reading the body) rejected with to the runtime's error classes. undici's
 * own headers/body timers report through `cause.code` when the runtime used them (see native-timeout).
 */
export function classifyFetchError(err: unknown, signal: LinkedSignal, requestId: string | undefined, timeoutMs: number): ApiError {
  const s = signal.signal;
  if (s?.aborted && s.reason instanceof ApiError) return s.reason;
  if (err instanceof ApiError) return err;
  const cause = (err as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const detail = cause?.code ?? cause?.message ?? String((err as Error | undefined)?.message ?? err);
  if (/^UND_ERR_(HEADERS|BODY)_TIMEOUT$/.test(detail)) {
    return timedOut("attempt", timeoutMs, requestId, err);
  }
  // What fetch decides by its own rules, not a network fault (undici's wording): a redirect loop,
  // a redirect where `redirect: "error"`, to a scheme or a port fetch will not use, response headers
  // past its size limit; and a TLS certificate it rejects (self-signed, expired, another host's:
  // OpenSSL's codes), or TLS spoken to a plain-HTTP port; a body that does not decompress (zlib's
  // and brotli's codes: a wrong Content-Encoding, an answer all the same). Every retry would end the
  // same, and a loop sends 21 requests each time.
  return /redirect|scheme|OVERFLOW|CERT|SIGN|SSL|^Z_|_ERROR_FORMAT_|^(bad port|blocked)$/.test(detail)
    ? new ConnectionError(`Fetch refused: ${detail}`, { cause: err, requestId, retryable: false } as ApiErrorInit)
    : new ConnectionError(`Connection failed: ${detail}`, { cause: err, requestId });
}

/** Reads under way in readWithin, each with its deadline and what cuts it. */
const reading = new Set<{ at: number; cut: () => void }>();
let ticker: ReturnType<typeof setInterval> | undefined;

/**
 * Reads a response's body whole by `deadline` (epoch ms), for attempts timed by undici's own timers (see
 * native-timeout): its body timer restarts with every chunk, so a body trickling in would never
 * time out. Past the deadline the read is cancelled, which closes the connection, and `late()` is
 * thrown. One shared ticker watches every read (a timer per read cost more than a loopback read of
 * a small body): these timeouts are 10 s and up, where undici's own timers are coarser.
 * Once as many bytes as its Content-Length arrived (and no Content-Encoding changes their number)
 * the body is whole by HTTP's framing: the read ends without waiting for the stream to say so,
 * which came a turn later and cost a call at concurrency 8 about 7 % of its time on loopback.
 */
export async function readWithin(res: Response, deadline: number, late: () => ApiError): Promise<ArrayBuffer> {
  const h = res.headers;
  const length = h.get("content-encoding") ? -1 : +(h.get("content-length") ?? -1);
  const reader = res.body!.getReader();
  const chunks: Uint8Array[] = [];
  let expired: unknown;
  const watch = { at: deadline, cut: () => void reader.cancel((expired = late())).catch(() => undefined) };
  reading.add(watch);
  ticker ??= setInterval(tick, 100);
  try {
    for (let n = 0, r; n !== length && !(r = await reader.read()).done; n += r.value.byteLength) chunks.push(r.value);
  } finally {
    reading.delete(watch);
  }
  if (expired) throw expired;
  // One chunk is the common case (a small body); copied, since it may be a view of a larger buffer.
  return chunks.length === 1 ? chunks[0]!.slice().buffer : new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer();
}

function tick(): void {
  const now = Date.now();
  for (const r of reading) if (r.at <= now) reading.delete(r), r.cut();
  // Stopped when idle, so it never keeps a process alive (nor ticks in one that does nothing).
  if (!reading.size) clearInterval(ticker), (ticker = undefined);
}

/** A readable copy of a response whose body was read; keeps `url` for callers resolving links. */
export function rebuild(response: Response, body: ArrayBuffer): Response {
  const copy = new Response([204, 205, 304].includes(response.status) ? null : body, response);
  // Response.url is read-only and empty on constructed responses.
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/**
 * Reads a response we may still hand back (e.g. a 503 we then decide not to retry) into memory, so
 * the connection is freed for reuse and the body stays readable for the caller.
 */
export async function bufferResponse(response: Response): Promise<Response> {
  return rebuild(response, await response.arrayBuffer().catch(() => new ArrayBuffer(0)));
}
