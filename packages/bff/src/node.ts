import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Bff } from "./bff.js";
import { DEFAULTS, type ServerConfig } from "./config.js";
import type { Incoming, Reply } from "./exchange.js";

/** A node request as the proxy's Incoming: no fetch Request is built unless a user hook asks for one. */
export function fromNode(req: IncomingMessage, signal: AbortSignal): Incoming {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? "GET";
  // The Host header is the client's claim; only the path and query of the URL are used.
  const url = new URL(`http://localhost${req.url?.startsWith("/") ? req.url : "/"}`);
  const hasBody = method !== "GET" && method !== "HEAD";
  if (!hasBody) req.resume();
  let request: Request | undefined;
  return {
    method,
    url,
    headers,
    body: hasBody ? req : null,
    signal,
    remoteAddress: req.socket.remoteAddress,
    request: () => (request ??= new Request(url, { method, headers, signal })),
  };
}

/** Writes a reply to a node response: known bytes in one write, streams chunk by chunk with backpressure. */
export async function writeReply(reply: Reply, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  reply.headers.forEach((v, k) => (headers[k] = v));
  const cookies = reply.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  const body = reply.body;
  if (body instanceof Uint8Array) headers["content-length"] = String(body.byteLength);
  res.writeHead(reply.status, headers);
  if (body === null || body instanceof Uint8Array) {
    res.end(body ?? undefined);
    return;
  }
  const reader = body.getReader();
  let failed = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await drained(res);
    }
  } catch {
    failed = true;
  } finally {
    // The body failed part way (the API reset): cut the connection, no terminating chunk, so the
    // browser sees a network error instead of a truncated body as a complete answer.
    if (failed) res.destroy();
    // The browser went away mid-stream: cancelling the reader cancels the upstream body too.
    else if (res.destroyed) await reader.cancel().catch(() => undefined);
    else res.end();
  }
}

/**
 * Waits for the socket to take more, or to close. Its listeners go with it: `once()` raced twice
 * per wait left one behind every time, and a long stream to a slow browser piled them up.
 */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/** A node:http request listener serving the BFF (usable with express, fastify's raw server, etc.). */
export function toNodeListener(bff: Pick<Bff, "handle">): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    bff
      .handle(fromNode(req, controller.signal))
      .then((reply) => writeReply(reply, res))
      .catch(() => res.destroy());
  };
}

export interface RunningServer {
  /** `http://host:port`, the origin the BFF listens on. */
  url: string;
  server: Server;
  /** Stops accepting, closes idle and open connections, waits for webhook handlers, closes Redis. */
  close(): Promise<void>;
}

/**
 * Serves the BFF on node:http; options override `config.server` (default 127.0.0.1:8787). Listens
 * once Redis (if configured) is connected or its connect timeout passed, so the first requests
 * do not meet the failure policy only because the connection was still being made.
 */
export async function serveNode(bff: Bff, options: ServerConfig = {}): Promise<RunningServer> {
  await bff.ready();
  const port = options.port ?? bff.config.server?.port ?? DEFAULTS.port;
  const host = options.host ?? bff.config.server?.host ?? DEFAULTS.host;
  // A client has this long to send its headers, and its whole request: one trickling a byte at a
  // time (slowloris) would otherwise hold a connection for Node's 300 s. Timeouts are checked every
  // 2 s (Node's default interval is 30 s). Past `maxConnections`, new connections are refused.
  const requestTimeout = options.requestTimeoutMs ?? bff.config.server?.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  // Node refuses a headers timeout longer than the request timeout.
  const headersTimeout = Math.min(options.headersTimeoutMs ?? bff.config.server?.headersTimeoutMs ?? DEFAULTS.headersTimeoutMs, requestTimeout || Infinity);
  const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval: 2_000 }, toNodeListener(bff));
  server.maxConnections = options.maxConnections ?? bff.config.server?.maxConnections ?? DEFAULTS.maxConnections;
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
      await bff.close();
    },
  };
}
