import { describe, expect, it } from "vitest";
import { createRuntime, RateLimiter, RateLimitTracker, type Clock } from "../src/index.js";
import { useFaultServer } from "./helpers.js";

const ctx = useFaultServer();

/** Fully virtual time: sleeps advance `now` instantly, so token-bucket math is checked exactly. */
function virtualClock(): Clock & { t: number; waits: number[] } {
  const c = {
    t: 1_000_000,
    waits: [] as number[],
    now: () => c.t,
    sleep: async (ms: number) => {
      c.waits.push(ms);
      c.t += ms;
    },
  };
  return c;
}

describe("rate-limit state", () => {
  it("reads X-RateLimit-* per origin", async () => {
    const rt = createRuntime({ baseUrl: ctx.url });
    expect(rt.rateLimit.get()).toBeUndefined();
    await rt.fetch("/limited");
    const s = rt.rateLimit.get()!;
    expect(s).toMatchObject({ limit: 5, remaining: 4 });
    expect(s.resetAt).toBeGreaterThan(Date.now() - 1000);
    expect(rt.rateLimit.get(`${ctx.url}/any/path`)).toEqual(s);
    expect(Object.keys(rt.rateLimit.snapshot())).toEqual([ctx.url]);
  });

  it("ignores responses without rate-limit headers and parses IETF names", () => {
    const t = new RateLimitTracker("https://a", () => 1000);
    t.update("https://a", new Headers());
    expect(t.get()).toBeUndefined();
    t.update("https://a", new Headers({ "ratelimit-limit": "10", "ratelimit-remaining": "0", "ratelimit-reset": "2" }));
    expect(t.get()).toEqual({ limit: 10, remaining: 0, resetAt: 3000, updatedAt: 1000 });
    expect(t.waitMs("https://a")).toBe(2005);
  });
});

describe("client-side limiter", () => {
  it("token bucket: a burst goes out at once, then one per interval", async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 3 }, clock);
    const start = clock.t;
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      await limiter.acquire();
      limiter.release();
      times.push(clock.t - start);
    }
    expect(times).toEqual([0, 0, 0, 100, 200, 300, 400]);
  });

  it("refills while idle, up to the burst", async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({ ratePerSecond: 2, burst: 2 }, clock);
    for (let i = 0; i < 4; i++) await limiter.acquire();
    clock.t += 10_000;
    const before = clock.waits.length;
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.waits.length).toBe(before);
    await limiter.acquire();
    expect(clock.waits.at(-1)).toBe(500);
  });

  it("two windows, one bucket: { ratePerSecond: 2.5, burst: 850 } stays within 1,000/min and 10,000/h in every sliding window", async () => {
    // Sends allowed in any window of `ms` by a bucket: at most burst + rate·ms, so pick burst ≤ limit − rate·window for each.
    const sendTimes = async (options: { ratePerSecond: number; burst: number }, n: number) => {
      const clock = virtualClock();
      const limiter = new RateLimiter(options, clock);
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        await limiter.acquire();
        limiter.release();
        times.push(clock.t);
      }
      return times;
    };
    const busiest = (times: number[], ms: number) => {
      let most = 0;
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i]! - times[j]! >= ms) j++;
        most = Math.max(most, i - j + 1);
      }
      return most;
    };
    const both = await sendTimes({ ratePerSecond: 2.5, burst: 850 }, 12_000);
    expect(busiest(both, 60_000)).toBeLessThanOrEqual(1_000);
    expect(busiest(both, 3_600_000)).toBeLessThanOrEqual(10_000);
    expect(both[849]).toBe(both[0]); // the burst goes out at once
    // Sized for the minute alone (16/s, evenly spaced), a bucket keeps the minute but sends 10,001 within the hour.
    const minuteOnly = await sendTimes({ ratePerSecond: 16, burst: 1 }, 10_001);
    expect(busiest(minuteOnly, 60_000)).toBeLessThanOrEqual(1_000);
    expect(busiest(minuteOnly, 3_600_000)).toBeGreaterThan(10_000);
  });

  it("caps concurrency and queues the rest", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, rateLimit: { maxConcurrent: 2 } });
    let peak = 0;
    const watcher = setInterval(() => (peak = Math.max(peak, rt.limiter!.inFlight)), 1);
    await Promise.all(Array.from({ length: 8 }, () => rt.fetch("/echo?delay=20")));
    clearInterval(watcher);
    expect(peak).toBeLessThanOrEqual(2);
    expect(peak).toBeGreaterThan(0);
    expect(rt.limiter!.inFlight).toBe(0);
  });

  it("spaces real requests by the configured rate", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, rateLimit: { ratePerSecond: 50, burst: 1 } });
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => rt.fetch("/echo")));
    // 6 requests at 50/s with no burst: at least 5 gaps of 20 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("waits for the server's reset instead of sending into a 429", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, rateLimit: {}, retry: false });
    ctx.server.state.rateWindow = { limit: 3, remaining: 3, resetAt: 0 };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await rt.fetch("/limited?window=60&reset=ms")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it("without the limiter, the same sequence hits 429", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, retry: false });
    ctx.server.state.rateWindow = { limit: 3, remaining: 3, resetAt: 0 };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await rt.fetch("/limited?window=5000")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("a queued request can be aborted", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, rateLimit: { maxConcurrent: 1 } });
    const slow = rt.fetch("/echo?delay=100");
    const ac = new AbortController();
    const queued = rt.fetch("/echo", { signal: ac.signal });
    ac.abort();
    await expect(queued).rejects.toMatchObject({ name: "AbortError" });
    expect((await slow).status).toBe(200);
    expect(rt.limiter!.inFlight).toBe(0);
  });
});
