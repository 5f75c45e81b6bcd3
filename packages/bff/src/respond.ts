import {
  AbortError,
  ApiError,
  AuthenticationError,
  CircuitOpenError,
  ConnectionError,
  errorFromResponse,
  OAuthError,
  RateLimitError,
  SessionExpiredError,
  TimeoutError,
} from "@specforge/runtime";
import { keepApiError } from "./api-formats.js";
import { mediaTypeOf, selectMediaType } from "./body.js";
import { errorReply } from "./envelope.js";
import type { Reply } from "./exchange.js";
import type { SecretSet } from "./secrets.js";
import type { ZodLike } from "./validate.js";

/** Response headers of the API the browser may see; everything else (cookies, auth challenges, server internals) stays. */
const PASS_HEADERS = [
  "content-type",
  "content-language",
  "content-disposition",
  "cache-control",
  "etag",
  "last-modified",
  "expires",
  "location",
  "link",
  "retry-after",
  "idempotent-replayed",
  "x-cache",
  "x-request-id",
];

export interface RespondContext {
  requestId: string;
  secrets: SecretSet;
  /** Upstream base URL and the proxy's mount path, to point Location/Link at the proxy. */
  upstreamBase: string;
  basePath: string;
  /** The operation's documented responses (`operations[id].responses`: status → media type → schema). */
  responses?: Record<string, Record<string, ZodLike>>;
  /** Epoch ms by which a body read whole here must have arrived (the upstream's total timeout). Default: none. */
  deadline?: number;
  /** Called when a body already on its way to the browser fails part way (the API reset, a bad gzip). */
  onBodyError?: (err: unknown) => void;
}

/** Rewrites an absolute or root-relative URL into the API to the same resource under the proxy. */
function rewriteUrl(value: string, ctx: RespondContext): string {
  const base = ctx.upstreamBase.replace(/\/+$/, "");
  const basePathname = new URL(base).pathname.replace(/\/+$/, "");
  if (value.startsWith(`${base}/`) || value === base) return ctx.basePath + value.slice(base.length);
  if (basePathname && value.startsWith(`${basePathname}/`)) return ctx.basePath + value.slice(basePathname.length);
  return value;
}

function copyHeaders(from: Headers, ctx: RespondContext): Headers {
  const out = new Headers();
  for (const name of PASS_HEADERS) {
    const v = from.get(name);
    if (v === null) continue;
    let value = v;
    if (name === "location") value = rewriteUrl(v, ctx);
    else if (name === "link") value = v.replace(/<([^>]*)>/g, (_, url: string) => `<${rewriteUrl(url, ctx)}>`);
    out.set(name, ctx.secrets.redact(value));
  }
  if (!out.has("x-request-id")) out.set("x-request-id", ctx.requestId);
  return out;
}

/** Bodies up to this size (declared, or found while reading one of unknown length) are read whole and scrubbed in one pass. */
const BUFFER_LIMIT = 1024 * 1024;
/** What is read of an error body: enough for any envelope; a larger one is not passed on anyway. */
const ERROR_LIMIT = 64 * 1024;

interface Head {
  chunks: Uint8Array[];
  size: number;
  /** The body ended within the limit. */
  done: boolean;
}

/**
 * Reads a body up to a little past `max` bytes (decoded: a compressed body's Content-Length says
 * nothing of its size here) by `deadline`: undefined past it, the body cancelled then, since an API
 * trickling bytes would otherwise hold the request for undici's 300 s idle limit, or for ever.
 */
