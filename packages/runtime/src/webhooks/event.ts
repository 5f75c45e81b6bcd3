import { WebhookVerificationError } from "../errors/index.js";
import { rawBytes, verifyHmacHex, type RawBody } from "./hmac.js";
import { validate, type Schema } from "./schema.js";
import { headerValue, verifyStandardWebhook, type HeaderSource } from "./standard.js";
import { verifyStripeSignature } from "./stripe.js";

export interface ConstructEventOptions<T> {
  /** Raw request body exactly as received. Required. */
  payload: RawBody;
  /** Request headers (Headers, or Node's IncomingHttpHeaders). Required. */
  headers: HeaderSource;
  /** `whsec_…` secret (standard, stripe) or shared HMAC secret (hmac-hex). Required. */
  secret: string;
  /** "standard": Standard Webhooks headers; "hmac-hex": hex HMAC-SHA256 in `signatureHeader`; "stripe": Stripe's `Stripe-Signature`. Default: "standard". */
  scheme?: "standard" | "hmac-hex" | "stripe";
  /** Header holding the signature for "hmac-hex" and "stripe". Default: "X-Webhook-Signature" and "Stripe-Signature". */
  signatureHeader?: string;
  /** Validates the parsed JSON into the typed event union. Default: none (returns unknown JSON). */
  schema?: Schema<T>;
  /** Replay window of the standard and stripe schemes, in seconds. Default: 300. */
  toleranceSec?: number;
  /** Current time in epoch ms. Default: Date.now(). */
  now?: number;
}

export interface VerifiedEvent<T> {
  event: T;
  /** `webhook-id` for the standard scheme; undefined for hmac-hex and stripe (use the event's own id). */
  webhookId: string | undefined;
}

/**
 * Verify first, parse second: the signature is checked over the raw bytes before JSON.parse runs on
 * anything an attacker sent.
 */
export async function constructEvent<T = unknown>(opts: ConstructEventOptions<T>): Promise<VerifiedEvent<T>> {
  let webhookId: string | undefined;
  const scheme = opts.scheme ?? "standard";
  if (scheme === "standard") {
    webhookId = (await verifyStandardWebhook(opts)).id;
  } else {
    const stripe = scheme === "stripe";
    const sig = headerValue(opts.headers, opts.signatureHeader ?? (stripe ? "Stripe-Signature" : "X-Webhook-Signature"));
    if (stripe) await verifyStripeSignature(sig, opts);
    else if (!(await verifyHmacHex(opts.payload, sig, opts.secret))) throw new WebhookVerificationError("Invalid webhook signature");
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof opts.payload === "string" ? opts.payload : new TextDecoder().decode(rawBytes(opts.payload)));
  } catch (cause) {
    throw new WebhookVerificationError("Webhook body is not valid JSON", { cause });
  }
  return { event: opts.schema ? validate(opts.schema, json, "Webhook event") : (json as T), webhookId };
}
