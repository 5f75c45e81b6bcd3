import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectionError, createRuntime, type RuntimeOptions } from "../src/index.js";
import { testClock, useFaultServer } from "./helpers.js";

const ctx = useFaultServer();

function runtime(extra: RuntimeOptions = {}) {
  const clock = testClock();
  return { clock, rt: createRuntime({ baseUrl: ctx.url, clock, ...extra }) };
}

const retryCounts = () => ctx.server.requests.map((r) => r.headers["x-retry-count"]);

describe("retries", () => {
  it("retries 503 and connection resets, then succeeds", async () => {
    const { rt, clock } = runtime();
    ctx.server.plan("/echo", { status: 503 }, { reset: true });
    const res = await rt.fetch("/echo");
    expect(res.status).toBe(200);
    expect(ctx.server.count("/echo")).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
    // Default equal jitter from 500 ms: first wait in [250, 500], second in [500, 1000].
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(250);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(500);
    expect(clock.sleeps[1]).toBeGreaterThanOrEqual(500);
    expect(clock.sleeps[1]).toBeLessThanOrEqual(1000);
  });

  it("sends no retry counter by default, and X-Retry-Count on retries when asked (absent on the first attempt)", async () => {
    ctx.server.plan("/echo", { status: 500 });
    await runtime().rt.fetch("/echo");
    expect(retryCounts()).toEqual([undefined, undefined]);
    ctx.server.requests.length = 0;
    ctx.server.plan("/echo", { status: 500 }, { status: 408 });
    await runtime({ retry: { retryCountHeader: "X-Retry-Count" } }).rt.fetch("/echo");
    expect(retryCounts()).toEqual([undefined, "1", "2"]);
  });

  it("uses a configurable retry-count header name, or none", async () => {
    ctx.server.plan("/echo", { status: 503 });
    await runtime({ retry: { retryCountHeader: "X-Attempt" } }).rt.fetch("/echo");
    expect(ctx.server.requests.map((r) => r.headers["x-attempt"])).toEqual([undefined, "1"]);
    await runtime({ retry: { retryCountHeader: false } }).rt.fetch("/echo");
    expect(ctx.server.requests.map((r) => r.headers["x-attempt"] ?? r.headers["x-retry-count"])).toEqual([undefined, "1", undefined]);
    expect(ctx.server.count("/echo")).toBe(3);
  });

  it("defaults to 2 retries and then returns the last HTTP error response without throwing", async () => {
    const { rt } = runtime();
    ctx.server.plan("/echo", { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const res = await rt.fetch("/echo");
    expect(res.status).toBe(503);
    // The body stays readable although the runtime buffered it while deciding.
    expect(await res.json()).toMatchObject({ error: { code: "HTTP_503" } });
    expect(ctx.server.count("/echo")).toBe(3);
  });

  it("honours client-level and per-call retry counts", async () => {
    const { rt } = runtime({ retry: { maxRetries: 4 } });
    ctx.server.plan("/echo", ...Array.from({ length: 10 }, () => ({ status: 502 })));
    expect((await rt.fetch("/echo")).status).toBe(502);
    expect(ctx.server.count("/echo")).toBe(5);
    expect((await rt.withCall({ retries: 0 })("/echo")).status).toBe(502);
    expect(ctx.server.count("/echo")).toBe(6);
    expect((await rt.withCall({ retries: 1 })("/echo")).status).toBe(502);
    expect(ctx.server.count("/echo")).toBe(8);
  });

  it("does not retry other 4xx", async () => {
    const { rt } = runtime();
    expect((await rt.fetch("/status/404")).status).toBe(404);
    expect((await rt.fetch("/status/400")).status).toBe(400);
    expect(ctx.server.count("/status/404") + ctx.server.count("/status/400")).toBe(2);
  });

  it("honours Retry-After seconds, HTTP dates and retry-after-ms", async () => {
    const { rt, clock } = runtime();
    const date = new Date(Date.now() + 4000).toUTCString();
    ctx.server.plan(
      "/echo",
      { status: 429, headers: { "retry-after": "2" } },
      { status: 503, headers: { "retry-after": date } },
    );
    expect((await rt.fetch("/echo")).status).toBe(200);
    expect(clock.sleeps[0]).toBe(2000);
    expect(clock.sleeps[1]).toBeGreaterThan(2000);
    expect(clock.sleeps[1]).toBeLessThanOrEqual(4000);
    ctx.server.plan("/echo", { status: 429, headers: { "retry-after-ms": "123", "retry-after": "9" } });
    await rt.fetch("/echo");
    expect(clock.sleeps[2]).toBe(123);
  });

  it("honours X-RateLimit-Reset on a 429 without Retry-After", async () => {
    const { rt, clock } = runtime();
    ctx.server.plan("/echo", { status: 429, headers: { "x-ratelimit-reset": "3", "x-ratelimit-remaining": "0" } });
    expect((await rt.fetch("/echo")).status).toBe(200);
    expect(clock.sleeps).toEqual([3000]);
  });

  it("treats a 403 that says how long to wait as a rate limit (GitHub's primary and secondary limits); a plain 403 is not retried", async () => {
    const { rt, clock } = runtime();
    const reset = String(Math.floor(Date.now() / 1000) + 3);
    ctx.server.plan(
      "/echo",
      { status: 403, headers: { "retry-after": "1" } },
      { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset } },
    );
    expect((await rt.fetch("/echo")).status).toBe(200);
    expect(clock.sleeps[0]).toBe(1000);
    expect(clock.sleeps[1]).toBeGreaterThan(1000);
    expect(clock.sleeps[1]).toBeLessThanOrEqual(3000);
    expect((await rt.fetch("/status/403")).status).toBe(403);
    expect(ctx.server.count("/status/403")).toBe(1);
    // A quota spent with a reset far away: no retry, the 403 comes back (a RateLimitError from the operation methods).
    ctx.server.plan("/echo", { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600) } });
    expect((await rt.fetch("/echo")).status).toBe(403);
    expect(clock.sleeps).toHaveLength(2);
  });

  it("hands a retry predicate the response, to read its headers", async () => {
    const seen: string[] = [];
    const { rt } = runtime({ retry: { retryOnStatus: (status, res) => (seen.push(`${status} ${res.headers.get("x-should-retry")}`), res.headers.get("x-should-retry") === "true") } });
    ctx.server.plan("/echo", { status: 409, headers: { "x-should-retry": "true" } }, { status: 409, headers: { "x-should-retry": "false" } });
    expect((await rt.fetch("/echo")).status).toBe(409);
    expect(seen).toEqual(["409 true", "409 false"]);
  });

  it("returns the response instead of waiting longer than maxRetryAfterMs", async () => {
    const { rt, clock } = runtime({ retry: { maxRetryAfterMs: 1000 } });
    ctx.server.plan("/echo", { status: 429, headers: { "retry-after": "120" } });
    const res = await rt.fetch("/echo");
    expect(res.status).toBe(429);
    expect(clock.sleeps).toEqual([]);
  });

  it("throws ConnectionError with a cause once retries are exhausted on network failures", async () => {
    const { rt } = runtime({ retry: { maxRetries: 1 } });
    ctx.server.plan("/echo", { reset: true }, { reset: true });
    const err = await rt.fetch("/echo").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).cause).toBeDefined();
    expect((err as ConnectionError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ctx.server.count("/echo")).toBe(2);
  });

  it("does not retry what fetch refuses by its own rules: a redirect loop, a redirect with redirect: \"error\", a blocked port, oversized headers", async () => {
    const { rt, clock } = runtime({ circuitBreaker: { failureThreshold: 1 } });
    // fetch follows 20 redirects, then fails; retrying would send 21 more per attempt for the same end.
    ctx.server.plan("/echo", ...Array.from({ length: 30 }, () => ({ status: 302, headers: { location: "/echo" } })));
    const loop = await rt.fetch("/echo").catch((e: unknown) => e);
    expect(loop).toBeInstanceOf(ConnectionError);
    expect(loop).toMatchObject({ message: "Fetch refused: redirect count exceeded", retryable: false });
    expect(ctx.server.count("/echo")).toBe(21);
    expect(clock.sleeps).toEqual([]);
    // The origin answered every time: the breaker (1 failure opens it) stays closed.
    expect((await rt.fetch("/echo?after")).status).toBe(200);

    ctx.server.plan("/items", { status: 307, headers: { location: "/echo" } });
    await expect(rt.fetch("/items", { redirect: "error" })).rejects.toThrow(/Fetch refused: unexpected redirect/);
    expect(ctx.server.count("/items")).toBe(1);
    // Ports fetch never connects to (the Fetch standard's bad ports; 6000 is X11).
    await expect(rt.fetch("http://127.0.0.1:6000/x")).rejects.toThrow(/Fetch refused: bad port/);
    // Response headers past undici's limit (16 KiB by default): the server sends them again every time.
    ctx.server.plan("/big", { status: 200, headers: { "x-padding": "a".repeat(70_000) } });
    await expect(rt.fetch("/big")).rejects.toMatchObject({ message: "Fetch refused: UND_ERR_HEADERS_OVERFLOW", retryable: false });
    expect(ctx.server.count("/big")).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  const openssl = spawnSync("openssl", ["version"]).status === 0;
  if (!openssl) console.warn("retry.test: TLS certificate case skipped — no `openssl` on PATH to make a self-signed certificate (apt-get install openssl)");
  it.skipIf(!openssl)("does not retry a TLS certificate fetch rejects (self-signed), nor TLS spoken to a plain-HTTP port", async () => {
    const dir = mkdtempSync(join(tmpdir(), "runtime-tls-"));
    const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"], { stdio: "ignore" });
    const tls = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => res.end("{}"));
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    let connections = 0;
    tls.on("connection", () => connections++);
    try {
      const { rt, clock } = runtime({ circuitBreaker: { failureThreshold: 1 } });
      const port = (tls.address() as AddressInfo).port;
      await expect(rt.fetch(`https://127.0.0.1:${port}/x`)).rejects.toMatchObject({ name: "ConnectionError", message: "Fetch refused: DEPTH_ZERO_SELF_SIGNED_CERT", retryable: false });
      expect(connections).toBe(1);
      await expect(rt.fetch(`${ctx.url.replace("http:", "https:")}/echo`)).rejects.toMatchObject({ message: "Fetch refused: ERR_SSL_WRONG_VERSION_NUMBER", retryable: false });
      expect(clock.sleeps).toEqual([]);
      // Neither is the origin failing: the breaker (1 failure opens it) stays closed.
      expect((await rt.fetch("/echo")).status).toBe(200);
    } finally {
      tls.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("can be turned off entirely", async () => {
    const { rt } = runtime({ retry: false });
    ctx.server.plan("/echo", { status: 503 });
    expect((await rt.fetch("/echo")).status).toBe(503);
    expect(ctx.server.count("/echo")).toBe(1);
  });

  it("accepts a custom status list", async () => {
    const { rt } = runtime({ retry: { retryOnStatus: [409] } });
    ctx.server.plan("/echo", { status: 409 }, { status: 503 });
    expect((await rt.fetch("/echo")).status).toBe(503);
    expect(ctx.server.count("/echo")).toBe(2);
  });

  it("re-sends the request body on every attempt", async () => {
    const { rt } = runtime();
    ctx.server.plan("/echo", { status: 503 }, { reset: true });
    const res = await rt.fetch("/echo", { method: "PUT", body: JSON.stringify({ a: 1 }), headers: { "content-type": "application/json" } });
    expect(await res.json()).toMatchObject({ method: "PUT", body: '{"a":1}' });
    expect(ctx.server.count("/echo")).toBe(3);
  });
  it("retries QUERY (OpenAPI 3.2's safe read with a body) like GET, body included", async () => {
    const { rt } = runtime();
    ctx.server.plan("/echo", { status: 503 }, { reset: true });
    const res = await rt.fetch("/echo", { method: "QUERY", body: '{"q":"x"}', headers: { "content-type": "application/json" } });
    expect(await res.json()).toMatchObject({ method: "QUERY", body: '{"q":"x"}' });
    expect(ctx.server.count("/echo")).toBe(3);
  });
});

describe("idempotency", () => {
  const order = (opId: string) => ({ method: "POST", body: JSON.stringify({ opId }), headers: { "content-type": "application/json" } });

  it("does not retry a POST without an idempotency key", async () => {
    const { rt } = runtime();
    ctx.server.plan("/orders", { status: 503 });
    expect((await rt.fetch("/orders", order("a"))).status).toBe(503);
    ctx.server.plan("/orders", { applyThenReset: true });
    await expect(rt.fetch("/orders", order("b"))).rejects.toBeInstanceOf(ConnectionError);
    expect(ctx.server.count("/orders")).toBe(2);
  });

  it("retries a POST without a key after a rate limit (429, or GitHub's 403 with retry-after): the server did not act on it", async () => {
    const { rt, clock } = runtime();
    ctx.server.plan("/orders", { status: 429, headers: { "retry-after": "1" } }, { status: 403, headers: { "retry-after": "2" } });
    const res = await rt.fetch("/orders", order("c"));
    expect(res.status).toBe(201);
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(ctx.server.count("/orders")).toBe(3);
    // Applied once, by the attempt that got through.
    expect(await res.json()).toMatchObject({ opId: "c" });
    expect(ctx.server.state.applied.get("c")).toBe(1);
  });

  it("generates one key per logical request when the operation declares the header, and reuses it on retries", async () => {
    const { rt } = runtime();
    ctx.server.plan("/orders", { applyThenReset: true }, { status: 503 });
    const call = rt.withCall({ idempotencyHeader: "Idempotency-Key" });
    const res = await call("/orders", order("op-1"));
    expect(res.status).toBe(201);
    expect(res.headers.get("idempotent-replayed")).toBe("true");
    const keys = ctx.server.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    // The side effect ran once although the first response was lost.
    expect(ctx.server.state.applied.get("op-1")).toBe(1);
    await call("/orders", order("op-2"));
    expect(ctx.server.requests[3]!.headers["idempotency-key"]).not.toBe(keys[0]);
  });

  it("uses the caller's key when given (option or header)", async () => {
    const { rt } = runtime();
    await rt.withCall({ idempotencyHeader: "Idempotency-Key", idempotencyKey: "mine-1" })("/orders", order("x"));
    await rt.withCall({ idempotencyHeader: "Idempotency-Key" })("/orders", { ...order("y"), headers: { "idempotency-key": "mine-2" } });
    expect(ctx.server.requests.map((r) => r.headers["idempotency-key"])).toEqual(["mine-1", "mine-2"]);
  });

  it("retries a POST that carries a key even when the operation did not declare one", async () => {
    const { rt } = runtime();
    ctx.server.plan("/orders", { status: 503 });
    const res = await rt.fetch("/orders", { ...order("z"), headers: { "Idempotency-Key": "k-z" } });
    expect(res.status).toBe(201);
  });

  it("lets the operation's idempotent flag override the method rule", async () => {
    const { rt } = runtime();
    ctx.server.plan("/orders", { status: 503 });
    expect((await rt.withCall({ idempotent: true })("/orders", order("q"))).status).toBe(201);
    ctx.server.plan("/echo", { status: 503 });
    expect((await rt.withCall({ idempotent: false })("/echo", { method: "PUT", body: "x" })).status).toBe(503);
  });
});

describe("inputs", () => {
  it("accepts Request objects (with or without init), URLs and relative paths", async () => {
    const { rt } = runtime();
    const req = new Request(`${ctx.url}/echo?a=1`, { method: "PUT", body: "x", headers: { "x-a": "1" } });
    expect(await (await rt.fetch(req)).json()).toMatchObject({ method: "PUT", body: "x", query: { a: "1" } });
    const res = await rt.fetch(new Request(`${ctx.url}/echo`), { method: "POST", body: "y" });
    expect(await res.json()).toMatchObject({ method: "POST", body: "y" });
    expect((await rt.fetch(new URL(`${ctx.url}/echo`))).status).toBe(200);
    expect(ctx.server.requests[0]!.headers["x-a"]).toBe("1");
  });

  it("keeps a base path when resolving relative URLs and rejects them without a baseUrl", async () => {
    const rt = createRuntime({ baseUrl: `${ctx.url}/items/` });
    const body = (await (await rt.fetch("page?total=1")).json()) as { data: unknown[] };
    expect(body.data).toHaveLength(1);
    await expect(createRuntime().fetch("/echo")).rejects.toThrow(TypeError);
  });
});

