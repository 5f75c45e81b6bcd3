import { describe, expect, it } from "vitest";
import { createApiCore, type OperationMeta } from "../src/client/api-core.js";
import { ApiError, ConnectionError, ResponseParseError, TimeoutError } from "../src/index.js";
import { nativeTimeouts } from "../src/native-timeout.js";
import { testClock, useFaultServer } from "./helpers.js";

// Faults after the response headers: fetch has resolved, the body is what fails. The operation
// methods read the body inside the attempt, so these are typed errors under the retry rules.
const ctx = useFaultServer();

const get: OperationMeta = { id: "echo", method: "get", path: "/echo" };
const order: OperationMeta = { id: "createOrder", method: "post", path: "/orders", idempotencyHeader: "Idempotency-Key" };
const plainPost: OperationMeta = { id: "createThing", method: "post", path: "/orders" };
const api = (options: Parameters<typeof createApiCore>[0] = {}) => createApiCore<Record<string, never>>({ baseUrl: ctx.url, clock: testClock(), ...options });

describe("a connection dropped after the headers", () => {
  it("is a ConnectionError retried for a GET", async () => {
    ctx.server.plan("/echo", { dropBody: true }, { dropBody: true });
    const body = (await api().op(get)({ params: { query: { n: 1 } } } as never)) as { query: unknown };
    expect(body.query).toEqual({ n: "1" });
    expect(ctx.server.count("/echo")).toBe(3);
  });

  it("is retried for a POST with an idempotency key, and the side effect happens once", async () => {
    ctx.server.plan("/orders", { dropBody: true });
    const body = (await api().op(order)({ body: { opId: "drop-1" } } as never)) as { opId: string };
    expect(body.opId).toBe("drop-1");
    expect(ctx.server.count("/orders")).toBe(2);
    expect(ctx.server.state.applied.get("drop-1")).toBe(1);
  });

  it("is not retried for a POST without one, and rejects with a ConnectionError", async () => {
    ctx.server.plan("/orders", { dropBody: true });
    const err = await api().op(plainPost)({ body: { opId: "drop-2" } } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).not.toBeInstanceOf(TypeError);
    expect((err as ConnectionError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ctx.server.count("/orders")).toBe(1);
  });

  it("rejects with a ConnectionError once retries are exhausted", async () => {
    ctx.server.plan("/echo", { dropBody: true }, { dropBody: true }, { dropBody: true });
    const err = await api({ retry: { maxRetries: 2 } }).op(get)({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(ctx.server.count("/echo")).toBe(3);
  });

  it("is retried by runtime.fetch when the cache reads the body", async () => {
    ctx.server.plan("/echo", { dropBody: true });
    const core = api({ cache: true });
    const res = await core.runtime.fetch("/echo");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ path: "/echo" });
    expect(ctx.server.count("/echo")).toBe(2);
  });
});

describe("a 200 whose body is not JSON", () => {
  it("rejects with a ResponseParseError carrying status, content type and the first bytes", async () => {
    ctx.server.plan("/echo", { invalidJson: true });
    const err = await api().op(get)({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseParseError);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 200, contentType: "application/json", bodyPreview: "<html><body>502 Bad Gateway</body></html>" });
    expect((err as Error).message).toContain("not valid JSON");
    // Not retried: the same request would get the same body.
    expect(ctx.server.count("/echo")).toBe(1);
  });
});

