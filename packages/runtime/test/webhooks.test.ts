import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import {
  constructEvent,
  idempotentHandler,
  MemoryIdempotencyStore,
  signHmacHex,
  signStandardWebhook,
  ValidationError,
  verifyHmacHex,
  verifyStandardWebhook,
  WebhookVerificationError,
  type Schema,
} from "../src/index.js";

const secret = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`;
// Deliberately odd formatting: re-serialising the parsed JSON would change these bytes.
const raw = '{"id":"evt_1",  "type":"user.created","data":{"id":"u1","name":"Zoë"}}';

type UserEvent =
  | { id: string; type: "user.created"; data: { id: string; name: string } }
  | { id: string; type: "user.deleted"; data: { id: string } };

/** A zod-like schema written by hand, so the runtime is tested against the shape, not a library. */
const userEventSchema: Schema<UserEvent> = {
  safeParse(input: unknown) {
    const v = input as Partial<UserEvent> | null;
    if (v && typeof v.id === "string" && (v.type === "user.created" || v.type === "user.deleted") && typeof v.data === "object") {
      return { success: true, data: v as UserEvent };
    }
    return { success: false, error: { issues: [{ path: ["type"], message: "unknown event type" }] } };
  },
};

describe("hex HMAC signatures (X-Webhook-Signature)", () => {
  it("verifies over the raw body and matches node:crypto", async () => {
    const expected = createHmac("sha256", "topsecret").update(raw).digest("hex");
    expect(await signHmacHex(raw, "topsecret")).toBe(expected);
    expect(await verifyHmacHex(raw, expected, "topsecret")).toBe(true);
    expect(await verifyHmacHex(new TextEncoder().encode(raw), `sha256=${expected.toUpperCase()}`, "topsecret")).toBe(true);
  });

  it("rejects tampering, wrong secrets, re-serialised bodies and junk", async () => {
    const sig = await signHmacHex(raw, "topsecret");
    expect(await verifyHmacHex(raw.replace("Zoë", "Zoe"), sig, "topsecret")).toBe(false);
    expect(await verifyHmacHex(raw, sig, "other")).toBe(false);
    expect(await verifyHmacHex(JSON.stringify(JSON.parse(raw)), sig, "topsecret")).toBe(false);
    expect(await verifyHmacHex(raw, sig.slice(0, -2), "topsecret")).toBe(false);
    expect(await verifyHmacHex(raw, "zz", "topsecret")).toBe(false);
    expect(await verifyHmacHex(raw, undefined, "topsecret")).toBe(false);
    await expect(verifyHmacHex(JSON.parse(raw) as string, sig, "topsecret")).rejects.toBeInstanceOf(WebhookVerificationError);
  });
});

describe("Standard Webhooks", () => {
  const now = 1_767_225_600_000;
  const headers = async (payload = raw, ts = now / 1000, id = "msg_1") => ({
    "webhook-id": id,
    "webhook-timestamp": String(ts),
    "webhook-signature": await signStandardWebhook({ id, timestamp: ts, payload, secret }),
  });

  it("interop: what `standardwebhooks` signs, we verify", async () => {
    const theirs = new Webhook(secret);
    const ts = new Date();
    const sig = theirs.sign("msg_theirs", ts, raw);
    const h = { "webhook-id": "msg_theirs", "webhook-timestamp": String(Math.floor(ts.getTime() / 1000)), "webhook-signature": sig };
    await expect(verifyStandardWebhook({ payload: raw, headers: h, secret })).resolves.toMatchObject({ id: "msg_theirs" });
    await expect(verifyStandardWebhook({ payload: raw, headers: new Headers(h), secret })).resolves.toBeDefined();
  });

  it("interop: what we sign, `standardwebhooks` verifies", async () => {
    const ts = Math.floor(Date.now() / 1000);
    const sig = await signStandardWebhook({ id: "msg_ours", timestamp: ts, payload: raw, secret });
    expect(sig).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const parsed = new Webhook(secret).verify(raw, { "webhook-id": "msg_ours", "webhook-timestamp": String(ts), "webhook-signature": sig });
    expect(parsed).toEqual(JSON.parse(raw));
    // And a tampered body fails on their side too.
    expect(() =>
      new Webhook(secret).verify(raw + " ", { "webhook-id": "msg_ours", "webhook-timestamp": String(ts), "webhook-signature": sig }),
    ).toThrow();
  });

  it("accepts any matching v1 signature among several (secret rotation) and skips other versions", async () => {
    const h = await headers();
    const oldSecret = `whsec_${Buffer.from("another-secret-another-secret!!").toString("base64")}`;
    const rotated = await signStandardWebhook({ id: "msg_1", timestamp: now / 1000, payload: raw, secret: oldSecret });
    h["webhook-signature"] = `v1a,AAAA ${rotated} ${h["webhook-signature"]}`;
    await expect(verifyStandardWebhook({ payload: raw, headers: h, secret, now })).resolves.toEqual({ id: "msg_1", timestamp: now / 1000 });
    await expect(verifyStandardWebhook({ payload: raw, headers: h, secret: oldSecret, now })).resolves.toBeDefined();
  });

  it("enforces the tolerance window (default 5 minutes, both directions)", async () => {
    const h = await headers();
    await expect(verifyStandardWebhook({ payload: raw, headers: h, secret, now: now + 299_000 })).resolves.toBeDefined();
    await expect(verifyStandardWebhook({ payload: raw, headers: h, secret, now: now + 301_000 })).rejects.toThrow(/too old/);
    await expect(verifyStandardWebhook({ payload: raw, headers: h, secret, now: now - 301_000 })).rejects.toThrow(/too new/);
    await expect(verifyStandardWebhook({ payload: raw, headers: h, secret, now: now + 3_000_000, toleranceSec: 3600 })).resolves.toBeDefined();
  });

  it("rejects missing headers, bad timestamps, tampered bodies and ids", async () => {
    const h = await headers();
    const bad = (over: Record<string, string | undefined>, payload = raw) =>
      verifyStandardWebhook({ payload, headers: { ...h, ...over }, secret, now });
    await expect(bad({ "webhook-id": undefined })).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(bad({ "webhook-timestamp": "12abc" })).rejects.toThrow(/timestamp/);
    await expect(bad({}, raw.replace("u1", "u2"))).rejects.toThrow(/No matching/);
    await expect(bad({ "webhook-id": "msg_2" })).rejects.toThrow(/No matching/);
    await expect(bad({ "webhook-signature": "v1,not*base64" })).rejects.toThrow(/No matching/);
  });
});

describe("constructEvent", () => {
  it("verifies then validates into a typed union", async () => {
    const ts = Math.floor(Date.now() / 1000);
    const h = new Headers({
      "webhook-id": "msg_9",
      "webhook-timestamp": String(ts),
      "webhook-signature": await signStandardWebhook({ id: "msg_9", timestamp: ts, payload: raw, secret }),
    });
    const { event, webhookId } = await constructEvent({ payload: raw, headers: h, secret, schema: userEventSchema });
    expect(webhookId).toBe("msg_9");
    if (event.type === "user.created") expect(event.data.name).toBe("Zoë");
    else throw new Error("expected user.created");
  });

  it("hmac-hex scheme with a configurable header", async () => {
    const sig = await signHmacHex(raw, "s");
    await expect(constructEvent({ payload: raw, headers: { "x-webhook-signature": sig }, secret: "s", scheme: "hmac-hex" })).resolves.toMatchObject({
      event: { id: "evt_1" },
    });
    await expect(constructEvent({ payload: raw, headers: { "x-sig": sig }, secret: "s", scheme: "hmac-hex", signatureHeader: "X-Sig" })).resolves.toBeDefined();
    await expect(constructEvent({ payload: raw, headers: { "x-webhook-signature": "00" }, secret: "s", scheme: "hmac-hex" })).rejects.toBeInstanceOf(
      WebhookVerificationError,
    );
  });

  it("GitHub's deliveries (X-Hub-Signature-256: sha256=…): the example of GitHub's own docs verifies", async () => {
    // docs.github.com, "Validating webhook deliveries": this secret and payload give this signature.
    const secret = "It's a Secret to Everybody";
    const signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    expect(await verifyHmacHex("Hello, World!", signature, secret)).toBe(true);
    expect(await verifyHmacHex("Hello, World?", signature, secret)).toBe(false);
    const payload = '{"action":"opened","number":1}';
    const headers = { "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(payload).digest("hex")}`, "x-github-event": "pull_request" };
    await expect(constructEvent({ payload, headers, secret, scheme: "hmac-hex", signatureHeader: "X-Hub-Signature-256" })).resolves.toMatchObject({ event: { action: "opened" } });
  });

  it("Stripe's deliveries (scheme: \"stripe\"): what Stripe's own SDK signs verifies, as Stripe's SDK verifies it", async () => {
    const stripe = new Stripe("sk_test_unused");
    const secret = "whsec_test_secret";
    const payload = '{"id":"evt_1","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_1","description":"Zoë"}}}';
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    const { event, webhookId } = await constructEvent({ payload, headers: { "stripe-signature": header }, secret, scheme: "stripe" });
    expect(event).toMatchObject({ id: "evt_1", type: "payment_intent.succeeded" });
    expect(webhookId).toBeUndefined();
    // Bytes as received (a Buffer from express.raw), and a Headers object.
    await expect(constructEvent({ payload: Buffer.from(payload), headers: new Headers({ "Stripe-Signature": header }), secret, scheme: "stripe" })).resolves.toBeDefined();
    // While a secret rolls, Stripe signs with both: any one v1 may match; v0 is never trusted.
    const t = header.split(",")[0]!;
    const v1 = header.split(",")[1]!;
    const rolled = `${t},v1=${"ab".repeat(32)},${v1}`;
    await expect(constructEvent({ payload, headers: { "stripe-signature": rolled }, secret, scheme: "stripe" })).resolves.toBeDefined();
    const v0Only = `${t},v0=${v1.slice(3)}`;
    await expect(constructEvent({ payload, headers: { "stripe-signature": v0Only }, secret, scheme: "stripe" })).rejects.toThrow(/No matching/);
    expect(() => stripe.webhooks.constructEvent(payload, v0Only, secret)).toThrow();
  });

  it("Stripe's scheme gives the verdict of Stripe's SDK on 300 random deliveries, honest and forged", async () => {
    const stripe = new Stripe("sk_test_unused");
    const random = seededRandom(7);
    const now = Date.now();
    const verdicts = { accepted: 0, rejected: 0 };
    for (let i = 0; i < 300; i++) {
      const secret = `whsec_${Math.floor(random() * 1e12).toString(36)}`;
      const payload = JSON.stringify({ id: `evt_${i}`, amount: Math.floor(random() * 1e6), note: "ü ✓ \u2028" }, null, i % 3);
      const ageSec = [0, 10, 299, 301, 4000][Math.floor(random() * 5)]!;
      let header = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(now / 1000) - ageSec });
      let sent = payload;
      let key = secret;
      switch (Math.floor(random() * 6)) {
        case 1: sent = payload.replace(/\d/, (d) => String((+d + 1) % 10)); break; // tampered body
        case 2: key = `${secret}x`; break; // wrong secret
        case 3: header = header.replace(/v1=[0-9a-f]/, (m) => (m.endsWith("0") ? "v1=1" : "v1=0")); break; // forged signature
        case 4: header = header.replace(/^t=\d+/, (m) => `${m.slice(0, -1)}${(+m.slice(-1) + 1) % 10}`); break; // timestamp changed after signing
        default: break;
      }
      let theirs: boolean;
      try {
        // The same moment for both (receivedAt, ms): a slow run would otherwise age a 299 s delivery past 300.
        stripe.webhooks.constructEvent(sent, header, key, undefined, undefined, now);
        theirs = true;
      } catch {
        theirs = false;
      }
      const ours = await constructEvent({ payload: sent, headers: { "stripe-signature": header }, secret: key, scheme: "stripe", now }).then(
        () => true,
        (e: unknown) => {
          expect(e).toBeInstanceOf(WebhookVerificationError);
          return false;
        },
      );
      expect(ours, `delivery ${i}: ${header}`).toBe(theirs);
      verdicts[ours ? "accepted" : "rejected"]++;
    }
    expect(verdicts.accepted).toBeGreaterThan(50);
    expect(verdicts.rejected).toBeGreaterThan(50);
  });

  it("Stripe's scheme rejects hostile and malformed headers with WebhookVerificationError", async () => {
    const payload = '{"id":"evt_1"}';
    const secret = "whsec_x";
    const ts = Math.floor(Date.now() / 1000);
    const sig = createHmac("sha256", secret).update(`${ts}.${payload}`).digest("hex");
    await expect(constructEvent({ payload, headers: { "stripe-signature": `t=${ts},v1=${sig}` }, secret, scheme: "stripe" })).resolves.toBeDefined();
    for (const header of [undefined, "", "garbage", `v1=${sig}`, `t=${ts}`, `t=${ts},v1=`, `t=${ts},v1=zz${sig.slice(2)}`, `t=-${ts},v1=${sig}`, `t=${ts}.5,v1=${sig}`, `t=1e10,v1=${sig}`, `t=${ts},v1=${sig.slice(0, 62)}`, `t=${ts},v1=${sig}00`, "t=,v1=,".repeat(10_000)]) {
      const headers = header === undefined ? {} : { "stripe-signature": header };
      await expect(constructEvent({ payload, headers, secret, scheme: "stripe" }), String(header).slice(0, 40)).rejects.toBeInstanceOf(WebhookVerificationError);
    }
    // A parsed (re-serialised) body is refused rather than compared.
    await expect(constructEvent({ payload: JSON.parse(payload) as never, headers: { "stripe-signature": `t=${ts},v1=${sig}` }, secret, scheme: "stripe" })).rejects.toThrow(/raw body/);
  });

  it("schema failures become ValidationError with field details; `parse`-style schemas work too", async () => {
    const body = '{"id":"evt_2","type":"user.exploded","data":{}}';
    const sig = await signHmacHex(body, "s");
    const err = await constructEvent({ payload: body, headers: { "x-webhook-signature": sig }, secret: "s", scheme: "hmac-hex", schema: userEventSchema }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).details).toEqual([{ field: "type", message: "unknown event type" }]);
    const parseOnly = { parse: (v: unknown) => v as { id: string } };
    const ok = await constructEvent({ payload: body, headers: { "x-webhook-signature": sig }, secret: "s", scheme: "hmac-hex", schema: parseOnly });
    expect(ok.event.id).toBe("evt_2");
  });
});

