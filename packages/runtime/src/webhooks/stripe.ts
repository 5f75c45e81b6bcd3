import { WebhookVerificationError } from "../errors/index.js";
import { hexDecode, timingSafeEqual, utf8 } from "../encoding.js";
import { hmacSha256, type RawBody } from "./hmac.js";
import { checkTimestamp, signedContent } from "./standard.js";

/**
 * Verifies Stripe's `Stripe-Signature` header (`t=<epoch s>,v1=<hex>[,v1=…][,v0=…]`): HMAC-SHA256
 * keyed with the endpoint secret as written (`whsec_…` is not decoded, unlike Standard Webhooks)
 * over `<t>.<raw body>`. Any one `v1` may match: Stripe signs with both secrets while one rolls.
 * `v0` (a legacy test-mode scheme) is never trusted. Throws WebhookVerificationError.
 */
export async function verifyStripeSignature(
  header: string | undefined,
  opts: { payload: RawBody; secret: string; toleranceSec?: number; now?: number },
): Promise<void> {
  const t = /(?:^|,)t=(\d+)(?:,|$)/.exec(header!)?.[1];
  if (!t) throw new WebhookVerificationError("Missing or malformed Stripe-Signature header (t=…,v1=…)");
  checkTimestamp(t, opts);
  const expected = await hmacSha256(utf8(opts.secret), signedContent(`${t}.`, opts.payload));
  if (!header!.split(",").some((item) => item.startsWith("v1=") && timingSafeEqual(hexDecode(item.slice(3)) ?? new Uint8Array(), expected))) {
    throw new WebhookVerificationError("No matching webhook signature");
  }
}
