import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";

/** Header naming the case a request belongs to; stripped before the target sees it. */
export const CASE_HEADER = "x-contract-case";

export interface Recorder {
  /** Where Prism forwards to (the target's base path included). */
  url: string;
  /** The status the target answered a case with, before Prism replaced it with its own error. */
  statusOf(caseId: string): number | undefined;
  /** Why the target could not be reached for a case, if it could not. */
  failureOf(caseId: string): string | undefined;
  close(): Promise<void>;
}

/**
 * A pass-through between Prism and the target. With `--errors` Prism answers a non-conforming
 * response with its own 500, so the status the target actually sent is only visible here.
 */
export async function startRecorder(target: string): Promise<Recorder> {
  const base = new URL(target);
  const send = base.protocol === "https:" ? httpsRequest : httpRequest;
  const statuses = new Map<string, number>();
  const failures = new Map<string, string>();
  const server = createServer((req, res) => {
    const caseId = String(req.headers[CASE_HEADER] ?? "");
    const headers: IncomingHttpHeaders = { ...req.headers, host: base.host };
    delete headers[CASE_HEADER];
    const upstream = send(
      { protocol: base.protocol, hostname: base.hostname, port: base.port, method: req.method, path: req.url, headers },
      (answer) => {
        if (caseId) statuses.set(caseId, answer.statusCode ?? 0);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", (err) => {
      if (caseId) failures.set(caseId, err.message);
      res.writeHead(502, { "content-type": "text/plain" }).end(`target unreachable: ${err.message}`);
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
    statusOf: (id) => statuses.get(id),
    failureOf: (id) => failures.get(id),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
