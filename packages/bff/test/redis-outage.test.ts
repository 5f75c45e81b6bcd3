import { webhookEvents } from "@specforge/mocks";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { BffConfig } from "../src/index.js";
import { API_KEY, browser, manualClock, startBff, type RunningBff } from "./helpers.js";
import { findRedisServer, MISSING_REDIS, pauseRedis as pauseServer, startRedis } from "./redis-server.js";

/**
 * The failure policy, live: Redis is killed mid-test (SIGKILL) and restarted, then paused (slow).
 * Instance A fails open, instance B fails closed; both have the webhook receiver. Neither is
 * restarted, nothing may crash or leave an unhandled rejection.
 */
const binary = findRedisServer();
if (!binary) console.warn(`redis-outage.test: ${MISSING_REDIS}`);
const redis = binary ? await startRedis(binary) : undefined;

const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);
process.on("unhandledRejection", onUnhandled);
process.on("uncaughtException", onUnhandled);
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  process.off("uncaughtException", onUnhandled);
  await redis?.stop();
});

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const LIMIT = 3;
// Long enough that a healthy reply read late on a loaded machine does not count as an outage, short
// enough to tell "each request waits it out" apart in the slow test.
const COMMAND_TIMEOUT_MS = 500;
const clock = manualClock(Date.UTC(2026, 5, 1, 12));
const handled: string[] = [];

function config(rateLimitOnFailure: "open" | "closed"): Omit<BffConfig, "logger"> {
  return {
    upstream: { url: inject("prismUrl"), auth: { apiKey: API_KEY } },
    operations: ["listUsers"],
    cors: { origins: ["https://app.example.test"] },
    rateLimit: { limit: LIMIT, windowMs: 60_000 },
    webhook: { secret: SECRET, onEvent: (_event, d) => void handled.push(d.id) },
    redis: { url: redis!.url, rateLimitOnFailure, commandTimeoutMs: COMMAND_TIMEOUT_MS, keyPrefix: "outage:" },
    now: clock.now,
  };
}
const [open, closed] = redis ? await Promise.all([startBff(config("open")), startBff(config("closed"))]) : [];
const A = open as RunningBff;
const B = closed as RunningBff;

function delivery(id: string): RequestInit {
  const payload = JSON.stringify(webhookEvents["order.created"]);
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
const users = (bff: RunningBff, client = "web-app") => bff.call("/api/users", { headers: browser(client) });
const health = async (bff: RunningBff) => (await bff.call("/healthz")).json;
const lines = (bff: RunningBff, message: string) => bff.logs.filter((l) => JSON.parse(l).message === message).map((l) => JSON.parse(l));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - t0;
}

/** `CLIENT PAUSE <ms> ALL` from a throwaway connection: Redis stops answering everyone for a while. */
const pauseRedis = (ms: number) => pauseServer(redis!.port, ms);

