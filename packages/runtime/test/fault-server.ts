/**
 * A real node:http server on 127.0.0.1 that misbehaves on command, for behaviour tests and benches.
 * Faults are either planned per path (`plan("/x", {status: 503}, {reset: true})`, consumed one per
 * request in order) or random with a seeded PRNG (`randomFaults`) so runs are reproducible.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { handleRoute, type ServerState } from "./fault-routes.js";

export interface Fault {
  /** Respond with this status (and a JSON error envelope unless `body` is given). */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait before doing anything else (responding or resetting). */
  delayMs?: number;
  /** Destroy the socket without a response (ECONNRESET / "other side closed" for the client). */
  reset?: boolean;
  /** Let the route run (apply side effects) but destroy the socket instead of sending its response. */
  applyThenReset?: boolean;
  /** Let the route run, send its status and headers and half its body, then destroy the socket. */
  dropBody?: boolean;
  /** Let the route run, send its headers and half its body, then wait this long before the rest. */
  stallBodyMs?: number;
  /** Let the route run, then answer 200 with a JSON content type and a body that is not JSON. */
  invalidJson?: boolean;
  /** Let the route run, send its headers, then its body one byte every this many ms (a slow drip: never silent for long). */
  trickleBodyMs?: number;
  /** Let the route run, then send its body as gzip-encoded while it is not gzip (a wrong Content-Encoding). */
  badEncoding?: boolean;
}

/** What a route answered, captured instead of sent so a fault can mangle it. */
interface Captured {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface RandomFaultOptions {
  /** Probability a request gets a fault. */
  rate: number;
  seed: number;
  /** Only paths matching get faults. Default: all. */
  match?: RegExp;
  /** Also inject body-phase faults (dropped and stalled bodies, invalid JSON). Default: false. */
  bodyFaults?: { stallMs: number };
}

/** mulberry32: tiny deterministic PRNG so a seed reproduces a soak run exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function freshState(): ServerState {
  return {
    counts: new Map(),
    applied: new Map(),
    idempotency: new Map(),
    tokens: new Map(),
    refreshTokens: new Set(),
    refreshCalls: 0,
    refreshDelayMs: 0,
    failRefresh: false,
    rejectTokens: false,
    tokenTtlMs: 60_000,
    tokenCalls: 0,
    codes: new Map(),
    etagVersion: 1,
    etag200: 0,
    etag304: 0,
    sseDropped: new Set(),
    jobs: new Map(),
    rateWindow: { limit: 5, remaining: 5, resetAt: 0 },
    webhookLog: [],
  };
}

export class FaultServer {
  // A client that aborts mid-upload makes reading the request fail: that request is just gone.
  readonly server = createServer((req, res) => void this.handle(req, res).catch(() => req.socket.destroy()));
  private readonly sockets = new Set<Socket>();
  private readonly plans = new Map<string, Fault[]>();
  private random: { next: () => number; rate: number; match?: RegExp; bodyFaults?: { stallMs: number } } | undefined;
  /** Faults injected, by kind (for soak reports). */
  readonly injected = new Map<string, number>();
  /** Sees every request with the fault it gets, e.g. to count attempts per request id. Default: none. */
  listener: ((req: IncomingMessage, fault: Fault | undefined) => void) | undefined;
  state: ServerState = freshState();
  /** Last requests, newest last (capped so soak runs stay small). */
  readonly requests: RecordedRequest[] = [];
  url = "";
  faultsInjected = 0;

