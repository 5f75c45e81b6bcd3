import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";

/** Header naming the case a request belongs to; stripped before the target sees it. */
export const CASE_HEADER = "x-contract-case";

/** Bodies are kept up to this size for the checks Prism does not make; the rest still streams through. */
const KEPT_BYTES = 1 << 20;
/** A kept compressed body is decoded up to this size; a larger one counts as truncated. */
const DECODED_BYTES = 16 << 20;

/** What the target really sent for one case, before Prism validated (and maybe replaced) it. */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as far as it arrived (at most KEPT_BYTES), decoded per its content-encoding. */
  body: Buffer;
  /** Only the start of the body was kept (or could be decoded): the body checks cannot judge it. */
  truncated?: boolean;
  /** Why the body could not be decoded per its content-encoding (body is then the raw bytes). */
  undecodable?: string;
}

/**
 * Decodes a whole kept body per its content-encoding (the client asks for gzip and deflate, and
 * Prism passes that on): the checks must see what the client would, not compressed bytes.
 */
function decode(recorded: Answer): void {
  const codings = String(recorded.headers["content-encoding"] ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== "identity");
  if (!codings.length || recorded.truncated || !recorded.body.length) return;
  const opts = { maxOutputLength: DECODED_BYTES };
  let body = recorded.body;
  try {
    for (const coding of codings.reverse()) {
      if (coding === "gzip" || coding === "x-gzip") body = gunzipSync(body, opts);
      else if (coding === "br") body = brotliDecompressSync(body, opts);
      else if (coding === "deflate") {
        // RFC 9110 says zlib-wrapped; some servers send raw deflate.
        try {
          body = inflateSync(body, opts);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw e;
          body = inflateRawSync(body, opts);
        }
      } else {
        recorded.undecodable = `content-encoding ${coding} is not one the checks can decode`;
        return;
      }
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") recorded.truncated = true;
    else recorded.undecodable = `body is not valid ${codings.join(", ")} (${(e as Error).message})`;
    return;
  }
  recorded.body = body;
}


export interface Recorder {
  /** Where Prism forwards to (the target's base path included). */
  url: string;
  answerOf(caseId: string): Answer | undefined;
  /** The status the target answered a case with (undefined: no answer). */
  statusOf(caseId: string): number | undefined;
  /** Why the exchange with the target failed for a case, if it did (no answer, cut off, timed out). */
  failureOf(caseId: string): string | undefined;
  close(): Promise<void>;
}

/**
 * A pass-through between Prism and the target. With `--errors` Prism answers a non-conforming
 * response with its own 500, so what the target actually sent is only visible here. It also
 * bounds each exchange by `timeoutMs`: a target that hangs or cuts a body off must fail its own
 * operation, not leave Prism and the client waiting until the whole run is given up.
 */
export async function startRecorder(target: string, timeoutMs = 30_000): Promise<Recorder> {
  const base = new URL(target);
  const send = base.protocol === "https:" ? httpsRequest : httpRequest;
  const answers = new Map<string, Answer>();
  const failures = new Map<string, string>();
  const seconds = `${timeoutMs / 1000} s`;
  const server = createServer((req, res) => {
    const caseId = String(req.headers[CASE_HEADER] ?? "");
    const headers: IncomingHttpHeaders = { ...req.headers, host: base.host };
    delete headers[CASE_HEADER];
    const fail = (why: string) => {
      if (caseId && !failures.has(caseId)) failures.set(caseId, why);
    };
    // An IPv6 host is bracketed in a URL ([::1]) but not in http.request's hostname.
    const hostname = base.hostname.replace(/^\[(.*)\]$/, "$1");
    const upstream = send({ protocol: base.protocol, hostname, port: base.port, method: req.method, path: req.url, headers }, (answer) => {
      const kept: Buffer[] = [];
      let size = 0;
      const recorded: Answer = { status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.alloc(0) };
      if (caseId) answers.set(caseId, recorded);
      answer.on("data", (chunk: Buffer) => {
        if (size < KEPT_BYTES) kept.push(chunk.subarray(0, KEPT_BYTES - size));
        size += chunk.length;
        if (size > KEPT_BYTES) recorded.truncated = true;
      });
      answer.on("end", () => {
        recorded.body = Buffer.concat(kept);
        decode(recorded);
      });
      answer.on("close", () => {
        clearTimeout(timer);
        if (answer.complete) return;
        recorded.body = Buffer.concat(kept);
        fail(`connection closed mid-body (after ${size} bytes)`);
        // Prism would otherwise wait for the rest of a body that never comes.
        res.destroy();
      });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    const timer = setTimeout(() => {
      fail(answers.has(caseId) ? `response body not complete within ${seconds}` : `no response within ${seconds}`);
      upstream.destroy();
      res.destroy();
    }, timeoutMs);
    upstream.on("error", (err) => {
      clearTimeout(timer);
      fail(answers.has(caseId) ? `connection closed mid-body (${err.message})` : `no response: ${err.message}`);
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" }).end(`target unreachable: ${err.message}`);
      else res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as { port: number };
  const basePath = base.pathname.replace(/\/$/, "");
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    answerOf: (id) => answers.get(id),
    statusOf: (id) => answers.get(id)?.status,
    failureOf: (id) => failures.get(id),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
