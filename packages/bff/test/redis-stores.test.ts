import { afterAll, describe, expect, it, vi } from "vitest";
import {
  FailoverRateLimitStore,
  RedisConnection,
  RedisIdempotencyStore,
  RedisSlidingWindowStore,
  SlidingWindowStore,
  StoreUnavailableError,
  type RateLimitStore,
} from "../src/index.js";
import { captureLogger } from "./helpers.js";
import { findRedisServer, MISSING_REDIS, startRedis } from "./redis-server.js";

const binary = findRedisServer();
if (!binary) console.warn(`redis-stores.test: ${MISSING_REDIS}`);
const redis = binary ? await startRedis(binary) : undefined;
const connections: RedisConnection[] = [];
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await redis?.stop();
});

/**
 * A connection as one BFF instance has it. No command timeout is under test here: a generous one,
 * so a loaded machine that answers late does not turn a reply into StoreUnavailableError.
 */
async function connect(): Promise<RedisConnection> {
  const c = new RedisConnection({ url: redis!.url, commandTimeoutMs: 5_000 }, captureLogger());
  connections.push(c);
  await c.ready();
  return c;
}

let prefixes = 0;
const freshPrefix = () => `test:${++prefixes}:`;

describe.skipIf(!redis)("Redis stores against a real Redis 7", () => {
  it.each(["memory", "redis"])("%s: the same exact sliding window (one table for both stores)", async (kind) => {
    const store: RateLimitStore = kind === "memory" ? new SlidingWindowStore() : new RedisSlidingWindowStore(await connect(), freshPrefix());
    const t0 = Date.UTC(2026, 0, 1);
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
    for (const [t, allowed, remaining, resetAt] of table) {
      expect(await store.hit("c", t0 + t, 3, 1000), `t=${t}`).toEqual({ allowed, limit: 3, remaining, resetAt: t0 + resetAt });
    }
  });

  it("exact under concurrency: 3 instances × 100 simultaneous hits on one key, limit 100 → exactly 100 allowed", async () => {
    const prefix = freshPrefix();
    const stores = await Promise.all([0, 1, 2].map(async () => new RedisSlidingWindowStore(await connect(), prefix)));
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => stores[i % 3]!.hit("burst", now + (i % 7), 100, 60_000)));
    const allowed = results.filter((r) => r.allowed);
    expect(allowed).toHaveLength(100);
    // Every remaining count from 99 down to 0 was handed out exactly once: no two hits saw the same count.
    expect(allowed.map((r) => r.remaining).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (const r of results.filter((x) => !x.allowed)) expect(r).toMatchObject({ remaining: 0, limit: 100 });
  });

  it("keys expire one window after the newest hit (idle clients cost nothing)", async () => {
    const prefix = freshPrefix();
    const c = await connect();
    // A window long enough that a loaded machine still reads the TTL before it runs out (80 ms left little room).
    const windowMs = 500;
    await new RedisSlidingWindowStore(c, prefix).hit("idle", Date.now(), 5, windowMs);
    const ttl = await c.client.pttl(`${prefix}rl:idle`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(windowMs);
    await vi.waitFor(async () => expect(await c.client.exists(`${prefix}rl:idle`)).toBe(0), { timeout: 10_000, interval: 50 });
  });

  it("webhook ids: one claim wins across instances, release frees it, the TTL forgets it", async () => {
    const prefix = freshPrefix();
    const [a, b] = [new RedisIdempotencyStore(await connect(), prefix), new RedisIdempotencyStore(await connect(), prefix)];
    const claims = await Promise.all([a.claim("msg_1", 60_000), b.claim("msg_1", 60_000), a.claim("msg_1", 60_000), b.claim("msg_1", 60_000)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await a.release("msg_1");
    expect(await b.claim("msg_1", 60_000)).toBe(true);
    expect(await a.claim("msg_short", 50)).toBe(true);
    await new Promise((r) => setTimeout(r, 120));
    expect(await b.claim("msg_short", 50)).toBe(true);
  });

  it("failure policy of the rate limit: open counts locally, closed throws StoreUnavailableError", async () => {
    const failing: RateLimitStore = {
      hit: () => Promise.reject(new StoreUnavailableError("rate limit", "Redis is down")),
    };
    const open = new FailoverRateLimitStore(failing, "open");
    const hits = [];
    for (let t = 0; t < 3; t++) hits.push(await open.hit("c", t, 2, 1000));
    expect(hits.map((h) => h.allowed)).toEqual([true, true, false]);
    await expect(new FailoverRateLimitStore(failing, "closed").hit("c", 0, 2, 1000)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
