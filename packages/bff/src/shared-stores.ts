import type { IdempotencyStore, Logger } from "@specforge/runtime";
import { DEFAULTS, type BffConfig } from "./config.js";
import { FailoverRateLimitStore } from "./rate-limit-failover.js";
import { SlidingWindowStore, type RateLimitStore } from "./rate-limit.js";
import { RedisConnection, type RedisState } from "./redis-connection.js";
import { RedisIdempotencyStore } from "./redis-idempotency.js";
import { RedisSlidingWindowStore } from "./redis-rate-limit.js";

export type StoreKind = "memory" | "redis" | "custom" | "off";

export interface SharedStores {
  /** undefined when the rate limit is off. */
  rateLimit: RateLimitStore | undefined;
  /** undefined: the receiver makes its in-memory store (or there is no receiver). */
  webhook: IdempotencyStore | undefined;
  kinds: { rateLimit: StoreKind; webhooks: StoreKind };
  redis: RedisConnection | undefined;
  /** What each store does while Redis is down (health route, log line). */
  policy: { rateLimit: "open" | "closed"; webhooks: "closed" };
  state(): RedisState | "off";
  /** Resolves once Redis is connected or its connect timeout passed; at once without Redis. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Picks each store: an explicit `store` in the config, else Redis when `redis` is set, else memory.
 * One Redis connection serves both Redis stores.
 */
export function createStores(config: BffConfig, log: Logger | undefined): SharedStores {
  const policy = { rateLimit: config.redis?.rateLimitOnFailure ?? DEFAULTS.rateLimitOnRedisFailure, webhooks: "closed" as const };
  const uses = { rateLimit: config.rateLimit !== false && !config.rateLimit?.store, webhooks: config.webhook !== undefined && !config.webhook.store };
  const redis = config.redis && (uses.rateLimit || uses.webhooks) ? new RedisConnection(config.redis, log, uses) : undefined;
  const prefix = config.redis?.keyPrefix ?? DEFAULTS.redisKeyPrefix;

  let rateLimit: RateLimitStore | undefined;
  let rateLimitKind: StoreKind = "off";
  if (config.rateLimit !== false) {
    if (config.rateLimit?.store) [rateLimit, rateLimitKind] = [config.rateLimit.store, "custom"];
    else if (redis) [rateLimit, rateLimitKind] = [new FailoverRateLimitStore(new RedisSlidingWindowStore(redis, prefix), policy.rateLimit), "redis"];
    else [rateLimit, rateLimitKind] = [new SlidingWindowStore(), "memory"];
  }
  let webhook: IdempotencyStore | undefined;
  let webhookKind: StoreKind = "off";
  if (config.webhook) {
    if (config.webhook.store) [webhook, webhookKind] = [config.webhook.store, "custom"];
    else if (redis) [webhook, webhookKind] = [new RedisIdempotencyStore(redis, prefix), "redis"];
    else webhookKind = "memory";
  }
  return {
    rateLimit,
    webhook,
    kinds: { rateLimit: rateLimitKind, webhooks: webhookKind },
    redis,
    policy,
    state: () => redis?.state ?? "off",
    ready: () => redis?.ready() ?? Promise.resolve(),
    close: () => redis?.close() ?? Promise.resolve(),
  };
}
