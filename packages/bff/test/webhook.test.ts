import { createHmac } from "node:crypto";
import { webhookEvents } from "@specforge/mocks";
import { ErrorSchema } from "@specforge/zod";
import { Webhook } from "standardwebhooks";
import { describe, expect, expectTypeOf, it } from "vitest";
import { MemoryIdempotencyStore } from "@specforge/runtime";
import type { WebhookDelivery, WebhookEvent } from "../src/index.js";
import { API_KEY, manualClock, startBff } from "./helpers.js";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ROTATED = "whsec_aGVsbG8tcm90YXRlZC1zZWNyZXQtMTIzNDU2";
const clock = manualClock(Date.UTC(2026, 5, 1, 12));
const received: Array<{ event: WebhookEvent; delivery: WebhookDelivery }> = [];
let gate: Promise<void> = Promise.resolve();
let failNext = false;

const bff = await startBff({
  upstream: { url: "http://127.0.0.1:9", auth: { apiKey: API_KEY } },
  operations: [],
  webhook: {
    secret: SECRET,
    store: new MemoryIdempotencyStore(clock.now),
    onEvent: async (event, delivery) => {
      expectTypeOf(event.type).toEqualTypeOf<WebhookEvent["type"]>();
      await gate;
      if (failNext) {
        failNext = false;
        throw new Error("database down");
      }
      received.push({ event, delivery });
    },
  },
  now: clock.now,
});

/** A delivery signed the way the sender signs it, with the reference Standard Webhooks library. */
function delivery(payload: string, id: string, opts: { at?: number; secret?: string; extraSignature?: string } = {}): RequestInit {
  const at = new Date(opts.at ?? clock.now());
  const signature = new Webhook(opts.secret ?? SECRET).sign(id, at, payload);
  return {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": opts.extraSignature ? `${opts.extraSignature} ${signature}` : signature,
    },
    body: payload,
  };
}

const orderCreated = JSON.stringify(webhookEvents["order.created"]);