describe.skipIf(!redis)("Redis outage: documented failure policy, no crash, recovery without restarting the BFF", () => {
  it("before: both instances share Redis; one webhook is processed", async () => {
    expect((await users(A)).headers["x-ratelimit-remaining"]).toBe("2");
    expect((await users(B)).headers["x-ratelimit-remaining"]).toBe("1");
    expect((await A.call("/webhooks", delivery("msg_before"))).json.duplicate).toBe(false);
    await A.bff.idle();
    expect(await health(A)).toMatchObject({ status: "ok", redis: { state: "up" } });
  });

  it("Redis killed: one log line and a degraded health per instance; A serves (limited per instance), B answers 503, webhooks 503", async () => {
    await redis!.kill();
    await waitFor("health to show Redis down", async () => (await health(A)).redis.state === "down" && (await health(B)).redis.state === "down");
    expect(await health(A)).toMatchObject({ status: "degraded", stores: { rateLimit: "redis", webhooks: "redis" }, redis: { state: "down", onFailure: { rateLimit: "open", webhooks: "closed" } } });

    // Open: served, counted by A's own memory, so still limited (never unlimited).
    const served = [];
    for (let i = 0; i < LIMIT + 1; i++) served.push(await users(A));
    expect(served.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(served[0]!.headers["x-ratelimit-remaining"]).toBe(String(LIMIT - 1));

    // Closed: 503 in the spec's envelope with Retry-After, never a 500 or a hang.
    const refused = await users(B);
    expect(refused.status).toBe(503);
    expect(refused.json).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });
    expect(refused.headers["retry-after"]).toBe("2");

    // Webhooks fail closed: 503 so the sender retries; not acked as duplicate, not handled.
    for (const [bff, id] of [[A, "msg_during"], [B, "msg_before"]] as const) {
      const r = await bff.call("/webhooks", delivery(id));
      expect(r.status).toBe(503);
      expect(r.headers["retry-after"]).toBe("2");
    }
    await Promise.all([A.bff.idle(), B.bff.idle()]);
    expect(handled).toEqual(["msg_before"]);

    // One line per state change, not per request.
    for (const bff of [A, B]) expect(lines(bff, "bff.redis.down")).toHaveLength(1);
    expect(lines(A, "bff.redis.down")[0]).toMatchObject({ level: "error", rateLimit: expect.stringMatching(/^open: /), webhooks: expect.stringMatching(/^closed: 503/) });
    expect(lines(B, "bff.redis.down")[0]).toMatchObject({ rateLimit: expect.stringMatching(/^closed: 503/) });
  });

  it("Redis restarted: both instances reconnect by themselves; shared limits and dedupe records survived (append-only file)", async () => {
    await redis!.restart();
    const ms = await waitFor("health to show Redis up", async () => (await health(A)).redis.state === "up" && (await health(B)).redis.state === "up");
    expect(ms).toBeLessThan(5_000);
    for (const bff of [A, B]) {
      expect(lines(bff, "bff.redis.up")).toHaveLength(2); // the start and the recovery
      expect(lines(bff, "bff.redis.up")[1]!.downForMs).toBeGreaterThan(0);
      expect(lines(bff, "bff.redis.down")).toHaveLength(1);
    }
    // The two hits from before the crash are still counted: 1 slot left, on whichever instance.
    expect((await users(B)).headers["x-ratelimit-remaining"]).toBe("0");
    expect((await users(A)).status).toBe(429);
    // The sender's retry of the refused delivery is processed now; the delivered one stays a duplicate.
    expect((await B.call("/webhooks", delivery("msg_during"))).json).toEqual({ received: true, duplicate: false });
    expect((await A.call("/webhooks", delivery("msg_before"))).json).toEqual({ received: true, duplicate: true });
    await Promise.all([A.bff.idle(), B.bff.idle()]);
    expect(handled).toEqual(["msg_before", "msg_during"]);
  });

  it("Redis slow (paused 4 s): answers after the command timeout, same policy; a claim that timed out is undone, so the retry is processed", async () => {
    // Long enough for the 500 ms timeout and the five requests below (at most 5 × 500 ms) before Redis is back.
    const pause = 4_000;
    await pauseRedis(pause);
    const t0 = performance.now();
    const [a, b, hook] = await Promise.all([users(A, "slow-client"), users(B, "slow-client"), A.call("/webhooks", delivery("msg_slow"))]);
    // Answered after the 500 ms timeout, long before Redis is back.
    expect(performance.now() - t0).toBeLessThan(pause - 1_000);
    expect([a.status, b.status, hook.status]).toEqual([200, 503, 503]);
    // While it stays slow, requests do not each wait out the timeout (one probe per second does).
    const t1 = performance.now();
    for (let i = 0; i < 5; i++) expect((await users(A, "slow-client")).status).toBe(i < LIMIT - 1 ? 200 : 429);
    expect(performance.now() - t1).toBeLessThan(5 * COMMAND_TIMEOUT_MS);

    await waitFor("Redis to answer again", async () => (await health(A)).redis.state === "up" && (await health(B)).redis.state === "up");
    // The SET of the timed-out claim ran once Redis resumed; its undo ran right behind it.
    const retry = await B.call("/webhooks", delivery("msg_slow"));
    expect(retry.json).toEqual({ received: true, duplicate: false });
    await Promise.all([A.bff.idle(), B.bff.idle()]);
    expect(handled.filter((id) => id === "msg_slow")).toHaveLength(1);
    for (const bff of [A, B]) {
      expect(lines(bff, "bff.redis.down")).toHaveLength(2);
      expect(lines(bff, "bff.redis.up")).toHaveLength(3);
    }
  });

  it("through all of it: no crash, no unhandled rejection, every request answered", () => {
    expect(unhandled).toEqual([]);
    expect([...A.transcript, ...B.transcript].every((t) => /^(200|429|503) /.test(t))).toBe(true);
  });
});
