import { Buffer } from "node:buffer";

/**
 * One incoming call as the proxy needs it. The fetch handler builds it from a Request and the
 * node entry straight from IncomingMessage, which spares the hot path a Request (and its
 * AbortSignal) per call; user hooks that want a Request get one built on demand.
 */
export interface Incoming {
  method: string;
  /** Path and query as received (the host part is not trusted or used). */
  url: URL;
  headers: Headers;
  /** The body as received, or null for a body-less method. */
  body: AsyncIterable<Uint8Array> | null;
  /** Fires when the caller goes away, to cancel the upstream call. */
  signal: AbortSignal | undefined;
  remoteAddress: string | undefined;
  /** A Request of the call (method, URL, headers; no body) for user hooks; built on first use. */
  request(): Request;
}

/** What the proxy answers, before it becomes a fetch Response or a node response. */
export interface Reply {
  status: number;
  headers: Headers;
  /** Bytes when the whole body is known (most JSON answers), a stream otherwise (event streams). */
  body: Uint8Array | ReadableStream<Uint8Array> | null;
}

export function fromRequest(request: Request, remoteAddress: string | undefined): Incoming {
  return {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    body: request.body ? chunks(request.body) : null,
    signal: request.signal,
    remoteAddress,
    request: () => request,
  };
}

/** A stream's chunks as an async iterable; leaving early cancels the stream. */
async function* chunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const r = await reader.read();
      if ((done = r.done)) return;
      yield r.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

export function replyJson(status: number, value: unknown, headers: Record<string, string>): Reply {
  return { status, headers: new Headers({ "content-type": "application/json", ...headers }), body: Buffer.from(JSON.stringify(value)) };
}

export function toResponse(reply: Reply): Response {
  const nullBody = reply.status === 204 || reply.status === 205 || reply.status === 304;
  return new Response(nullBody ? null : (reply.body as BodyInit | null), { status: reply.status, headers: reply.headers });
}
