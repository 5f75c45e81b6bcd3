import { describe, expect, it } from "vitest";
import {
  AbortError,
  bulk,
  createRuntime,
  DeadlineExceededError,
  encodeMultipart,
  JobFailedError,
  pollJob,
  RateLimiter,
  supportsRequestStreams,
  trackUploadProgress,
  type UploadProgress,
} from "../src/index.js";
import { testClock, useFaultServer } from "./helpers.js";

const ctx = useFaultServer();

describe("upload progress", () => {
  it("Node supports streamed request bodies", () => {
    expect(supportsRequestStreams()).toBe(true);
  });

  it("reports bytes sent for a Blob through the runtime, and restarts on retry", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, clock: testClock() });
    const blob = new Blob([new Uint8Array(300 * 1024).fill(7)]);
    const ticks: UploadProgress[] = [];
    ctx.server.plan("/upload", { status: 503 });
    const res = await rt.withCall({ onUploadProgress: (p) => ticks.push(p) })("/upload", { method: "PUT", body: blob });
    expect(await res.json()).toMatchObject({ bytes: 300 * 1024 });
    expect(ticks.every((t) => t.total === 300 * 1024)).toBe(true);
    // Two attempts, each counting up from zero to the full size in 64 KiB steps.
    const finals = ticks.filter((t) => t.loaded === t.total);
    expect(finals).toHaveLength(2);
    expect(ticks[0]!.loaded).toBe(64 * 1024);
    for (let i = 1; i < ticks.length; i++) {
      if (ticks[i - 1]!.loaded !== ticks[i - 1]!.total) expect(ticks[i]!.loaded).toBeGreaterThan(ticks[i - 1]!.loaded);
    }
  });

  it("reports progress for FormData using the encoded multipart size", async () => {
    const rt = createRuntime({ baseUrl: ctx.url });
    const form = new FormData();
    form.append("title", "report");
    form.append("file", new Blob(["x".repeat(100_000)]), "report.txt");
    const ticks: UploadProgress[] = [];
    const res = await rt.withCall({ onUploadProgress: (p) => ticks.push(p) })("/upload", { method: "POST", body: form });
    const body = (await res.json()) as { bytes: number; contentType: string };
    expect(body.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(ticks.at(-1)).toEqual({ loaded: body.bytes, total: body.bytes });
    const encoded = await encodeMultipart(form);
    expect(encoded.contentType).toMatch(/boundary=/);
    expect(encoded.body.byteLength).toBeGreaterThan(100_000);
  });

  it("trackUploadProgress streams a Blob slice by slice", async () => {
    const ticks: number[] = [];
    const stream = trackUploadProgress(new Blob(["abcdefghij"]), (p) => ticks.push(p.loaded), 4);
    const text = await new Response(stream).text();
    expect(text).toBe("abcdefghij");
    expect(ticks).toEqual([4, 8, 10]);
    const res = await fetch(`${ctx.url}/upload`, { method: "POST", body: trackUploadProgress(new Uint8Array(10), () => {}), duplex: "half" } as RequestInit);
    expect(await res.json()).toMatchObject({ bytes: 10 });
  });
});

