import { webhookEvents } from "@specforge/mocks";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { BffConfig, WebhookEvent } from "../src/index.js";
import { API_KEY, browser, manualClock, startBff, type Captured, type RunningBff } from "./helpers.js";
import { findRedisServer, MISSING_REDIS, startRedis } from "./redis-server.js";

/**
 * What a load balancer sees: three BFF instances (each its own createBff, node server and Redis
 * connection) in front of one Prism, sharing one Redis. Requests are spread round-robin.
 */
const binary = findRedisServer();
if (!binary) console.warn(`redis-instances.test: ${MISSING_REDIS}`);
const redis = binary ? await startRedis(binary) : undefined;
afterAll(() => redis?.stop());

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const LIMIT = 10;
const WINDOW_MS = 60_000;
const clock = manualClock(Date.UTC(2026, 5, 1, 12));
const handled: Array<{ instance: number; event: WebhookEvent; id: string }> = [];
let failNext = false;

function config(instance: number, shared: boolean): Omit<BffConfig, "logger"> {
  return {
    upstream: { url: inject("prismUrl"), auth: { apiKey: API_KEY } },
    operations: ["listUsers"],
    cors: { origins: ["https://app.example.test"] },
    rateLimit: { limit: LIMIT, windowMs: WINDOW_MS },
    webhook: {
      secret: SECRET,
      onEvent: (event, delivery) => {
        if (failNext) {
          failNext = false;
          throw new Error("database down");
        }
        handled.push({ instance, event, id: delivery.id });
      },
    },
    // No command timeout is under test here: a generous one, so a loaded machine that reads a reply late
    // does not fail a burst over to the instance's memory (and break the exact counts).
    ...(shared ? { redis: { url: redis!.url, commandTimeoutMs: 5_000 } } : {}),
    now: clock.now,
  };
}

const start = (shared: boolean): Promise<RunningBff[]> => Promise.all([0, 1, 2].map((i) => startBff(config(i, shared))));
const instances = redis ? await start(true) : [];

/** A burst sent all at once, request i to instance i mod n. */
const burst = (bffs: RunningBff[], n: number, clientId: string): Promise<Captured[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => bffs[i % bffs.length]!.call("/api/users", { headers: browser(clientId) })));

function delivery(payload: string, id: string): RequestInit {
  const at = new Date(clock.now());
  return {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(SECRET).sign(id, at, payload),
    },
    body: payload,
  };
}
const orderCreated = JSON.stringify(webhookEvents["order.created"]);
const idle = () => Promise.all(instances.map((b) => b.bff.idle()));

describe.skipIf(!redis)("three BFF instances on one Redis", () => {
  it("the contrast: with in-memory stores a burst of 3 × limit across three instances is served 3 × limit times", async () => {
    const memory = await start(false);
    const results = await burst(memory, 3 * LIMIT, "memory-client");
    expect(results.filter((r) => r.status === 200)).toHaveLength(3 * LIMIT);
  });

  it("a burst of 3 × limit for one client spread across them: exactly `limit` served, every 429 with Retry-After and X-RateLimit-*", async () => {
    const results = await burst(instances, 3 * LIMIT, "web-app");
    const served = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 429);
    expect(served).toHaveLength(LIMIT);
    expect(refused).toHaveLength(2 * LIMIT);
    // Every remaining count was handed out once, whichever instance served it.
    expect(served.map((r) => Number(r.headers["x-ratelimit-remaining"])).sort((a, b) => a - b)).toEqual(Array.from({ length: LIMIT }, (_, i) => i));
    const reset = String(Math.ceil((clock.now() + WINDOW_MS) / 1000));
    for (const r of refused) {
      expect(r.json).toMatchObject({ error: { code: "RATE_LIMITED" }, request_id: r.headers["x-request-id"] });
      expect(r.headers).toMatchObject({ "retry-after": "60", "x-ratelimit-limit": String(LIMIT), "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset });
      expect(r.headers["access-control-allow-origin"]).toBe("https://app.example.test");
    }
  });

  it("the window slides for all instances together; Retry-After counts down to the oldest hit's expiry", async () => {
    clock.advance(20_000);
    for (const bff of instances) {
      const r = await bff.call("/api/users", { headers: browser("web-app") });
      expect(r.status).toBe(429);
      expect(r.headers["retry-after"]).toBe("40");
    }
    clock.advance(40_000);
    const again = await burst(instances, 3 * LIMIT, "web-app");
    expect(again.filter((r) => r.status === 200)).toHaveLength(LIMIT);
    // Another client has its own window.
    expect((await instances[1]!.call("/api/users", { headers: browser("other-app") })).headers["x-ratelimit-remaining"]).toBe(String(LIMIT - 1));
  });

  it("the same webhook delivered to two instances at once is processed once", async () => {
    const [a, b] = await Promise.all([instances[0]!.call("/webhooks", delivery(orderCreated, "msg_twice")), instances[1]!.call("/webhooks", delivery(orderCreated, "msg_twice"))]);
    const late = await instances[2]!.call("/webhooks", delivery(orderCreated, "msg_twice"));
    await idle();
    expect([a.status, b.status, late.status]).toEqual([200, 200, 200]);
    expect([a.json.duplicate, b.json.duplicate].sort()).toEqual([false, true]);
    expect(late.json).toEqual({ received: true, duplicate: true });
    expect(handled.filter((h) => h.id === "msg_twice")).toHaveLength(1);
  });

  it("a failed handler on one instance releases the claim: the redelivery to another is processed", async () => {
    failNext = true;
    expect((await instances[0]!.call("/webhooks", delivery(orderCreated, "msg_retry"))).json.duplicate).toBe(false);
    await idle();
    expect(handled.filter((h) => h.id === "msg_retry")).toHaveLength(0);
    expect((await instances[2]!.call("/webhooks", delivery(orderCreated, "msg_retry"))).json.duplicate).toBe(false);
    await idle();
    expect(handled.filter((h) => h.id === "msg_retry").map((h) => h.instance)).toEqual([2]);
  });

  it("/healthz reports the shared stores and Redis up", async () => {
    const r = await instances[0]!.call("/healthz");
    expect(r.status).toBe(200);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.json).toMatchObject({ status: "ok", stores: { rateLimit: "redis", webhooks: "redis" }, redis: { state: "up", onFailure: { rateLimit: "open", webhooks: "closed" } } });
    expect(instances[0]!.logs.filter((l) => l.includes("bff.redis.up"))).toHaveLength(1);
  });
});
