import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, inject, it } from "vitest";
import { BffConfigError, configFromEnv, createBff, ENV_VARS, type BffConfig } from "../src/index.js";
import { API_KEY, browser, startBff } from "./helpers.js";

const base = {
  BFF_UPSTREAM_URL: "https://api.example.com/v1",
  BFF_OPERATIONS: "listUsers",
  BFF_API_KEY: "sk_live_0123456789",
};

function problems(env: Record<string, string>): string[] {
  try {
    configFromEnv(env);
  } catch (e) {
    expect(e).toBeInstanceOf(BffConfigError);
    return (e as BffConfigError).problems;
  }
  return [];
}

/** A port nothing listens on: Redis "down" from the start, without needing redis-server. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe("Redis and health options", () => {
  it("configFromEnv: BFF_REDIS_* and BFF_HEALTH_PATH become plain fields of BffConfig", () => {
    const config = configFromEnv({
      ...base,
      BFF_REDIS_URL: "redis://:s3cret-redis-pw@redis.internal:6379/2",
      BFF_REDIS_KEY_PREFIX: "shop:",
      BFF_REDIS_TIMEOUT_MS: "100",
      BFF_REDIS_CONNECT_TIMEOUT_MS: "1500",
      BFF_REDIS_RATE_LIMIT_ON_FAILURE: "closed",
      BFF_HEALTH_PATH: "/health",
    });
    expect(config.redis).toEqual({ url: "redis://:s3cret-redis-pw@redis.internal:6379/2", keyPrefix: "shop:", commandTimeoutMs: 100, connectTimeoutMs: 1500, rateLimitOnFailure: "closed" });
    expect(config.health).toEqual({ path: "/health" });
    expect(configFromEnv({ ...base, BFF_HEALTH_PATH: "off" }).health).toBe(false);
    expect(configFromEnv(base).redis).toBeUndefined();
    for (const name of ["BFF_REDIS_URL", "BFF_REDIS_KEY_PREFIX", "BFF_REDIS_TIMEOUT_MS", "BFF_REDIS_CONNECT_TIMEOUT_MS", "BFF_REDIS_RATE_LIMIT_ON_FAILURE", "BFF_HEALTH_PATH"]) {
      expect(ENV_VARS[name], name).toMatch(/default/);
    }
  });

  it.each<{ given: Record<string, string>; want: string }>([
    { given: { BFF_REDIS_URL: "http://redis:6379" }, want: "BFF_REDIS_URL: must be a redis:// or rediss:// URL" },
    { given: { BFF_REDIS_URL: "not a url with pw" }, want: "BFF_REDIS_URL: required, a URL such as redis://127.0.0.1:6379" },
    { given: { BFF_REDIS_URL: "redis://:short@redis:6379" }, want: "BFF_REDIS_URL: the password must be at least 8 characters" },
    { given: { BFF_REDIS_URL: "redis://redis:6379", BFF_REDIS_RATE_LIMIT_ON_FAILURE: "maybe" }, want: 'BFF_REDIS_RATE_LIMIT_ON_FAILURE: "open" or "closed", got "maybe"' },
    { given: { BFF_REDIS_URL: "redis://redis:6379", BFF_REDIS_TIMEOUT_MS: "0" }, want: "BFF_REDIS_TIMEOUT_MS: expected an integer ≥ 1" },
    { given: { BFF_REDIS_RATE_LIMIT_ON_FAILURE: "closed" }, want: "BFF_REDIS_RATE_LIMIT_ON_FAILURE: set, but BFF_REDIS_URL is not" },
    { given: { BFF_HEALTH_PATH: "/api/health" }, want: "BFF_HEALTH_PATH: must lie outside BFF_BASE_PATH" },
    { given: { BFF_HEALTH_PATH: "health" }, want: "BFF_HEALTH_PATH: a path such as /healthz" },
  ])("refuses: $want", ({ given, want }) => {
    const got = problems({ ...base, ...given });
    expect(got.some((p) => p.includes(want)), got.join("\n")).toBe(true);
    expect(got.join("\n")).not.toContain("short@");
  });

  it("the typed config names its fields", () => {
    const bad = { upstream: { url: "https://api.test", auth: { apiKey: API_KEY } }, operations: [], redis: { url: "redis://r", keyPrefix: "", commandTimeoutMs: -1, rateLimitOnFailure: "sometimes" } } as unknown as BffConfig;
    try {
      createBff(bad);
      expect.unreachable();
    } catch (e) {
      for (const setting of ["redis.keyPrefix", "redis.commandTimeoutMs", "redis.rateLimitOnFailure"]) expect((e as Error).message).toContain(`  - ${setting}:`);
    }
  });

  it("without Redis, /healthz reports the in-memory stores", async () => {
    const bff = await startBff({ upstream: { url: inject("prismUrl"), auth: { apiKey: API_KEY } }, operations: ["listUsers"] });
    expect((await bff.call("/healthz")).json).toEqual({ status: "ok", stores: { rateLimit: "memory", webhooks: "off" }, upstream: { circuit: "closed" } });
    expect((await bff.call("/healthz", { method: "POST" })).status).toBe(405);
  });

  it("Redis unreachable at startup: it listens after the connect timeout, degraded, serving by the policy, and the password never shows", async () => {
    const password = "s3cret-redis-pw";
    const started = performance.now();
    const bff = await startBff({
      upstream: { url: inject("prismUrl"), auth: { apiKey: API_KEY } },
      operations: ["listUsers"],
      cors: { origins: ["https://app.example.test"] },
      webhook: { secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", onEvent: () => undefined },
      redis: { url: `redis://:${password}@127.0.0.1:${await closedPort()}`, connectTimeoutMs: 300 },
    });
    expect(performance.now() - started).toBeLessThan(3_000);
    const health = await bff.call("/healthz");
    expect(health.json).toMatchObject({ status: "degraded", stores: { rateLimit: "redis", webhooks: "redis" }, redis: { state: "down", onFailure: { rateLimit: "open", webhooks: "closed" } } });
    const r = await bff.call("/api/users", { headers: browser() });
    expect(r.status).toBe(200);
    expect(r.headers["x-ratelimit-remaining"]).toBe("59");
    const hook = await bff.call("/webhooks", { method: "POST", headers: { "content-type": "application/json", "webhook-id": "msg_1" }, body: "{}" });
    expect(hook.status).toBe(400); // unsigned: rejected before the store is asked
    expect(bff.logs.filter((l) => l.includes("bff.redis.down"))).toHaveLength(1);
    expect([...bff.logs, ...bff.transcript].join("\n")).not.toContain(password);
  });
});
