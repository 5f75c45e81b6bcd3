import { WebhookVerificationError } from "../errors/index.js";
import { base64Decode, base64Encode, timingSafeEqual, utf8 } from "../encoding.js";
import { hmacSha256, rawBytes, type RawBody } from "./hmac.js";

/** Node's IncomingHttpHeaders, a Headers object, or a plain record. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === lower) return Array.isArray(v) ? v.join(", ") : v;
  }
  return undefined;
}

/** `whsec_`-prefixed (or bare) base64 secret → key bytes, as the Standard Webhooks spec defines. */
export function decodeStandardSecret(secret: string): Uint8Array<ArrayBuffer> {
  return base64Decode(secret.startsWith("whsec_") ? secret.slice(6) : secret);
}

/** What a timestamped scheme signs: `prefix` (the id and timestamp, dot-separated) then the raw body. */
export function signedContent(prefix: string, payload: RawBody): Uint8Array<ArrayBuffer> {
  const head = utf8(prefix);
  const body = rawBytes(payload);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** Produces a `webhook-signature` value (`v1,<base64>`). */
export async function signStandardWebhook(opts: { id: string; timestamp: number | Date; payload: RawBody; secret: string }): Promise<string> {
  const ts = String(typeof opts.timestamp === "number" ? Math.floor(opts.timestamp) : Math.floor(opts.timestamp.getTime() / 1000));
  const mac = await hmacSha256(decodeStandardSecret(opts.secret), signedContent(`${opts.id}.${ts}.`, opts.payload));
  return `v1,${base64Encode(mac)}`;
}

/**
 * Replay protection: the signed timestamp (epoch seconds) must be within `toleranceSec` of now, in
 * both directions. Returns it as a number.
 */
export function checkTimestamp(ts: string, opts: { toleranceSec?: number; now?: number }): number {
  const timestamp = Number(ts);
  if (!/^\d+$/.test(ts) || !Number.isSafeInteger(timestamp)) throw new WebhookVerificationError("Invalid webhook timestamp");
  const nowSec = Math.floor((opts.now ?? Date.now()) / 1000);
  const tolerance = opts.toleranceSec ?? 300;
  if (nowSec - timestamp > tolerance) throw new WebhookVerificationError("Webhook timestamp too old");
  if (timestamp - nowSec > tolerance) throw new WebhookVerificationError("Webhook timestamp too new");
  return timestamp;
}

export interface StandardVerifyOptions {
  /** Raw request body exactly as received. Required. */
  payload: RawBody;
  /** Request headers (Headers, or Node's IncomingHttpHeaders). Required. */
  headers: HeaderSource;
  /** Endpoint secret, `whsec_`-prefixed base64. Required. */
  secret: string;
  /** Accepted clock difference in seconds, both directions (replay protection). Default: 300. */
  toleranceSec?: number;
  /** Current time in epoch ms. Default: Date.now(). */
  now?: number;
}

/**
 * Verifies a Standard Webhooks delivery (`webhook-id`, `webhook-timestamp`, `webhook-signature`).
 * Any one matching `v1` signature passes, which is what makes secret rotation work. Throws
 * WebhookVerificationError; returns the message id for deduplication.
 */
export async function verifyStandardWebhook(opts: StandardVerifyOptions): Promise<{ id: string; timestamp: number }> {
  const id = headerValue(opts.headers, "webhook-id");
  const ts = headerValue(opts.headers, "webhook-timestamp");
  const sigs = headerValue(opts.headers, "webhook-signature");
  if (!id || !ts || !sigs) throw new WebhookVerificationError("Missing webhook-id, webhook-timestamp or webhook-signature header");
  const timestamp = checkTimestamp(ts, opts);

  const expected = await hmacSha256(decodeStandardSecret(opts.secret), signedContent(`${id}.${ts}.`, opts.payload));
  for (const entry of sigs.split(" ")) {
    const comma = entry.indexOf(",");
    if (comma < 0 || entry.slice(0, comma) !== "v1") continue;
    let given: Uint8Array;
    try {
      given = base64Decode(entry.slice(comma + 1));
    } catch {
      continue;
    }
    if (timingSafeEqual(given, expected)) return { id, timestamp };
  }
  throw new WebhookVerificationError("No matching webhook signature");
}
