import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntime } from "../src/index.js";

// The guides' "connection pooling" (a requests.Session with a pool): platform fetch keeps
// connections alive, and the runtime must not defeat that (e.g. by leaving bodies unread).
let connections = 0;
const server = createServer((req, res) => {
  res.writeHead(req.url === "/fail" ? 503 : 200, { "content-type": "application/json" });
  res.end(JSON.stringify({ ok: req.url !== "/fail" }));
});
server.on("connection", () => connections++);
let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("connection reuse (keep-alive pooling)", () => {
  it("once the pool is warm, 30 sequential requests through the runtime, retried 503s included, open no new connection", async () => {
    const runtime = createRuntime({ baseUrl, retry: { maxRetries: 1, initialDelayMs: 1 } });
    // undici may open a second socket on its very first requests; steady state is what matters.
    for (let i = 0; i < 3; i++) await (await runtime.fetch("/ok")).json();
    const warm = connections;
    for (let i = 0; i < 30; i++) {
      const res = await runtime.fetch(i % 10 === 9 ? "/fail" : "/ok");
      await res.json();
    }
    expect(warm).toBeGreaterThan(0);
    expect(connections).toBe(warm);
  });
});