describe("a body that stalls after the headers", () => {
  it("is cut by totalTimeoutMs (timeoutMs 200, totalTimeoutMs 500, stall 6 s)", async () => {
    ctx.server.plan("/echo", ...Array.from({ length: 5 }, () => ({ stallBodyMs: 6_000 })));
    const started = Date.now();
    const err = await api({ timeoutMs: 200, totalTimeoutMs: 500 }).op(get)({}).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(TimeoutError);
    // Long before the stalled bodies would end (6 s), with room for a loaded machine's lag on the 500 ms.
    expect(elapsed).toBeLessThan(3_000);
    expect(elapsed).toBeGreaterThanOrEqual(190);
  });

  // The retried attempt's fast answer must itself beat the attempt timeout: 1 s, not 200 ms, which a
  // loaded machine missed (every attempt timed out, or a late one landed in the next test), with
  // retries to spare. Attempts are counted by the client (onRetry); each test has a path of its own,
  // so a late request of an earlier test neither takes its planned fault nor adds to its count.
  const retriedAfterStall = () => {
    const retried: unknown[] = [];
    return { retried, options: { timeoutMs: 1_000, retry: { maxRetries: 5 }, hooks: { onRetry: ({ error }: { error?: unknown }) => void retried.push(error) } } };
  };

  it.each([
    ["times the attempt out and retries it", "/echo/stall", undefined],
    ["with a caller signal too (the attempt signal covers the body)", "/echo/stall-signal", () => ({ signal: new AbortController().signal })],
  ] as const)("%s", async (_name, path, call) => {
    ctx.server.plan(path, { stallBodyMs: 10_000 });
    const { retried, options } = retriedAfterStall();
    const started = Date.now();
    const body = await api(options).op({ ...get, path })({}, call?.());
    expect(body).toMatchObject({ path });
    // Not the stall's 10 s: the attempt was cut and retried.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(retried.length).toBeGreaterThanOrEqual(1);
    for (const e of retried) expect(e).toMatchObject({ name: "TimeoutError", kind: "attempt" });
    expect(ctx.server.count(path)).toBeGreaterThanOrEqual(2);
    expect(ctx.server.count(path)).toBeLessThanOrEqual(retried.length + 1);
  });

  it("is cut at the attempt's deadline when the runtime uses undici's own timers instead of a signal", async () => {
    // undici's timers tick every 500 ms, so the runtime only uses them from 10 s up; lowered here
    // to see the mapping of its timeout errors within a test's time.
    const { minMs } = nativeTimeouts;
    nativeTimeouts.minMs = 0;
    try {
      await (await fetch(`${ctx.url}/etag`)).text(); // undici's global dispatcher exists once fetch ran
      ctx.server.plan("/echo/native", { stallBodyMs: 3_000 }, { stallBodyMs: 3_000 });
      const retried: unknown[] = [];
      const started = Date.now();
      const err = await api({ timeoutMs: 100, retry: { maxRetries: 1 }, hooks: { onRetry: ({ error }) => void retried.push(error) } })
        .op({ ...get, path: "/echo/native" })({})
        .catch((e: unknown) => e);
      // Both attempts cut at their deadline (readWithin's timer: undici's body timer only measures silences).
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(err).toBeInstanceOf(TimeoutError);
      expect(err).toMatchObject({ kind: "attempt", timeoutMs: 100 });
      // Two attempts, counted by the client: on a loaded machine the second may time out before the server sees it.
      expect(retried).toHaveLength(1);
      expect(retried[0]).toMatchObject({ name: "TimeoutError", kind: "attempt" });
      expect(ctx.server.count("/echo/native")).toBeGreaterThanOrEqual(1);
      expect(ctx.server.count("/echo/native")).toBeLessThanOrEqual(2);
      // Until the headers: a server that never answers.
      const late = await api({ timeoutMs: 100, retry: false }).op(get)({ params: { query: { delay: 2_500 } } } as never).catch((e: unknown) => e);
      expect(late).toMatchObject({ name: "TimeoutError", kind: "attempt" });
    } finally {
      nativeTimeouts.minMs = minMs;
    }
  });
});

