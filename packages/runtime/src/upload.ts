export interface UploadProgress {
  /** Bytes handed to the network so far. */
  loaded: number;
  /** Total body size in bytes. */
  total: number;
}

export type ProgressCallback = (progress: UploadProgress) => void;

/** Slice size for progress ticks: small enough for smooth bars, big enough to stay cheap. */
const CHUNK = 64 * 1024;

/**
 * Wraps a body in a pull-based stream that reports bytes as fetch consumes them. highWaterMark 0
 * means nothing is read ahead, so `loaded` tracks what the network actually took. Send it with
 * `duplex: "half"` (required by Node's fetch and Chromium for streamed bodies). Node's fetch keeps
 * pulling the stream after an abort, so the request's `signal` ends it: no tick after an abort.
 */
export function trackUploadProgress(
  body: Blob | ArrayBuffer | Uint8Array,
  onProgress: ProgressCallback,
  chunkSize = CHUNK,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  const total = body instanceof Blob ? body.size : body.byteLength;
  const bytes = body instanceof Blob ? undefined : body instanceof Uint8Array ? body : new Uint8Array(body);
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (offset >= total) return controller.close();
        const end = Math.min(total, offset + chunkSize);
        // Blobs are read slice by slice so a multi-GB file is never fully in memory.
        const chunk = bytes ? bytes.subarray(offset, end) : new Uint8Array(await (body as Blob).slice(offset, end).arrayBuffer());
        if (signal?.aborted) return controller.error(signal.reason);
        offset = end;
        controller.enqueue(chunk);
        onProgress({ loaded: offset, total });
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Encodes FormData to its multipart bytes plus the boundary-bearing content type. Progress for
 * FormData needs this: the total is only known once encoded, and streaming needs raw bytes.
 */
export async function encodeMultipart(form: FormData): Promise<{ body: Uint8Array; contentType: string }> {
  const r = new Response(form);
  const contentType = r.headers.get("content-type") ?? "multipart/form-data";
  return { body: new Uint8Array(await r.arrayBuffer()), contentType };
}

let streamSupport: boolean | undefined;

/**
 * Whether a ReadableStream request body reaches any server: Node 18+, Deno, Bun. Not in browsers:
 * Chromium sends one only over HTTP/2 or QUIC (to an HTTP/1.1 server, plain http:// included, the
 * request fails: ERR_ALPN_NEGOTIATION_FAILED), Firefox and Safari not at all. Where it is false, a
 * body with upload progress goes as is and progress is reported once the response arrived. Uses the
 * standard detection: a supporting engine reads `duplex` and does not stringify the stream into a text/plain body.
 */
export function supportsRequestStreams(): boolean {
  if (streamSupport === undefined) {
    let duplexRead = false;
    try {
      streamSupport = !new Request("http://localhost/", {
        body: new ReadableStream(),
        method: "POST",
        get duplex() {
          duplexRead = true;
          return "half";
        },
      } as RequestInit).headers.has("content-type");
    } catch {
      // Engines that reject a stream body outright.
    }
    // Chromium (pages and workers; Edge, Electron's renderer…) passes the detection: its user agent
    // always names Chrome, which Node's, Deno's and Bun's do not.
    streamSupport = duplexRead && !!streamSupport && !/Chrom/.test(globalThis.navigator?.userAgent);
  }
  return streamSupport;
}
