import { constructEvent, MemoryIdempotencyStore, ValidationError, WebhookVerificationError, type Logger } from "@specforge/runtime";
import { webhookEvents } from "./api-formats.js";
import { BodyError, readBody } from "./body.js";
import { DEFAULTS, type WebhookConfig, type WebhookEvent } from "./config.js";
import { errorReply } from "./envelope.js";
import { replyJson, type Incoming, type Reply } from "./exchange.js";
import { rateLimitHeaders, SlidingWindowStore, type RateLimitStore } from "./rate-limit.js";
import { StoreUnavailableError } from "./store-unavailable.js";
import { eventField } from "./webhook-events.js";

export interface WebhookReceiver {
  readonly path: string;
  handle(incoming: Incoming, requestId: string): Promise<Reply>;
  /** Resolves once every handler started so far has settled (tests, graceful shutdown). */
  idle(): Promise<void>;
}

const ack = (duplicate: boolean, requestId: string): Reply => replyJson(200, { received: true, duplicate }, { "x-request-id": requestId });

/**
 * The signed webhook endpoint. Verify before parse (over the raw bytes, with the runtime's
 * Standard Webhooks / hex-HMAC verification and its timestamp tolerance), then claim the delivery
 * id: a replay or a sender retry of a delivered event is acknowledged but never handled twice.
 * The 2xx goes out before the handler runs, as the sender expects an answer within seconds;
 * a failing handler is logged and its claim released so a redelivery can be processed. A store
 * that cannot answer (Redis down) gets 503: the sender retries, nothing is processed twice.
 */
export function createWebhookReceiver(config: WebhookConfig, log: Logger | undefined, now: () => number, limitStore?: RateLimitStore): WebhookReceiver {
  const store = config.store ?? new MemoryIdempotencyStore(now);
  const limit = config.rateLimit;
  const limiter = limit && (limitStore ?? new SlidingWindowStore());
  const ttl = config.dedupeTtlMs ?? DEFAULTS.webhookDedupeTtlMs;
  const max = config.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const pending = new Set<Promise<void>>();

  const run = (event: WebhookEvent, id: string, requestId: string): void => {
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => config.onEvent(event, { id, requestId }))
      .then(
        () => log?.info?.("webhook.handled", { requestId, webhookId: id, type: eventField(event, "type") }),
        async (error: unknown) => {
          log?.error?.("webhook.handler_failed", { requestId, webhookId: id, type: eventField(event, "type"), error });
          await Promise.resolve(store.release(id)).catch(() => undefined);
        },
      )
      .finally(() => pending.delete(task));
    pending.add(task);
  };

  return {
    path: config.path ?? DEFAULTS.webhookPath,
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async handle(incoming, requestId) {
      if (incoming.method !== "POST") return errorReply(405, "Webhooks are delivered with POST", requestId, { headers: { allow: "POST" } });
      // Before the body is read or a signature computed: a flood of forged requests costs a lookup.
      if (limit && limiter) {
        const t = now();
        const address = incoming.remoteAddress ?? "unknown";
        let r;
        try {
          r = await limiter.hit(`webhook:${address}`, t, limit.limit, limit.windowMs);
        } catch (e) {
          if (!(e instanceof StoreUnavailableError)) throw e;
          return errorReply(503, "Rate limiting is unavailable; try again shortly", requestId, { headers: { "retry-after": String(DEFAULTS.storeRetryAfterSec) } });
        }
        if (!r.allowed) {
          log?.warn?.("webhook.rate_limited", { requestId, address });
          return errorReply(429, `Over ${limit.limit} webhook deliveries per ${limit.windowMs / 1000} s from this address`, requestId, { headers: rateLimitHeaders(r, t) });
        }
      }
      let payload: Uint8Array<ArrayBuffer> | undefined;
      try {
        payload = await readBody(incoming.body, incoming.headers, max);
      } catch (e) {
        if (e instanceof BodyError) return errorReply(e.status, e.message, requestId);
        throw e;
      }
      let verified: { event: WebhookEvent; webhookId: string | undefined };
      try {
        verified = await constructEvent<WebhookEvent>({
          payload: payload ?? new Uint8Array(0),
          headers: incoming.headers,
          secret: config.secret,
          scheme: config.scheme ?? "standard",
          ...(config.signatureHeader ? { signatureHeader: config.signatureHeader } : {}),
          toleranceSec: config.toleranceSec ?? DEFAULTS.webhookToleranceSec,
          now: now(),
          ...((config.validate ?? webhookEvents.validateByDefault) ? { schema: webhookEvents.schema } : {}),
        });
      } catch (e) {
        if (e instanceof ValidationError) {
          log?.warn?.("webhook.invalid", { requestId, details: e.details });
          const details = (e.details ?? []).map((d) => ({ field: d.field || "body", message: d.message }));
          return errorReply(400, "Webhook payload does not match the spec", requestId, { code: "VALIDATION_ERROR", details });
        }
        if (e instanceof WebhookVerificationError) {
          log?.warn?.("webhook.rejected", { requestId, reason: e.message });
          return errorReply(400, e.message, requestId);
        }
        throw e;
      }
      const { event } = verified;
      const id = verified.webhookId ?? eventField(event, "id");
      if (!id) return errorReply(400, "Webhook delivery has no id", requestId);
      let claimed: boolean;
      try {
        claimed = await store.claim(id, ttl);
      } catch (error) {
        // Unknown whether it was delivered before: never guess (a guess either drops or doubles an
        // event). The sender retries a 5xx, and the store is back by then or it answers 503 again.
        log?.warn?.("webhook.deferred", { requestId, webhookId: id, type: eventField(event, "type"), error });
        return errorReply(503, "Webhook store unavailable; retry later", requestId, { headers: { "retry-after": String(DEFAULTS.storeRetryAfterSec) } });
      }
      if (!claimed) {
        log?.info?.("webhook.duplicate", { requestId, webhookId: id, type: eventField(event, "type") });
        return ack(true, requestId);
      }
      run(event, id, requestId);
      return ack(false, requestId);
    },
  };
}