describe("upload progress after an abort", () => {
  it("stops at the abort and never reports 100 % (5 MiB PUT aborted at 1 MiB)", async () => {
    const rt = createRuntime({ baseUrl: ctx.url });
    const total = 5 * 1024 * 1024;
    const ticks: UploadProgress[] = [];
    const ac = new AbortController();
    let atAbort = 0;
    const onUploadProgress = (p: UploadProgress): void => {
      ticks.push(p);
      if (p.loaded >= 1024 * 1024 && !ac.signal.aborted) {
        atAbort = ticks.length;
        ac.abort();
      }
    };
    const err = await rt
      .withCall({ onUploadProgress, signal: ac.signal })("/upload", { method: "PUT", body: new Uint8Array(total) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    // Node's fetch keeps pulling the body after an abort: give it time to (not) report more.
    await new Promise((r) => setTimeout(r, 100));
    expect(ticks).toHaveLength(atAbort);
    expect(Math.max(...ticks.map((t) => t.loaded))).toBeLessThan(total);
  });

  it("holds the 100 % tick until the response arrived", async () => {
    const rt = createRuntime({ baseUrl: ctx.url });
    const ticks: number[] = [];
    let settled = false;
    const res = await rt
      .withCall({ onUploadProgress: (p) => ticks.push(settled ? -1 : p.loaded) })("/upload", { method: "POST", body: new Uint8Array(200 * 1024) })
      .finally(() => (settled = true));
    expect(await res.json()).toMatchObject({ bytes: 200 * 1024 });
    expect(ticks).toEqual([65536, 131072, 196608, 204800]);
  });
});

describe("bulk", () => {
  const rt = () => createRuntime({ baseUrl: ctx.url });

  it("chunks ≤100 per call and reports per-item results by index", async () => {
    const runtime = rt();
    const items = Array.from({ length: 250 }, (_, i) => ({ name: `n${i}`, fail: i % 50 === 7 }));
    const progress: number[] = [];
    const report = await bulk({
      items,
      concurrency: 2,
      onProgress: (done) => progress.push(done),
      send: async (chunk) => {
        const res = await runtime.fetch("/bulk", { method: "POST", body: JSON.stringify(chunk) });
        const { results } = (await res.json()) as { results: Array<{ ok: boolean; id?: string; error?: string }> };
        return results.map((r) => (r.ok ? { ok: true as const, value: r.id } : { ok: false as const, error: r.error }));
      },
    });
    expect(ctx.server.count("/bulk")).toBe(3);
    expect(report.succeeded).toBe(245);
    expect(report.failed).toBe(5);
    expect(report.results.map((r) => r.index)).toEqual(items.map((_, i) => i));
    expect(report.results[7]).toEqual({ index: 7, item: items[7], ok: false, error: "rejected" });
    expect(report.results[8]).toMatchObject({ ok: true, value: "id-n8" });
    expect(progress.at(-1)).toBe(250);
  });

  it("a failing chunk fails only its items; chunk size is configurable", async () => {
    const report = await bulk({
      items: Array.from({ length: 10 }, (_, i) => i),
      chunkSize: 3,
      send: async (chunk, { offset }) => {
        if (offset === 3) throw new Error("boom");
        expect(chunk.length).toBeLessThanOrEqual(3);
      },
    });
    expect(report.results.filter((r) => !r.ok).map((r) => r.index)).toEqual([3, 4, 5]);
    expect(report.succeeded).toBe(7);
  });

  it("runs under a rate limiter created without a clock (the system clock by default)", async () => {
    const limiter = new RateLimiter({ ratePerSecond: 50, burst: 1 });
    const started = Date.now();
    const report = await bulk({ items: [1, 2, 3, 4, 5], chunkSize: 1, limiter, send: async () => undefined });
    expect(report.succeeded).toBe(5);
    // Five tokens at 50/s with no burst: the last one is 80 ms after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
  });

  it("runs under a rate limiter", async () => {
    const clock = testClock();
    const limiter = new RateLimiter({ ratePerSecond: 1, burst: 1 }, clock);
    await bulk({ items: Array.from({ length: 5 }, (_, i) => i), chunkSize: 1, limiter, send: async () => undefined });
    expect(clock.sleeps.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...clock.sleeps)).toBeGreaterThan(900);
  });

  it("stops scheduling chunks after an abort", async () => {
    const ac = new AbortController();
    const report = await bulk({
      items: [1, 2, 3, 4],
      chunkSize: 1,
      signal: ac.signal,
      send: async (chunk) => {
        if (chunk[0] === 2) ac.abort(new Error("stop"));
      },
    });
    expect(report.results.map((r) => r.ok)).toEqual([true, true, false, false]);
  });
});

describe("pollJob", () => {
  const get = (path: string) => async () => (await fetch(`${ctx.url}${path}`)).json() as Promise<{ status: string; polls: number }>;

  it("polls with growing intervals until completed", async () => {
    const clock = testClock();
    const job = await pollJob({ fetch: get("/jobs/ok-4"), clock, intervalMs: 100, multiplier: 2, maxIntervalMs: 300 });
    expect(job).toMatchObject({ status: "completed", polls: 4 });
    expect(clock.sleeps).toEqual([100, 200, 300]);
  });

  it("throws JobFailedError with the job when it fails", async () => {
    const err = await pollJob({ fetch: get("/jobs/fail-2"), clock: testClock() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    expect((err as JobFailedError).job).toMatchObject({ status: "failed" });
  });

  it("throws DeadlineExceededError at the deadline, not a full interval later", async () => {
    let t = 0;
    const sleeps: number[] = [];
    const virtual = { now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)) };
    const err = await pollJob({ fetch: get("/jobs/never-1"), clock: virtual, intervalMs: 1000, multiplier: 1, timeoutMs: 2500 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect((err as DeadlineExceededError).lastValue).toMatchObject({ status: "running" });
    expect(sleeps).toEqual([1000, 1000, 500]);
  });

  it("the deadline aborts a poll in flight and rejects with DeadlineExceededError on time", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, retry: false });
    let seen: AbortSignal | undefined;
    const started = Date.now();
    const err = await pollJob({
      timeoutMs: 300,
      fetch: async (signal) => {
        seen = signal;
        return (await rt.withCall({ signal })("/echo?delay=6000&poll=1")).json();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceededError);
    // On time: not when the poll's answer comes (6 s); the margin is a loaded machine's lag on the 300 ms.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(seen?.aborted).toBe(true);
  });

  it("rejects on time even when the poll ignores the signal", async () => {
    const started = Date.now();
    const err = await pollJob({ timeoutMs: 200, fetch: () => new Promise(() => undefined) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceededError);
    // The poll never settles: without the deadline this would never end. Room for a loaded machine's lag on the 200 ms.
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("the caller's abort still rejects with its reason", async () => {
    const ac = new AbortController();
    const pending = pollJob({ signal: ac.signal, fetch: () => new Promise(() => undefined) }).catch((e: unknown) => e);
    ac.abort(new Error("left the page"));
    expect(await pending).toEqual(new Error("left the page"));
  });
});

