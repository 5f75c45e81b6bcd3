import { describe, expect, inject, it } from "vitest";
import { SlidingWindowStore, rateLimitHeaders } from "../src/index.js";
import { API_KEY, browser, manualClock, startBff } from "./helpers.js";

describe("SlidingWindowStore: exact sliding window", () => {
  it("allows `limit` hits in any window and frees one slot per expired hit", () => {
    const store = new SlidingWindowStore();
    const hit = (t: number) => store.hit("c", t, 3, 1000);
    // given: time of each hit → want: allowed, remaining, resetAt
    const table: Array<[number, boolean, number, number]> = [
      [0, true, 2, 1000],
      [100, true, 1, 1000],
      [200, true, 0, 1000],
      [999, false, 0, 1000], // window full until the first hit expires at 1000
      [1000, true, 0, 1100], // the hit at 0 left; the hit at 100 is now the oldest
      [1050, false, 0, 1100],
      [2500, true, 2, 3500], // everything expired
    ];
    for (const [t, allowed, remaining, resetAt] of table) expect(hit(t), `t=${t}`).toEqual({ allowed, limit: 3, remaining, resetAt });
  });

  it("large limits cost memory per hit, not per allowed hit: the ring grows and stays exact", () => {
    const store = new SlidingWindowStore();
    const limit = 1_000_000_000;
    for (let t = 0; t < 100; t++) expect(store.hit("big", t, limit, 1000).remaining).toBe(limit - t - 1);
    // The hits up to t=50 left the window; the order survived every growth of the ring.
    expect(store.hit("big", 1050, limit, 1000)).toEqual({ allowed: true, limit, remaining: limit - 50, resetAt: 1051 });
    const small = new SlidingWindowStore();
    const hits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((t) => small.hit("c", t, 17, 100).allowed);
    expect(hits.filter(Boolean)).toHaveLength(17);
    expect(small.hit("c", 100, 17, 100)).toEqual({ allowed: true, limit: 17, remaining: 0, resetAt: 101 });
  });

  it("keeps clients apart and forgets idle ones once full", () => {
    const store = new SlidingWindowStore(2);
    expect(store.hit("a", 0, 1, 1000).allowed).toBe(true);
    expect(store.hit("a", 1, 1, 1000).allowed).toBe(false);
    expect(store.hit("b", 2, 1, 1000).allowed).toBe(true);
    expect(store.hit("c", 5000, 1, 1000).allowed).toBe(true);
    expect(store.size).toBe(1);
  });

  it("a flood of new clients never sets a blocked one free: those under their limit make room", () => {
    const store = new SlidingWindowStore(100);
    for (let i = 0; i < 5; i++) store.hit("attacker", 0, 5, 60_000);
    expect(store.hit("attacker", 1, 5, 60_000).allowed).toBe(false);
    // 1,000 fresh ids within the same window (each a request to a 404, say).
    for (let i = 0; i < 1_000; i++) store.hit(`fresh-${i}`, 2, 5, 60_000);
    expect(store.hit("attacker", 3, 5, 60_000).allowed).toBe(false);
    expect(store.size).toBeLessThanOrEqual(101);
  });

  it("headers: X-RateLimit-* always, Retry-After in whole seconds when refused", () => {
    expect(rateLimitHeaders({ allowed: true, limit: 5, remaining: 4, resetAt: 61_500 }, 1_500)).toEqual({
      "x-ratelimit-limit": "5",
      "x-ratelimit-remaining": "4",
      "x-ratelimit-reset": "62",
    });
    expect(rateLimitHeaders({ allowed: false, limit: 5, remaining: 0, resetAt: 61_500 }, 1_600)["retry-after"]).toBe("60");
  });
});