describe("webhook receiver (Standard Webhooks, via the runtime)", () => {
  it("acknowledges a valid delivery before the handler runs, then hands it the typed event", async () => {
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const r = await bff.call("/webhooks", delivery(orderCreated, "msg_1"));
    // The handler is still blocked on the gate: the 200 did not wait for it.
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ received: true, duplicate: false });
    expect(received).toHaveLength(0);
    release();
    await bff.bff.idle();
    expect(received).toHaveLength(1);
    expect(received[0]!.event).toEqual(webhookEvents["order.created"]);
    expect(received[0]!.delivery).toEqual({ id: "msg_1", requestId: r.headers["x-request-id"] });
  });

  it("a replay of a delivered message is acknowledged but never handled again", async () => {
    const first = await bff.call("/webhooks", delivery(orderCreated, "msg_replay"));
    await bff.bff.idle();
    const before = received.length;
    // Same id, re-signed a minute later (a sender retry) and the captured original (an attacker).
    clock.advance(60_000);
    const retry = await bff.call("/webhooks", delivery(orderCreated, "msg_replay"));
    const replay = await bff.call("/webhooks", delivery(orderCreated, "msg_replay", { at: clock.now() - 60_000 }));
    await bff.bff.idle();
    expect([first.json, retry.json, replay.json]).toEqual([
      { received: true, duplicate: false },
      { received: true, duplicate: true },
      { received: true, duplicate: true },
    ]);
    expect(received.length).toBe(before);
  });

  it.each([
    { name: "body altered after signing", init: () => ({ ...delivery(orderCreated, "msg_t"), body: orderCreated.replace("pending", "paid") }), reason: "No matching webhook signature" },
    { name: "signed with another secret", init: () => delivery(orderCreated, "msg_s", { secret: ROTATED }), reason: "No matching webhook signature" },
    { name: "timestamp older than the tolerance (a late replay)", init: () => delivery(orderCreated, "msg_old", { at: clock.now() - 301_000 }), reason: "Webhook timestamp too old" },
    { name: "timestamp in the future", init: () => delivery(orderCreated, "msg_new", { at: clock.now() + 301_000 }), reason: "Webhook timestamp too new" },
    { name: "headers missing", init: () => ({ method: "POST", body: orderCreated }), reason: "Missing webhook-id, webhook-timestamp or webhook-signature header" },
  ])("rejects: $name → 400", async ({ init, reason }) => {
    const before = received.length;
    const r = await bff.call("/webhooks", init());
    expect(r.status).toBe(400);
    expect(ErrorSchema.safeParse(r.json).success).toBe(true);
    expect(r.json.error).toEqual({ code: "BAD_REQUEST", message: reason });
    await bff.bff.idle();
    expect(received.length).toBe(before);
  });

  it("accepts any one matching signature (secret rotation)", async () => {
    const oldSig = new Webhook(ROTATED).sign("msg_rot", new Date(clock.now()), orderCreated);
    const r = await bff.call("/webhooks", delivery(orderCreated, "msg_rot", { extraSignature: oldSig }));
    expect(r.json).toEqual({ received: true, duplicate: false });
  });

  it("a signed payload that is not a spec event → 400 VALIDATION_ERROR naming the fields", async () => {
    const bogus = JSON.stringify({ id: "evt_1", type: "order.created", created: "yesterday", data: {} });
    const r = await bff.call("/webhooks", delivery(bogus, "msg_bogus"));
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("VALIDATION_ERROR");
    expect(r.json.error.details.map((d: { field: string }) => d.field)).toContain("created");
  });

  it("a failing handler is logged (not returned) and its claim released, so a redelivery is processed", async () => {
    failNext = true;
    const r = await bff.call("/webhooks", delivery(orderCreated, "msg_fail"));
    expect(r.json).toEqual({ received: true, duplicate: false });
    await bff.bff.idle();
    expect(bff.logs.some((l) => l.includes("webhook.handler_failed") && l.includes("database down") && l.includes("msg_fail"))).toBe(true);
    const again = await bff.call("/webhooks", delivery(orderCreated, "msg_fail"));
    expect(again.json).toEqual({ received: true, duplicate: false });
    await bff.bff.idle();
    expect(received.at(-1)!.delivery.id).toBe("msg_fail");
  });

  it("only POST; no CORS or client id needed (server to server)", async () => {
    expect((await bff.call("/webhooks")).status).toBe(405);
    const r = await bff.call("/webhooks", delivery(JSON.stringify(webhookEvents["user.created"]), "msg_plain"));
    expect(r.status).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("webhook receiver, legacy hex HMAC (X-Webhook-Signature)", () => {
  const hexSecret = "legacy-shared-secret";
  const handled: string[] = [];
  const legacyP = startBff({
    upstream: { url: "http://127.0.0.1:9", auth: { apiKey: API_KEY } },
    operations: [],
    webhook: { secret: hexSecret, scheme: "hmac-hex", path: "/hooks/legacy", onEvent: (e) => void handled.push(e.id) },
  });
  const sign = (body: string, secret = hexSecret) => createHmac("sha256", secret).update(body).digest("hex");
  const post = (body: string, signature: string): RequestInit => ({ method: "POST", headers: { "content-type": "application/json", "x-webhook-signature": signature }, body });

  it("verifies the hex HMAC over the raw body and dedupes on the event id", async () => {
    const legacy = await legacyP;
    const body = JSON.stringify(webhookEvents["payment.succeeded"]);
    expect((await legacy.call("/hooks/legacy", post(body, sign(body)))).json).toEqual({ received: true, duplicate: false });
    expect((await legacy.call("/hooks/legacy", post(body, `sha256=${sign(body)}`))).json).toEqual({ received: true, duplicate: true });
    expect((await legacy.call("/hooks/legacy", post(body, sign(body, "other-secret")))).status).toBe(400);
    // The JSON re-serialised (what naive receivers sign) does not match the bytes sent.
    const reformatted = JSON.stringify(JSON.parse(body), null, 2);
    expect((await legacy.call("/hooks/legacy", post(reformatted, sign(body)))).status).toBe(400);
    await legacy.bff.idle();
    expect(handled).toEqual([webhookEvents["payment.succeeded"].id]);
  });
});

describe("webhook receiver, other senders' schemes", () => {
  const secret = "whsec_stripe_endpoint_secret";
  const handled: string[] = [];
  const bffP = startBff({
    upstream: { url: "http://127.0.0.1:9", auth: { apiKey: API_KEY } },
    operations: [],
    webhook: { secret, scheme: "stripe", path: "/hooks/stripe", onEvent: (e) => void handled.push(e.id) },
  });
  const githubP = startBff({
    upstream: { url: "http://127.0.0.1:9", auth: { apiKey: API_KEY } },
    operations: [],
    webhook: { secret: "gh-secret", scheme: "hmac-hex", signatureHeader: "X-Hub-Signature-256", path: "/hooks/github", onEvent: () => undefined },
  });
  // What Stripe sends: t=<epoch s>,v1=<hex HMAC of "t.body" keyed with the secret as written>.
  const stripeHeader = (body: string, t = Math.floor(Date.now() / 1000)) => `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
  const post = (body: string, headers: Record<string, string>): RequestInit => ({ method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("scheme stripe: verifies Stripe-Signature, dedupes on the event id, refuses a late replay and a forged body", async () => {
    const bff = await bffP;
    const body = JSON.stringify(webhookEvents["payment.succeeded"]);
    expect((await bff.call("/hooks/stripe", post(body, { "stripe-signature": stripeHeader(body) }))).json).toEqual({ received: true, duplicate: false });
    expect((await bff.call("/hooks/stripe", post(body, { "stripe-signature": stripeHeader(body) }))).json).toEqual({ received: true, duplicate: true });
    const late = await bff.call("/hooks/stripe", post(body, { "stripe-signature": stripeHeader(body, Math.floor(Date.now() / 1000) - 301) }));
    expect(late).toMatchObject({ status: 400, json: { error: { message: "Webhook timestamp too old" } } });
    const forged = body.replace("evt_", "evt_X");
    expect((await bff.call("/hooks/stripe", post(forged, { "stripe-signature": stripeHeader(body) }))).status).toBe(400);
    expect((await bff.call("/hooks/stripe", post(body, { "x-webhook-signature": stripeHeader(body) }))).json).toMatchObject({ error: { message: expect.stringMatching(/Stripe-Signature/) } });
    await bff.bff.idle();
    expect(handled).toEqual([webhookEvents["payment.succeeded"].id]);
  });

  it("scheme hmac-hex with GitHub's header (X-Hub-Signature-256: sha256=…)", async () => {
    const bff = await githubP;
    const body = JSON.stringify(webhookEvents["user.created"]);
    const sig = `sha256=${createHmac("sha256", "gh-secret").update(body).digest("hex")}`;
    expect((await bff.call("/hooks/github", post(body, { "x-hub-signature-256": sig }))).status).toBe(200);
    expect((await bff.call("/hooks/github", post(body, { "x-webhook-signature": sig }))).status).toBe(400);
  });
});
