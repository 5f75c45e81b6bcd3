import { randomUUID } from "node:crypto";
import type { IdempotencyStore } from "@specforge/runtime";
import type { Redis } from "ioredis";
import type { RedisConnection } from "./redis-connection.js";

/** Deletes a claim only if it is still the one this attempt wrote. KEYS[1] = claim; ARGV[1] = token. */
const UNDO_LUA = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
/** Cleanups kept while Redis is away; beyond this the oldest are dropped (their claims expire with the TTL). */
const MAX_PENDING = 10_000;

type WithScript = Redis & { bffUndoClaim(key: string, token: string): Promise<number> };

/**
 * Webhook delivery ids in Redis: `SET key token NX PX ttl`, so of all instances exactly one claims
 * a delivery. Errors are thrown (the receiver answers 503 and the sender retries), never guessed.
 * Two cleanups make that safe: a claim whose answer was lost (timeout, dropped connection) may
 * still have been written, so it is undone by token, right away or once Redis is back — otherwise
 * the retry would be taken for a duplicate and the event lost; and a release (failed handler) that
 * could not reach Redis is retried once it is back.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly client: WithScript;
  /** claim key → token of a claim that may or may not have been written. */
  private readonly undo = new Map<string, string>();
  private readonly releases = new Set<string>();

  constructor(
    private readonly connection: RedisConnection,
    private readonly prefix: string,
  ) {
    this.client = connection.client as WithScript;
    if (!("bffUndoClaim" in this.client)) connection.client.defineCommand("bffUndoClaim", { numberOfKeys: 1, lua: UNDO_LUA });
    connection.onUp(() => void this.flush());
  }

  /** Cleanups still waiting for Redis (tests, health). */
  get pending(): number {
    return this.undo.size + this.releases.size;
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    const key = `${this.prefix}wh:${id}`;
    const token = randomUUID();
    try {
      return (await this.connection.run("webhook dedupe", (c) => c.set(key, token, "PX", Math.max(1, Math.ceil(ttlMs)), "NX"))) === "OK";
    } catch (e) {
      this.remember(this.undo, key, token);
      // On a slow but open connection this runs right behind the SET, before any retry can arrive.
      void this.flush();
      throw e;
    }
  }

  async release(id: string): Promise<void> {
    const key = `${this.prefix}wh:${id}`;
    this.releases.delete(key);
    try {
      await this.connection.run("webhook dedupe", (c) => c.del(key));
    } catch (e) {
      this.releases.add(key);
      if (this.releases.size > MAX_PENDING) this.releases.delete(this.releases.values().next().value!);
      throw e;
    }
  }

  private remember(map: Map<string, string>, key: string, token: string): void {
    map.set(key, token);
    if (map.size > MAX_PENDING) map.delete(map.keys().next().value!);
  }

  /** Sends the waiting cleanups straight to the client (not through the probe gate); failures stay queued. */
  private async flush(): Promise<void> {
    const jobs: Array<Promise<unknown>> = [];
    for (const [key, token] of this.undo) {
      jobs.push(this.client.bffUndoClaim(key, token).then(() => this.undo.get(key) === token && this.undo.delete(key), () => undefined));
    }
    for (const key of this.releases) jobs.push(this.client.del(key).then(() => this.releases.delete(key), () => undefined));
    await Promise.all(jobs);
  }
}