describe("idempotentHandler", () => {
  it("processes each event id once", async () => {
    const handler = vi.fn(async (e: { id: string }) => `done ${e.id}`);
    const handle = idempotentHandler(handler);
    expect(await handle({ id: "a" })).toEqual({ duplicate: false, result: "done a" });
    expect(await handle({ id: "a" })).toEqual({ duplicate: true });
    expect(await handle({ id: "b" })).toMatchObject({ duplicate: false });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("concurrent deliveries of one id run the handler once", async () => {
    const handler = vi.fn(async () => new Promise((r) => setTimeout(r, 10)));
    const handle = idempotentHandler(handler);
    const results = await Promise.all(Array.from({ length: 5 }, () => handle({ id: "same" })));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("releases the id when the handler fails so a redelivery is processed", async () => {
    let fail = true;
    const handle = idempotentHandler(async () => {
      if (fail) throw new Error("db down");
      return "ok";
    });
    await expect(handle({ id: "x" })).rejects.toThrow("db down");
    fail = false;
    expect(await handle({ id: "x" })).toEqual({ duplicate: false, result: "ok" });
  });

  it("forgets ids after the TTL; store and id getter are pluggable", async () => {
    let t = 0;
    const store = new MemoryIdempotencyStore(() => t);
    const handle = idempotentHandler(async () => 1, { store, ttlMs: 1000, getId: (e: { key: string }) => e.key });
    await handle({ key: "k" });
    t = 999;
    expect(await handle({ key: "k" })).toEqual({ duplicate: true });
    t = 1000;
    expect(await handle({ key: "k" })).toMatchObject({ duplicate: false });
    await expect(idempotentHandler(async () => 1)({} as { id: string })).rejects.toThrow(/no id/);
  });
});

/** mulberry32, so a failing delivery number reproduces. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
