import { describe, expect, it } from "vitest";
import { computeBackoff, parseResetHeader, retryAfterMs } from "../src/index.js";
import { sleep } from "../src/clock.js";
import { seeded } from "./fault-server.js";

describe("computeBackoff (property checks over many random draws)", () => {
  const rand = seeded(42);
  it.each(["full", "equal", "none"] as const)("%s jitter stays within [floor, min(cap, base·m^n)]", (jitter) => {
    for (let i = 0; i < 5000; i++) {
      const initialDelayMs = 1 + Math.floor(rand() * 1000);
      const maxDelayMs = initialDelayMs + Math.floor(rand() * 20_000);
      const multiplier = 1 + rand() * 3;
      const retry = Math.floor(rand() * 80);
      const ceiling = Math.min(maxDelayMs, initialDelayMs * multiplier ** Math.min(retry, 64));
      const d = computeBackoff(retry, { initialDelayMs, maxDelayMs, multiplier, jitter }, rand);
      const floor = jitter === "full" ? 0 : jitter === "equal" ? ceiling / 2 : ceiling;
      expect(Number.isFinite(d)).toBe(true);
      expect(d).toBeGreaterThanOrEqual(floor);
      expect(d).toBeLessThanOrEqual(ceiling);
    }
  });

  it("grows exponentially until the cap", () => {
    const opts = { initialDelayMs: 100, maxDelayMs: 1000, jitter: "none" as const };
    expect([0, 1, 2, 3, 4, 10].map((n) => computeBackoff(n, opts))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it("jitter actually spreads values", () => {
    const values = new Set(Array.from({ length: 100 }, () => computeBackoff(3, {}, rand)));
    expect(values.size).toBeGreaterThan(90);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  const res = (status: number, headers: Record<string, string>) => new Response(null, { status, headers });

  it("reads delta seconds, HTTP dates and retry-after-ms (which wins)", () => {
    expect(retryAfterMs(res(503, { "retry-after": "3" }), now)).toBe(3000);
    expect(retryAfterMs(res(503, { "retry-after": "1.5" }), now)).toBe(1500);
    expect(retryAfterMs(res(503, { "retry-after": "Thu, 01 Jan 2026 00:00:10 GMT" }), now)).toBe(10_000);
    expect(retryAfterMs(res(503, { "retry-after": "Wed, 31 Dec 2025 00:00:10 GMT" }), now)).toBe(0);
    expect(retryAfterMs(res(429, { "retry-after": "3", "retry-after-ms": "250" }), now)).toBe(250);
    expect(retryAfterMs(res(503, { "retry-after": "soon" }), now)).toBeUndefined();
  });

  it("reads a Retry-After sent twice by its first value, and never a malformed one as a date long past", () => {
    const twice = new Headers();
    twice.append("retry-after", "5");
    twice.append("retry-after", "5");
    expect(twice.get("retry-after")).toBe("5, 5");
    expect(retryAfterMs(new Response(null, { status: 429, headers: twice }), now)).toBe(5000);
    // V8's Date.parse reads each of these as a date in the past: a wait of 0, retries at once.
    for (const value of ["-5", "try again 1", "5 5", "-1, 3"]) {
      expect(Date.parse(value), value).not.toBeNaN();
      expect(retryAfterMs(res(429, { "retry-after": value }), now), value).toBeUndefined();
    }
    expect(retryAfterMs(res(503, { "retry-after": "Thursday, 01-Jan-26 00:00:10 GMT" }), now)).toBe(10_000); // RFC 850, obsolete but allowed
    expect(retryAfterMs(res(503, { "retry-after": "Thu Jan  1 00:00:10 2026" }), now)).toBe(10_000 + new Date(now).getTimezoneOffset() * 60_000); // asctime
  });

  it("uses X-RateLimit-Reset only when the quota is exhausted", () => {
    const epoch = String(now / 1000 + 20);
    expect(retryAfterMs(res(429, { "x-ratelimit-reset": epoch }), now)).toBe(20_000);
    expect(retryAfterMs(res(429, { "x-ratelimit-reset": "5" }), now)).toBe(5000);
    expect(retryAfterMs(res(503, { "x-ratelimit-reset": "5", "x-ratelimit-remaining": "0" }), now)).toBe(5000);
    expect(retryAfterMs(res(503, { "x-ratelimit-reset": "5", "x-ratelimit-remaining": "10" }), now)).toBeUndefined();
  });

  it("parseResetHeader tells epoch seconds, epoch ms and deltas apart", () => {
    expect(parseResetHeader("30", now)).toBe(now + 30_000);
    expect(parseResetHeader(String(now / 1000), now)).toBe(now);
    expect(parseResetHeader(String(now), now)).toBe(now);
    expect(parseResetHeader("x", now)).toBeUndefined();
    expect(parseResetHeader(null, now)).toBeUndefined();
  });
});

describe("sleep", () => {
  it("a wait past 2^31 - 1 ms (a reset header years ahead) waits, where setTimeout alone fires at once", async () => {
    const stop = new AbortController();
    const settled = sleep(3_000_000_000, stop.signal).then(
      () => "resolved",
      () => "aborted",
    );
    const first = await Promise.race([settled, new Promise((r) => setTimeout(() => r("still waiting"), 50))]);
    expect(first).toBe("still waiting");
    stop.abort();
    expect(await settled).toBe("aborted");
  });
});