async function readUpTo(reader: ReadableStreamDefaultReader<Uint8Array>, max: number, deadline = Infinity): Promise<Head | undefined> {
  let late = false;
  const timer = deadline < Infinity ? setTimeout(() => ((late = true), reader.cancel().catch(() => undefined)), Math.max(0, deadline - Date.now())) : undefined;
  const head: Head = { chunks: [], size: 0, done: false };
  try {
    while (head.size <= max) {
      const { done, value } = await reader.read();
      if (done) return late ? undefined : ((head.done = true), head);
      head.chunks.push(value);
      head.size += value.byteLength;
    }
    return head;
  } catch (e) {
    if (late) return undefined;
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

function concat(head: Head): Uint8Array {
  const out = new Uint8Array(head.size);
  let at = 0;
  for (const c of head.chunks) out.set(c, at), (at += c.byteLength);
  return out;
}

/**
 * The chunks already read, then the rest of the body. A failure of the body (the API resets part
 * way) errors this stream, so the browser's connection is cut rather than ended as if complete,
 * and is reported to `onError`.
 */
function resume(chunks: Uint8Array[], reader: ReadableStreamDefaultReader<Uint8Array>, onError?: (err: unknown) => void): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = chunks.shift();
      if (next) return controller.enqueue(next);
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (e) {
        onError?.(e);
        throw e;
      }
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/**
 * A body read here that failed (the API reset part way, a short Content-Length, a bad gzip) as the
 * runtime's ConnectionError: the API failed, a 502 like a reset before the headers.
 */
function brokenBody(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const detail = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
  return new ConnectionError(`The API's answer broke off: ${detail}`, { cause: err });
}

const tooSlow = (ctx: RespondContext): Reply => errorReply(504, "The API did not answer in time", ctx.requestId);

/**
 * A 2xx/3xx answer of the API for the browser: filtered headers, scrubbed body. An answer of
 * modest size (declared, or found so by reading one without Content-Length) is read whole by the
 * deadline (one pass, no stream plumbing per request); an event stream or a large body is
 * streamed through, chunk by chunk.
 */
export async function passThrough(upstream: Response, ctx: RespondContext): Promise<Reply> {
  const headers = copyHeaders(upstream.headers, ctx);
  if (upstream.status === 204 || upstream.status === 205 || upstream.status === 304 || !upstream.body) {
    await upstream.body?.cancel().catch(() => undefined);
    return { status: upstream.status, headers, body: null };
  }
  const length = upstream.headers.get("content-length");
  const stream = /^text\/event-stream/i.test(upstream.headers.get("content-type") ?? "");
  // A body of unknown length (chunked) is read under the deadline too, up to the limit: an API
  // trickling an open-ended JSON answer would otherwise hold the browser for ever.
  if (!stream && (length === null || Number(length) <= BUFFER_LIMIT)) {
    const reader = upstream.body.getReader();
    let head: Head | undefined;
    try {
      head = await readUpTo(reader, BUFFER_LIMIT, ctx.deadline);
    } catch (e) {
      throw brokenBody(e);
    }
    if (!head) return tooSlow(ctx);
    if (head.done) return { status: upstream.status, headers, body: ctx.secrets.bytes(concat(head)) };
    // Past the limit (once decoded: a compressed body; or of unknown length): the rest streams through, as a large body does.
    return { status: upstream.status, headers, body: ctx.secrets.stream(resume(head.chunks, reader, ctx.onBodyError)) };
  }
  return { status: upstream.status, headers, body: ctx.secrets.stream(resume([], upstream.body.getReader(), ctx.onBodyError)) };
}

/** An error body as text (its first ERROR_LIMIT bytes), undefined past the deadline. */
async function readText(response: Response, deadline?: number): Promise<{ text: string; value: unknown } | undefined> {
  let text = "";
  if (response.body) {
    const reader = response.body.getReader();
    const head = await readUpTo(reader, ERROR_LIMIT, deadline).catch(() => ({ chunks: [], size: 0, done: true }));
    if (!head) return undefined;
    if (!head.done) await reader.cancel().catch(() => undefined);
    text = new TextDecoder().decode(concat(head));
  }
  try {
    return { text, value: text ? JSON.parse(text) : undefined };
  } catch {
    return { text, value: text };
  }
}

/** Whether the spec documents this error body for the operation: its status's (or range's, or default) schema for the media type accepts it. */
function documented(responses: RespondContext["responses"], status: number, contentType: string | null, value: unknown): boolean {
  const content = responses?.[String(status)] ?? responses?.[`${String(status)[0]}XX`] ?? responses?.default;
  const media = content && selectMediaType(mediaTypeOf(contentType), Object.keys(content));
  return media !== undefined && content![media]!.safeParse(value).success;
}

/**
 * An error answer of the API (after the runtime's retries). What it keeps is the API format's
 * call (`keepApiError`): the Platform API's envelope keeps its code, message and details; a body
 * the spec documents may pass as it is; anything else (a proxy's HTML page, an empty 502) gets the
 * status's code and a generic message, never the raw body. A 401 means the proxy's own
 * credentials were refused: the browser cannot fix that, so it is a 502.
 */
export async function normalizeError(upstream: Response, ctx: RespondContext, log: (err: ApiError) => void): Promise<Reply> {
  const read = await readText(upstream, ctx.deadline);
  if (!read) return tooSlow(ctx);
  const { text, value } = read;
  const err = errorFromResponse(upstream, value);
  log(err);
  const status = upstream.status;
  const kept = keepApiError({ body: value, documented: () => documented(ctx.responses, status, upstream.headers.get("content-type"), value) });
  const parts = kept.keep === "parts" ? kept : undefined;
  const requestId = ctx.secrets.redact(upstream.headers.get("x-request-id") ?? parts?.requestId ?? ctx.requestId);
  const headers: Record<string, string> = {};
  const retryAfter = upstream.headers.get("retry-after")?.trim();
  // Passed on only in one of its two forms (seconds, an HTTP date), and scrubbed like every header:
  // anything else an API writes there (an echo of the request, the proxy's key) stays here.
  if (retryAfter && /^(\d+|[\w ,:-]+ GMT)$/.test(retryAfter)) headers["retry-after"] = ctx.secrets.redact(retryAfter);
  else if (err instanceof RateLimitError && err.retryAfterMs !== undefined) headers["retry-after"] = String(Math.ceil(err.retryAfterMs / 1000));
  if (err instanceof AuthenticationError) {
    return errorReply(502, "The API refused the proxy's credentials", requestId, { code: "INTERNAL_ERROR" });
  }
  if (kept.keep === "body") {
    const out = copyHeaders(upstream.headers, ctx);
    for (const [k, v] of Object.entries({ ...headers, "cache-control": "no-store" })) out.set(k, v);
    return { status, headers: out, body: ctx.secrets.bytes(new TextEncoder().encode(text)) };
  }
  const message = parts ? ctx.secrets.redact(parts.message) : status >= 500 ? "The API failed to answer" : `The API answered ${status}`;
  const details = parts?.details?.map((d) => ({ field: ctx.secrets.redact(d.field), message: ctx.secrets.redact(d.message) }));
  return errorReply(status, message, requestId, { headers, ...(parts ? { code: parts.code } : {}), ...(details ? { details } : {}) });
}

/** What the runtime threw (no response from the API at all), as an error reply. */
export function thrownError(err: unknown, requestId: string, now: number): Reply {
  if (err instanceof CircuitOpenError) {
    const wait = Math.max(1, Math.ceil((err.retryAt - now) / 1000));
    return errorReply(503, "The API is unavailable; requests are paused", requestId, { headers: { "retry-after": String(wait) } });
  }
  if (err instanceof TimeoutError) return errorReply(504, "The API did not answer in time", requestId);
  if (err instanceof ConnectionError) return errorReply(502, "The API could not be reached", requestId, { code: "SERVICE_UNAVAILABLE" });
  if (err instanceof SessionExpiredError || err instanceof OAuthError) return errorReply(502, "The proxy could not authenticate to the API", requestId, { code: "INTERNAL_ERROR" });
  // The browser went away; nobody reads this answer, but the log line records it.
  if (err instanceof AbortError) return errorReply(499, "Request aborted by the client", requestId, { code: "BAD_REQUEST" });
  return errorReply(500, "Internal error", requestId);
}