  async start(): Promise<this> {
    this.server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    // Keep-alive must outlive the client's idle pool or we get spurious resets between tests.
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Queues faults for a pathname, consumed one per request in order. */
  plan(path: string, ...faults: Fault[]): this {
    this.plans.set(path, [...(this.plans.get(path) ?? []), ...faults]);
    return this;
  }

  randomFaults(options: RandomFaultOptions | undefined): this {
    this.random = options && { next: seeded(options.seed), rate: options.rate, match: options.match, bodyFaults: options.bodyFaults };
    return this;
  }

  /** Requests served so far for a pathname, or for a pathname + query when one is given. */
  count(path: string): number {
    return this.state.counts.get(path) ?? 0;
  }

  reset(): void {
    this.plans.clear();
    this.random = undefined;
    this.state = freshState();
    this.requests.length = 0;
    this.faultsInjected = 0;
    this.injected.clear();
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private nextFault(path: string, method: string): Fault | undefined {
    const queue = this.plans.get(path);
    if (queue && queue.length > 0) return queue.shift();
    const r = this.random;
    if (!r || (r.match && !r.match.test(path)) || r.next() >= r.rate) return undefined;
    const kinds: Fault[] = [
      { status: 503 },
      { status: 500 },
      { status: 429, headers: { "retry-after-ms": "2" } },
      { status: 408 },
      { reset: true },
      { delayMs: 2, reset: true },
      method === "POST" ? { applyThenReset: true } : { status: 502 },
    ];
    if (r.bodyFaults) kinds.push({ dropBody: true }, { dropBody: true }, { stallBodyMs: r.bodyFaults.stallMs }, { invalidJson: true });
    return kinds[Math.floor(r.next() * kinds.length)];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    this.state.counts.set(path, (this.state.counts.get(path) ?? 0) + 1);
    // Also by path + query, so a test can count only its own requests: a slow request that an
    // earlier test abandoned may still arrive after the reset between tests.
    if (url.search) this.state.counts.set(path + url.search, (this.state.counts.get(path + url.search) ?? 0) + 1);
    if (this.requests.length > 500) this.requests.splice(0, 250);
    this.requests.push({ method: req.method ?? "GET", path, headers: { ...req.headers } });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);

    const fault = this.nextFault(path, req.method ?? "GET");
    this.listener?.(req, fault);
    if (fault) {
      this.faultsInjected++;
      const kind = Object.keys(fault).filter((k) => k !== "delayMs" && k !== "headers").join("+") || "delay";
      this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
    }
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.reset) {
      req.socket.destroy();
      return;
    }
    if (fault?.status !== undefined) {
      const payload = fault.body ?? { error: { code: `HTTP_${fault.status}`, message: "injected fault" }, request_id: "srv-fault" };
      res.writeHead(fault.status, { "content-type": "application/json", "x-request-id": "srv-fault", ...fault.headers });
      res.end(typeof payload === "string" ? payload : JSON.stringify(payload));
      return;
    }
    if (fault?.applyThenReset) {
      // Run the route against a sink so its side effects happen, then drop the connection.
      await handleRoute(this.state, req, url, body, null);
      req.socket.destroy();
      return;
    }
    if (fault?.dropBody || fault?.stallBodyMs || fault?.invalidJson || fault?.trickleBodyMs || fault?.badEncoding) return this.mangle(fault, await this.capture(req, url, body), req, res);
    await handleRoute(this.state, req, url, body, res);
  }

  /** Runs a route against a recorder: side effects happen, nothing is sent yet. */
  private async capture(req: IncomingMessage, url: URL, body: Buffer): Promise<Captured> {
    const out: Captured = { status: 200, headers: {}, body: Buffer.alloc(0) };
    const sink = {
      writeHead(status: number, headers: Record<string, string> = {}) {
        out.status = status;
        out.headers = headers;
      },
      write(chunk: string | Buffer) {
        out.body = Buffer.concat([out.body, Buffer.from(chunk)]);
      },
      end(chunk?: string | Buffer) {
        if (chunk !== undefined) this.write(chunk);
      },
    };
    await handleRoute(this.state, req, url, body, sink as unknown as ServerResponse);
    return out;
  }

  /** Sends a captured answer broken in the body phase: after the headers, so fetch has already resolved. */
  private async mangle(fault: Fault, answer: Captured, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (fault.invalidJson) {
      const html = "<html><body>502 Bad Gateway</body></html>";
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(html)) });
      res.end(html);
      return;
    }
    if (fault.badEncoding) {
      res.writeHead(answer.status, { ...answer.headers, "content-encoding": "gzip", "content-length": String(answer.body.length) });
      res.end(answer.body);
      return;
    }
    if (fault.trickleBodyMs) {
      res.writeHead(answer.status, { ...answer.headers, "content-length": String(answer.body.length) });
      for (let i = 0; i < answer.body.length && !res.destroyed; i++) {
        res.write(answer.body.subarray(i, i + 1));
        await new Promise((r) => setTimeout(r, fault.trickleBodyMs));
      }
      if (!res.destroyed) res.end();
      return;
    }
    // Padding makes even a short body long enough to cut in the middle.
    const full = answer.body.length >= 16 ? answer.body : Buffer.concat([answer.body, Buffer.from(" ".repeat(16))]);
    res.writeHead(answer.status, { ...answer.headers, "content-length": String(full.length) });
    res.write(full.subarray(0, full.length >> 1));
    if (fault.dropBody) {
      // Let the headers and the first half reach the client before the connection dies.
      await new Promise((r) => setTimeout(r, 5));
      req.socket.destroy();
      return;
    }
    await new Promise((r) => setTimeout(r, fault.stallBodyMs));
    if (!res.destroyed) res.end(full.subarray(full.length >> 1));
  }
}

export async function startFaultServer(): Promise<FaultServer> {
  return new FaultServer().start();
}
