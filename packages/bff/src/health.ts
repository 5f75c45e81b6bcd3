import type { CircuitState } from "@specforge/runtime";
import { errorReply } from "./envelope.js";
import { replyJson, type Reply } from "./exchange.js";
import type { SharedStores } from "./shared-stores.js";

/**
 * `GET /healthz`: whether this instance serves and on what. Always 200 while the process serves:
 * Redis down is `"degraded"`, not a reason for a load balancer to pull the instance — every
 * instance shares that Redis, and the failure policy keeps them serving. The same holds for the
 * API behind the BFF: its circuit (`upstream.circuit`, when the breaker is on) not closed is
 * `"degraded"` too — the API is failing or still on trial, as seen from here, without a request
 * spent on a probe. Alert on `degraded`. No error text or address: the route is as public as the BFF.
 */
export function healthReply(method: string, stores: SharedStores, requestId: string, circuit?: () => CircuitState): Reply {
  if (method !== "GET" && method !== "HEAD") return errorReply(405, "Health is read with GET", requestId, { headers: { allow: "GET, HEAD" } });
  const state = stores.state();
  const upstream = circuit?.();
  const body = {
    status: (state === "off" || state === "up") && (upstream === undefined || upstream === "closed") ? "ok" : "degraded",
    stores: stores.kinds,
    ...(upstream === undefined ? {} : { upstream: { circuit: upstream } }),
    ...(state === "off"
      ? {}
      : { redis: { state, since: new Date(stores.redis!.since).toISOString(), onFailure: { rateLimit: stores.policy.rateLimit, webhooks: stores.policy.webhooks } } }),
  };
  return replyJson(200, body, { "cache-control": "no-store", "x-request-id": requestId });
}
