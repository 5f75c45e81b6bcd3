import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { createApiCore } from "../src/client/api-core.js";
import { AbortError, ConnectionError, createRuntime, TimeoutError } from "../src/index.js";
import { testClock, useFaultServer } from "./helpers.js";

/** A full collection, and the finalizers it queued (the links kept for bodies being read), which run in a later turn. */
async function collect(): Promise<void> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  for (let k = 0; k < 3; k++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ctx = useFaultServer();

describe("timeouts and aborts", () => {
  it("times out a slow attempt and retries it", async () => {
    const retried: unknown[] = [];
    // The fast attempt must beat the timeout too: 1 s, as a loaded machine missed 250 ms on every attempt; retries to spare.
    const rt = createRuntime({
      baseUrl: ctx.url,
      clock: testClock(),
      timeoutMs: 1_000,
      retry: { maxRetries: 5 },
      hooks: { onRetry: ({ error }) => void retried.push(error) },
    });
    ctx.server.plan("/echo/slow", { delayMs: 10_000 });
    const res = await rt.fetch("/echo/slow");
    expect(res.status).toBe(200);
    // Counted by the client: the slow attempt timed out and was retried (once, unless the machine stalled).
    expect(retried.length).toBeGreaterThanOrEqual(1);
    for (const e of retried) expect(e).toMatchObject({ name: "TimeoutError", kind: "attempt" });
    // The slow attempt reached the server (it got the delay) and so did the one that answered.
    expect(ctx.server.count("/echo/slow")).toBeGreaterThanOrEqual(2);
  });

  it("throws TimeoutError(kind attempt) when every attempt is too slow", async () => {
    const retried: unknown[] = [];
    const rt = createRuntime({
      baseUrl: ctx.url,
      clock: testClock(),
      timeoutMs: 30,
      retry: { maxRetries: 1 },
      hooks: { onRetry: ({ error }) => void retried.push(error) },
    });
    const err = await rt.fetch("/echo?delay=300&case=2").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as TimeoutError).kind).toBe("attempt");
    expect((err as TimeoutError).requestId).toBeDefined();
    // Two attempts, counted by the client: on a loaded machine a 30 ms attempt can time out before the server sees it.
    expect(retried).toHaveLength(1);
    expect(retried[0]).toBeInstanceOf(TimeoutError);
    expect(ctx.server.count("/echo?delay=300&case=2")).toBeLessThanOrEqual(2);
  });

  it("does not retry timeouts when told not to", async () => {
    const retried: unknown[] = [];
    const rt = createRuntime({
      baseUrl: ctx.url,
      clock: testClock(),
      timeoutMs: 30,
      retry: { retryOnTimeout: false },
      hooks: { onRetry: ({ error }) => void retried.push(error) },
    });
    await expect(rt.fetch("/echo?delay=300&case=3")).rejects.toBeInstanceOf(TimeoutError);
    expect(retried).toHaveLength(0);
    expect(ctx.server.count("/echo?delay=300&case=3")).toBeLessThanOrEqual(1);
  });

  it("enforces an overall budget across retries and backoff", async () => {
    // Real sleeps here: the total budget must cover backoff time too.
    const rt = createRuntime({ baseUrl: ctx.url, timeoutMs: 1000, totalTimeoutMs: 150, retry: { initialDelayMs: 40, jitter: "none", maxRetries: 10 } });
    ctx.server.plan("/echo/budget", ...Array.from({ length: 20 }, () => ({ status: 503 })));
    const started = Date.now();
    const res = await rt.fetch("/echo/budget").catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    // Either the deadline cut a wait short (TimeoutError total) or the runtime saw the next wait would
    // cross it and handed back the last 503; both must happen within the budget.
    if (res instanceof Response) expect(res.status).toBe(503);
    else expect(res).toMatchObject({ name: "TimeoutError", kind: "total" });
    // Unbounded, 10 retries with backoff (40 ms doubling, capped at 10 s) would take some 30 s; a loaded machine may add a second or two to the 150 ms.
    expect(elapsed).toBeLessThan(3_000);
    expect(ctx.server.count("/echo/budget")).toBeLessThan(6);
  });

  it("per-call timeoutMs overrides the client's", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, timeoutMs: 5_000, retry: false });
    const err = await rt.withCall({ timeoutMs: 20 })("/echo?delay=300&case=5").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
  });

  it("total timeout while waiting for the response is a TimeoutError(kind total), not retried", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, clock: testClock(), timeoutMs: 5000, totalTimeoutMs: 40 });
    const err = await rt.fetch("/echo?delay=300&case=6").catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "TimeoutError", kind: "total" });
    // On a loaded machine the single attempt may time out before the server sees it: at most one.
    expect(ctx.server.count("/echo?delay=300&case=6")).toBeLessThanOrEqual(1);
  });

  it("a caller abort rejects with AbortError and is never retried", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, clock: testClock() });
    const ac = new AbortController();
    const pending = rt.fetch("/echo?delay=300&case=7", { signal: ac.signal }).catch((e: unknown) => e);
    // Abort once the server has the request (a fixed delay races a loaded machine).
    await vi.waitFor(() => expect(ctx.server.count("/echo?delay=300&case=7")).toBe(1), { timeout: 5_000, interval: 5 });
    ac.abort();
    const err = await pending;
    expect(err).toBeInstanceOf(AbortError);
    expect(err).not.toBeInstanceOf(TimeoutError);
    expect(ctx.server.count("/echo?delay=300&case=7")).toBe(1);
  });

  it("an abort via call options or during backoff also surfaces as AbortError", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, retry: { initialDelayMs: 5_000 } });
    // A path of its own: a late request of an earlier test (timed out before the server read it) is not counted here.
    ctx.server.plan("/echo/backoff", { status: 503 });
    const ac = new AbortController();
    const p = rt.withCall({ signal: ac.signal })("/echo/backoff").catch((e: unknown) => e);
    await vi.waitFor(() => expect(ctx.server.count("/echo/backoff")).toBe(1), { timeout: 5_000, interval: 5 });
    ac.abort(new Error("user left"));
    const err = await p;
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toEqual(new Error("user left"));
    expect(ctx.server.count("/echo/backoff")).toBe(1);
  });

  it("an already-aborted signal fails fast without a request", async () => {
    const rt = createRuntime({ baseUrl: ctx.url });
    await expect(rt.fetch("/echo/pre-aborted", { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(ctx.server.count("/echo/pre-aborted")).toBe(0);
  });

  it("the caller's signal still aborts reading the body after headers arrived", async () => {
    const rt = createRuntime({ baseUrl: ctx.url });
    const ac = new AbortController();
    const res = await rt.fetch("/sse?count=1&hold=1", { signal: ac.signal });
    const reader = res.body!.getReader();
    await reader.read();
    ac.abort();
    await expect(reader.read()).rejects.toBeInstanceOf(AbortError);
  });

  it("a long-lived caller signal does not collect a listener per finished request", async () => {
    const rt = createRuntime({ baseUrl: ctx.url });
    const shared = new AbortController().signal;
    for (let i = 0; i < 30; i++) await (await rt.withCall({ signal: shared })("/echo")).arrayBuffer();
    expect(getEventListeners(shared, "abort").length).toBeLessThan(3);
  });

  it("per-request caller signals leave nothing behind (Node 20 kept every AbortSignal.any view with a listener: 5 KB a call)", async () => {
    // The BFF passes each browser request's signal: on Node 20 a per-request view of it, once the
    // runtime listened to it, stayed reachable for ever, and with it the attempt's signals.
    const rt = createRuntime({ baseUrl: ctx.url, totalTimeoutMs: 20_000 });
    const heapAfter = async (calls: number) => {
      for (let i = 0; i < calls; i++) {
        const call = rt.withCall({ signal: new AbortController().signal });
        // A GET, and a POST with a body (built into a Request, whose own signal was linked too).
        await (await (i % 2 ? call("/echo") : call("/echo", { method: "POST", body: "x" }))).arrayBuffer();
      }
      await collect();
      return process.memoryUsage().heapUsed;
    };
    const warm = await heapAfter(1_000);
    const grown = (await heapAfter(3_000)) - warm;
    expect(grown / 1_048_576).toBeLessThan(4);
    // 4,000 requests one after another: 2 s on an idle machine, past 10 s beside a whole CI run's tasks.
  }, 60_000);

  it("a long-lived caller signal keeps nothing of the runtime.fetch calls and streams that finished", async () => {
    // An app-wide signal (a worker's shutdown) passed to every call: the link to it must outlive
    // the call while the caller reads the body (its abort must still stop the read), but not the
    // response itself: 3 KB a call stayed linked until that signal went.
    const rt = createRuntime({ baseUrl: ctx.url, totalTimeoutMs: 20_000 });
    const app = new AbortController();
    const api = createApiCore<Record<string, never>>({ baseUrl: ctx.url });
    const stream = api.op({ id: "echo", method: "get", path: "/echo" });
    const heapAfter = async (calls: number) => {
      for (let i = 0; i < calls; i++) {
        if (i % 2) await (await rt.fetch("/echo", { signal: app.signal })).arrayBuffer();
        else await new Response((await stream({ parseAs: "stream" } as never, { signal: app.signal })) as ReadableStream).arrayBuffer();
      }
      await collect();
      return process.memoryUsage().heapUsed;
    };
    const warm = await heapAfter(1_000);
    const grown = (await heapAfter(3_000)) - warm;
    // About 0.9 KB a call stayed linked (2.7 MB here); what is left now is the heap's noise.
    expect(grown / 1_048_576).toBeLessThan(1.5);
    // And the signal still stops a body read whose response is gone (only its stream is kept).
    ctx.server.plan("/echo/held", { stallBodyMs: 5_000 });
    const held = api.op({ id: "held", method: "get", path: "/echo/held" });
    const body = (await held({ parseAs: "stream" } as never, { signal: app.signal })) as ReadableStream<Uint8Array>;
    const reader = body.getReader();
    await collect();
    const started = Date.now();
    const read = (async () => {
      while (!(await reader.read()).done);
    })().catch((e: unknown) => e);
    setTimeout(() => app.abort(), 50);
    expect(await read).toBeDefined();
    expect(Date.now() - started).toBeLessThan(2_000);
  }, 60_000);

  it("operation calls in flight on one caller signal share one listener on it, and all abort with it", async () => {
    // The operation methods link attempts to the caller's signal itself (no per-request view):
    // 25 concurrent calls must not add 25 listeners (Node warns past 10), and one abort reaches every call.
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on("warning", onWarning);
    try {
      const echo = createApiCore<Record<string, never>>({ baseUrl: ctx.url }).op({ id: "echo", method: "get", path: "/echo" });
      const ac = new AbortController();
      const calls = Array.from({ length: 25 }, (_, i) => echo({ params: { query: { delay: 2000, fan: i } } } as never, { signal: ac.signal }).catch((e: unknown) => e));
      // Every call in flight (the server holds each for 2 s), rather than a fixed wait a loaded machine may overrun.
      await vi.waitFor(() => expect(Array.from({ length: 25 }, (_, i) => ctx.server.count(`/echo?delay=2000&fan=${i}`))).toEqual(Array(25).fill(1)), { timeout: 5_000, interval: 5 });
      expect(getEventListeners(ac.signal, "abort").length).toBe(1);
      ac.abort();
      for (const outcome of await Promise.all(calls)) expect(outcome).toBeInstanceOf(AbortError);
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("a timeout past 2^31 - 1 ms is kept, not fired at once (setTimeout's overflow), on undici's timers and on a signal", async () => {
    const get = { id: "echo", method: "get", path: "/echo" } as const;
    const api = createApiCore<Record<string, never>>({ baseUrl: ctx.url, timeoutMs: 3_000_000_000, totalTimeoutMs: 3_000_000_000, retry: false });
    for (const signal of [undefined, new AbortController().signal]) {
      const body = (await api.op(get)({ params: { query: { delay: 30 } }, signal } as never)) as { path: string };
      expect(body.path).toBe("/echo");
    }
  });

  it("timeoutMs 0 disables the per-attempt timeout", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, timeoutMs: 0, retry: false });
    expect((await rt.fetch("/echo?delay=60")).status).toBe(200);
  });
});
