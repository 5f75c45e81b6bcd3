import { afterAll, describe, expect, it } from "vitest";
import { RedisConnection } from "../src/redis-connection.js";
import { findRedisServer, MISSING_REDIS, pauseRedis, startRedis } from "./redis-server.js";

/**
 * A Redis that is connected but slow, with a command timeout longer than the one-second probe
 * interval (BFF_REDIS_TIMEOUT_MS=1500): one probe waits for it at a time (a request's command or the
 * background PING), and every other request is answered at once — not one more waiting request per second.
 */
const binary = findRedisServer();
if (!binary) console.warn(`redis-probe.test: ${MISSING_REDIS}`);
const redis = binary ? await startRedis(binary) : undefined;
afterAll(() => redis?.stop());

const TIMEOUT_MS = 1_500;

describe.skipIf(!redis)("a slow Redis with a command timeout over the probe interval", () => {
  it("has one probe waiting at a time; the other requests fail at once", async () => {
    const connection = new RedisConnection({ url: redis!.url, commandTimeoutMs: TIMEOUT_MS }, undefined);
    try {
      await connection.ready();
      await pauseRedis(redis!.port, 7_000);
      // The first command waits out the timeout and marks Redis down.
      await expect(connection.run("first", (c) => c.ping())).rejects.toThrow();
      expect(connection.state).toBe("down");
      // Requests every 150 ms for 3.6 s: the spans of those that waited must never overlap.
      const spans: [number, number][] = [];
      const calls: Promise<unknown>[] = [];
      for (let i = 0; i < 24; i++) {
        const start = performance.now();
        calls.push(connection.run("request", (c) => c.ping()).catch(() => spans.push([start, performance.now()])));
        await new Promise((r) => setTimeout(r, 150));
      }
      await Promise.all(calls);
      const waited = spans.filter(([s, e]) => e - s >= TIMEOUT_MS / 2).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < waited.length; i++) expect(waited[i]![0]).toBeGreaterThanOrEqual(waited[i - 1]![1] - 5);
      // Most requests were answered at once.
      expect(spans.length - waited.length).toBeGreaterThan(spans.length / 2);
    } finally {
      await connection.close();
    }
  }, 30_000);
});
