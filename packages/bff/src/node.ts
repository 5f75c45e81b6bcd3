import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Readable } from "node:stream";
import type { Bff } from "./bff.js";
import { DEFAULTS, type ServerConfig } from "./config.js";
import { errorResponse } from "./envelope.js";

/** Node request → fetch Request; aborting `signal` (the client went away) cancels the upstream call. */
export function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  // The Host header is the client's claim; only the path and query of the URL are used.
  const url = `http://localhost${req.url?.startsWith("/") ? req.url : "/"}`;
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

/** Writes a fetch Response to a node response, streaming the body with backpressure. */
export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) break;
      if (!res.write(value)) await Promise.race([once(res, "drain"), once(res, "close")]);
    }
  } finally {
    if (res.destroyed) await reader.cancel().catch(() => undefined);
    else res.end();
  }
}

/** A node:http request listener serving the BFF (usable with express, fastify's raw server, etc.). */
export function toNodeListener(bff: Pick<Bff, "fetch">): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    let request: Request;
    try {
      request = toRequest(req, controller.signal);
    } catch {
      // e.g. a method fetch refuses (CONNECT, TRACE): answer without involving the handler.
      void writeResponse(errorResponse(405, "Method not allowed", "-"), res);
      return;
    }
    bff
      .fetch(request, { ...(req.socket.remoteAddress ? { remoteAddress: req.socket.remoteAddress } : {}) })
      .then((response) => writeResponse(response, res))
      .catch(() => res.destroy());
  };
}

export interface RunningServer {
  /** `http://host:port`, the origin the BFF listens on. */
  url: string;
  server: Server;
  /** Stops accepting, closes idle and open connections, and waits for webhook handlers. */
  close(): Promise<void>;
}

/** Serves the BFF on node:http; options override `config.server` (default 127.0.0.1:8787). */
export async function serveNode(bff: Bff, options: ServerConfig = {}): Promise<RunningServer> {
  const port = options.port ?? bff.config.server?.port ?? DEFAULTS.port;
  const host = options.host ?? bff.config.server?.host ?? DEFAULTS.host;
  const server = createServer(toNodeListener(bff));
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    server,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Give in-flight requests a moment, then cut what is left (long-lived event streams).
      const timer = setTimeout(() => sockets.forEach((s) => s.destroy()), 2_000);
      await closed;
      clearTimeout(timer);
      await bff.idle();
    },
  };
}
