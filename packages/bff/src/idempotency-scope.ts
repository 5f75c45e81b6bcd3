import { createHash } from "node:crypto";

/**
 * The idempotency key a browser sent, made the caller's own before it goes to the API.
 *
 * Every browser reaches the API through the BFF's one credential, so the keys they send share one
 * key space there: an API that scopes keys per account (Stripe does) answers a second client's
 * request carrying the same key with the response it stored for the first, that client's data
 * included, and never acts on the second. The key forwarded is derived from the caller's identity
 * and the key it sent: the same caller with the same key (its retries) gets the same one, another
 * caller a different one. UUID-shaped (RFC 9562 version 8), so a spec's `format: uuid` still holds.
 */
export function scopedIdempotencyKey(caller: string, key: string): string {
  const h = createHash("sha256").update(caller).update("\0").update(key).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
