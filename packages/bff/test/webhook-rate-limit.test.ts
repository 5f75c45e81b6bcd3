import { webhookEvents } from "@specforge/mocks";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { configFromEnv, createBff, type WebhookEvent } from "../src/index.js";
import { API_KEY, manualClock, startBff } from "./helpers.js";

// The guides' webhook security list ends with "Rate limit: prevent abuse".
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const clock = manualClock(Date.UTC(2026, 5, 1, 12));
const received: WebhookEvent[] = [];

const bff = await startBff({
  upstream: { url: "http://127.0.0.1:9", auth: { apiKey: API_KEY } },
  operations: [],
  rateLimit: false,
  webhook: { secret: SECRET, rateLimit: { limit: 5, windowMs: 60_000 }, onEvent: (event) => void received.push(event) },
  now: clock.now,
});

function signed(id: string): RequestInit {
  const payload = JSON.stringify(webhookEvents["order.created"]);
  const at = new Date(clock.now());
  return {
    method: "POST",
    headers: { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": new Webhook(SECRET).sign(id, at, payload) },
    body: payload,
  };
}

/** A delivery with a forged signature, as a flood would send. */
const forged: RequestInit = {
  method: "POST",
  headers: { "content-type": "application/json", "webhook-id": "msg_forged", "webhook-timestamp": "1", "webhook-signature": "v1,AAAA" },
  body: "{}",
};

const logged = (message: string) => bff.logs.filter((l) => (JSON.parse(l) as { message: string }).message === message).length;

describe("webhook receiver rate limit (webhook.rateLimit, per sender address)", () => {
  it("a burst of 12 from one address: 5 answered, 7 refused with 429, Retry-After and X-RateLimit-*, before any verification", async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await bff.call("/webhooks", signed(`msg_ok_${i}`)));
    for (let i = 0; i < 9; i++) answers.push(await bff.call("/webhooks", forged));
    const statuses = answers.map((a) => a.status);
    expect(statuses).toEqual([200, 200, 200, 400, 400, 429, 429, 429, 429, 429, 429, 429]);
    const refused = answers[5]!;
    expect(refused.headers["retry-after"]).toBe("60");
    expect(refused.headers["x-ratelimit-limit"]).toBe("5");
    expect(refused.headers["x-ratelimit-remaining"]).toBe("0");
    expect((refused.json as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    // Only the two forged requests inside the limit reached verification (and failed it).
    expect(logged("webhook.rejected")).toBe(2);
    expect(logged("webhook.rate_limited")).toBe(7);
    await bff.bff.idle();
    expect(received).toHaveLength(3);
  });

  it("the window slides: deliveries are accepted again once it has passed", async () => {
    expect((await bff.call("/webhooks", signed("msg_late_0"))).status).toBe(429);
    clock.advance(60_001);
    expect((await bff.call("/webhooks", signed("msg_late_1"))).status).toBe(200);
  });

  it("a limit that is not a positive integer is refused by name", () => {
    const webhook = { secret: SECRET, rateLimit: { limit: 0, windowMs: 1_000 }, onEvent: () => undefined };
    expect(() => createBff({ upstream: { url: "http://127.0.0.1:9", auth: { apiKey: API_KEY } }, operations: [], webhook })).toThrow(/webhook\.rateLimit: limit must be a positive integer/);
  });

  it("BFF_WEBHOOK_RATE_LIMIT sets it from the environment, and a malformed value is named", () => {
    const env = { BFF_UPSTREAM_URL: "http://127.0.0.1:4010", BFF_API_KEY: API_KEY, BFF_OPERATIONS: "listUsers", BFF_WEBHOOK_SECRET: SECRET };
    const onWebhookEvent = () => undefined;
    expect(configFromEnv({ ...env, BFF_WEBHOOK_RATE_LIMIT: "600/1m" }, { onWebhookEvent }).webhook?.rateLimit).toEqual({ limit: 600, windowMs: 60_000 });
    expect(configFromEnv(env, { onWebhookEvent }).webhook?.rateLimit).toBeUndefined();
    expect(() => configFromEnv({ ...env, BFF_WEBHOOK_RATE_LIMIT: "lots" }, { onWebhookEvent })).toThrow(/BFF_WEBHOOK_RATE_LIMIT: expected <count>\/<window>/);
  });
});
