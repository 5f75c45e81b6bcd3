import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { RateLimitResult, RateLimitStore } from "./rate-limit.js";
import type { RedisConnection } from "./redis-connection.js";

/**
 * One hit, atomically: drop the hits that left the window, count, add this one if there is room,
 * and report the oldest hit still counted. A sorted set per client (score = time of the hit),
 * the same exact sliding log as the in-memory store; refused hits are not recorded. The set
 * expires one window after its newest hit, so idle clients cost nothing.
 * KEYS[1] = the client's set; ARGV = now, cutoff (now - window, inclusive), limit, window, member.
 */
const SLIDING_WINDOW_LUA = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
local count = redis.call('ZCARD', KEYS[1])
local limit = tonumber(ARGV[3])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[5])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  count = count + 1
  allowed = 1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {allowed, math.max(0, limit - count), oldest[2] or ARGV[1]}
`;

type WithScript = Redis & { bffSlidingWindow(key: string, ...args: Array<string | number>): Promise<[number, number, string]> };

/**
 * The sliding-window rate limit in Redis, shared by every BFF instance on it: with N instances a
 * client still gets `limit` per window in total. One script call per hit (no read-then-write
 * race). Times are the BFF's clock (`config.now`), so keep the instances' clocks in sync (NTP);
 * a skew of d ms moves a window edge by d ms.
 */
export class RedisSlidingWindowStore implements RateLimitStore {
  private readonly client: WithScript;
  /** Members must be unique even for hits in the same millisecond from several instances. */
  private readonly instance = randomUUID().slice(0, 8);
  private seq = 0;

  constructor(
    private readonly connection: RedisConnection,
    private readonly prefix: string,
  ) {
    this.client = connection.client as WithScript;
    // EVALSHA, with a fallback to EVAL after a Redis restart emptied the script cache.
    if (!("bffSlidingWindow" in this.client)) connection.client.defineCommand("bffSlidingWindow", { numberOfKeys: 1, lua: SLIDING_WINDOW_LUA });
  }

  async hit(key: string, now: number, limit: number, windowMs: number): Promise<RateLimitResult> {
    const member = `${now}:${this.instance}:${(this.seq = (this.seq + 1) % Number.MAX_SAFE_INTEGER)}`;
    const [allowed, remaining, oldest] = await this.connection.run("rate limit", (c) =>
      (c as WithScript).bffSlidingWindow(`${this.prefix}rl:${key}`, now, now - windowMs, limit, Math.ceil(windowMs), member),
    );
    return { allowed: allowed === 1, limit, remaining, resetAt: Number(oldest) + windowMs };
  }
}