describe("a body that trickles in (a byte at a time, never silent for long)", () => {
  // undici's body timer measures silences, so on its timers (the default from 10 s up) a drip never
  // timed out: a 10 s timeout let a 281 s body through. Lowered here to keep the test short.
  const native = async (run: () => Promise<void>) => {
    const { minMs } = nativeTimeouts;
    nativeTimeouts.minMs = 0;
    try {
      await (await fetch(`${ctx.url}/etag`)).text(); // undici's global dispatcher exists once fetch ran
      await run();
    } finally {
      nativeTimeouts.minMs = minMs;
    }
  };

  it("ends at timeoutMs with a TimeoutError on undici's timers, and on a signal", async () => {
    await native(async () => {
      for (const signal of [undefined, new AbortController().signal]) {
        ctx.server.plan("/echo/drip", { trickleBodyMs: 50 });
        const started = Date.now();
        const err = await api({ timeoutMs: 600, retry: false })
          .op({ ...get, path: "/echo/drip" })({ signal } as never)
          .catch((e: unknown) => e);
        expect(err).toMatchObject({ name: "TimeoutError", kind: "attempt", timeoutMs: 600 });
        // The echo body is hundreds of bytes: at 50 ms each it would take many seconds.
        expect(Date.now() - started).toBeLessThan(3_000);
      }
    });
  });

  it("ends at each read's own deadline when reads with different timeouts overlap (one ticker watches them all)", async () => {
    await native(async () => {
      ctx.server.plan("/echo/drip-long", { trickleBodyMs: 50 });
      ctx.server.plan("/echo/drip-short", { trickleBodyMs: 50 });
      const started = Date.now();
      const ended = (p: Promise<unknown>) => p.then(() => Infinity, (e: unknown) => (expect(e).toMatchObject({ name: "TimeoutError", kind: "attempt" }), Date.now() - started));
      const long = ended(api({ timeoutMs: 1_500, retry: false }).op({ ...get, path: "/echo/drip-long" })({}));
      await new Promise((r) => setTimeout(r, 50));
      const short = ended(api({ timeoutMs: 300, retry: false }).op({ ...get, path: "/echo/drip-short" })({}));
      const [a, b] = await Promise.all([long, short]);
      // The short read is not held to the long one's pace, nor the long one cut early.
      expect(b).toBeLessThan(1_100);
      expect(a).toBeGreaterThanOrEqual(1_450);
      expect(a).toBeLessThan(3_000);
      // A healthy read afterwards is not cut by a deadline left from them.
      expect(await api({ timeoutMs: 200, retry: false }).op(get)({})).toMatchObject({ path: "/echo" });
    });
  });

  it("is retried after its deadline, and a GET then succeeds", async () => {
    await native(async () => {
      ctx.server.plan("/echo/drip2", { trickleBodyMs: 50 });
      const body = (await api({ timeoutMs: 500, retry: { maxRetries: 1 } }).op({ ...get, path: "/echo/drip2" })({})) as { path: string };
      expect(body.path).toBe("/echo/drip2");
      expect(ctx.server.count("/echo/drip2")).toBe(2);
    });
  });

  it("ends at timeoutMs for runtime.fetch when the cache reads the body", async () => {
    await native(async () => {
      ctx.server.plan("/echo/drip3", { trickleBodyMs: 50 });
      const err = await api({ cache: true, timeoutMs: 500, retry: false })
        .runtime.fetch("/echo/drip3")
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ name: "TimeoutError", kind: "attempt" });
    });
  });
});

describe("a body that does not decompress (a wrong Content-Encoding)", () => {
  it("is a ConnectionError fetch refused (retryable: false), not retried and not a failure of the origin", async () => {
    for (const path of ["/echo/enc", "/missing/enc"]) {
      ctx.server.plan(path, { badEncoding: true }, { badEncoding: true }, { badEncoding: true });
      const err = await api({ circuitBreaker: { failureThreshold: 1 } })
        .op({ ...get, path })({})
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectionError);
      // zlib's own code: the body is not gzip.
      expect(err).toMatchObject({ retryable: false, message: "Fetch refused: Z_DATA_ERROR" });
      expect(ctx.server.count(path)).toBe(1);
    }
    // The breaker (opens after one failure) saw none: the next call goes through.
    const core = api({ circuitBreaker: { failureThreshold: 1 } });
    ctx.server.plan("/echo/enc2", { badEncoding: true });
    await core.op({ ...get, path: "/echo/enc2" })({}).catch(() => undefined);
    expect(await core.op({ ...get, path: "/echo/enc2" })({})).toMatchObject({ path: "/echo/enc2" });
  });
});