describe("per-client rate limit in front of Prism", () => {
  const clock = manualClock();
  const windowMs = 60_000;
  const limit = 5;
  const bffP = startBff({
    upstream: { url: inject("prismUrl"), auth: { apiKey: API_KEY } },
    operations: ["listUsers"],
    cors: { origins: ["https://app.example.test"] },
    rateLimit: { limit, windowMs },
    now: clock.now,
  });

  it("a burst of 12 from one client: exactly 5 served, 7 refused with 429, Retry-After and X-RateLimit-*", async () => {
    const bff = await bffP;
    const results = await Promise.all(Array.from({ length: 12 }, () => bff.call("/api/users", { headers: browser("burst") })));
    const served = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 429);
    expect(served).toHaveLength(limit);
    expect(refused).toHaveLength(12 - limit);
    expect(served.map((r) => r.headers["x-ratelimit-remaining"]).sort()).toEqual(["0", "1", "2", "3", "4"]);
    const resetSec = String(Math.ceil((clock.now() + windowMs) / 1000));
    for (const r of refused) {
      expect(r.json).toMatchObject({ error: { code: "RATE_LIMITED" }, request_id: r.headers["x-request-id"] });
      expect(r.headers).toMatchObject({ "retry-after": "60", "x-ratelimit-limit": "5", "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetSec });
      expect(r.headers["access-control-allow-origin"]).toBe("https://app.example.test");
    }
    // Another client has its own window.
    expect((await bff.call("/api/users", { headers: browser("other") })).status).toBe(200);
  });

  it("the window slides: slots come back as the earlier hits expire", async () => {
    const bff = await bffP;
    expect((await bff.call("/api/users", { headers: browser("burst") })).status).toBe(429);
    clock.advance(windowMs - 1);
    expect((await bff.call("/api/users", { headers: browser("burst") })).status).toBe(429);
    clock.advance(1);
    const again = await Promise.all(Array.from({ length: 7 }, () => bff.call("/api/users", { headers: browser("burst") })));
    expect(again.filter((r) => r.status === 200)).toHaveLength(limit);
    expect(again.filter((r) => r.status === 429)).toHaveLength(2);
  });

  it("identification first: no X-Client-ID → 401, malformed → 400, and neither spends a slot", async () => {
    const bff = await bffP;
    const none = await bff.call("/api/users", { headers: { origin: "https://app.example.test" } });
    expect(none.status).toBe(401);
    expect(none.json.error).toMatchObject({ code: "UNAUTHORIZED", message: "Missing client identification (X-Client-ID header)" });
    const bad = await bff.call("/api/users", { headers: browser("has spaces") });
    expect(bad.status).toBe(400);
    expect((await bff.call("/api/users", { headers: browser("fresh") })).headers["x-ratelimit-remaining"]).toBe("4");
  });
});

describe("client identification options", () => {
  const upstream = inject("prismUrl");
  it("allowed list → 403 for others; session cookie identifies; anonymous callers share a bucket per address", async () => {
    const bff = await startBff({
      upstream: { url: upstream, auth: { apiKey: API_KEY } },
      operations: ["listUsers"],
      clients: { allowed: ["web"], sessionCookie: "sid" },
      rateLimit: { limit: 2, windowMs: 60_000 },
    });
    expect((await bff.call("/api/users", { headers: { "x-client-id": "web" } })).status).toBe(200);
    expect((await bff.call("/api/users", { headers: { "x-client-id": "ios" } })).json.error.code).toBe("FORBIDDEN");

    const anon = await startBff({
      upstream: { url: upstream, auth: { apiKey: API_KEY } },
      operations: ["listUsers"],
      clients: { required: false, sessionCookie: "sid" },
      rateLimit: { limit: 2, windowMs: 60_000 },
    });
    const session = { cookie: "theme=dark; sid=abc123" };
    expect((await anon.call("/api/users", { headers: session })).headers["x-ratelimit-remaining"]).toBe("1");
    expect((await anon.call("/api/users", { headers: session })).headers["x-ratelimit-remaining"]).toBe("0");
    expect((await anon.call("/api/users", { headers: session })).status).toBe(429);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await anon.call("/api/users")).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
