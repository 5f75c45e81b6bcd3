import { WebhookVerificationError } from "../errors/index.js";
import { hexDecode, hexEncode, timingSafeEqual, utf8 } from "../encoding.js";

/** The raw request body: the exact bytes or text received, never a re-serialised object. */
export type RawBody = string | Uint8Array;

export function rawBytes(payload: RawBody): Uint8Array<ArrayBuffer> {
  if (typeof payload === "string") return utf8(payload);
  if (payload instanceof Uint8Array) return new Uint8Array(payload);
  // JSON.stringify(parsed) rarely reproduces the signed bytes (key order, spacing, unicode escapes).
  throw new WebhookVerificationError("Webhook payload must be the raw body (string or bytes), not a parsed object");
}

export async function hmacSha256(key: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const k = await globalThis.crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", k, data));
}

/** Hex HMAC-SHA256 of the raw body, as sent in `X-Webhook-Signature`. */
export async function signHmacHex(payload: RawBody, secret: string): Promise<string> {
  return hexEncode(await hmacSha256(utf8(secret), rawBytes(payload)));
}

/**
 * Checks a hex HMAC-SHA256 signature over the raw body. Accepts an optional `sha256=` prefix
 * (GitHub style). Comparison is constant-time over the decoded bytes.
 */
export async function verifyHmacHex(payload: RawBody, signature: string | null | undefined, secret: string): Promise<boolean> {
  if (!signature) return false;
  const hex = signature.trim().replace(/^sha256=/i, "");
  const given = hexDecode(hex);
  if (!given) return false;
  const expected = await hmacSha256(utf8(secret), rawBytes(payload));
  return timingSafeEqual(given, expected);
}
