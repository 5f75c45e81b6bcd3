import type { operationMeta } from "@specforge/client";
import type {
  CacheOptions,
  CircuitBreakerOptions,
  FetchFn,
  IdempotencyStore,
  Logger,
  RateLimiterOptions,
  RetryOptions,
} from "@specforge/runtime";
import type { WebhookEvent } from "./api-formats.js";
import type { RateLimitStore } from "./rate-limit.js";

/** An operationId of the spec, e.g. "listUsers". */
export type OperationId = keyof typeof operationMeta;

export type { WebhookEvent };

type MaybePromise<T> = T | Promise<T>;

/** Server-side credentials for the upstream API. Exactly one of `apiKey`, `bearer`, `basic`, `oauth`. */
export interface UpstreamAuth {
  /** API key sent in `apiKeyHeader`. Default: none. */
  apiKey?: string;
  /** Header carrying the API key. Default: the spec's apiKeyAuth header ("X-API-Key"). */
  apiKeyHeader?: string;
  /**
   * Keys by the spec's apiKey scheme names, for APIs that take several at once (Datadog's DD-API-KEY and
   * DD-APPLICATION-KEY, Trello's key and token): each goes where its scheme puts it, to the operations
   * whose security names the scheme. With `apiKey` (the first scheme's) or instead of it. Default: none.
   */
  apiKeys?: Record<string, string>;
  /** Static bearer token (a service token). Default: none. */
  bearer?: string;
  /** HTTP Basic credentials (Twilio's account SID and auth token, Jira's email and API token), sent to the operations whose spec accepts Basic. Default: none. */
  basic?: { username: string; password: string };
  /** OAuth2 client credentials; tokens are fetched, cached and refreshed by the runtime. Default: none. */
  oauth?: {
    /** OAuth client id. Required. */
    clientId: string;
    /** OAuth client secret. Required. */
    clientSecret: string;
    /** Token endpoint. Default: `<upstream url>/oauth/token` (the spec's issueOAuthToken). */
    tokenUrl?: string;
    /** Requested scopes, space-separated. Default: none (the server's default scope). */
    scope?: string;
    /** How the client authenticates at the token endpoint. Default: "body" (the spec's form fields). */
    authMethod?: "basic" | "body";
  };
}

/** The API behind the proxy and how the runtime talks to it. */
export interface UpstreamConfig {
  /** Base URL of the API, e.g. "https://api.example.com/v1". Required. */
  url: string;
  /** Credentials that never leave the server. Required. */
  auth: UpstreamAuth;
  /** Retry policy of the runtime, or false. Default: 2 retries, 200 ms initial backoff, Retry-After waits capped at 5 s. */
  retry?: RetryOptions | false;
  /** Per-attempt timeout until response headers arrive. Default: 10_000 ms. */
  timeoutMs?: number;
  /** Budget of one proxied request, retries included. Default: 20_000 ms. */
  totalTimeoutMs?: number;
  /** Circuit breaker on the upstream origin, or false. Default: true (5 failures, 30 s cool-down). */
  circuitBreaker?: CircuitBreakerOptions | boolean;
  /** Shared response cache for GETs (ETag revalidation), or false. Default: false. */
  cache?: CacheOptions | boolean;
  /** Outgoing limiter towards the API (rate and concurrency). Default: none. */
  limiter?: RateLimiterOptions;
  /** fetch used for the API and its token endpoint. Default: globalThis.fetch. */
  fetch?: FetchFn;
}

/** Cross-origin access for browser apps. */
export interface CorsConfig {
  /** Origins allowed to call from a browser, exactly `scheme://host[:port]`. Default: [] (none). */
  origins: readonly string[];
  /** Send `Access-Control-Allow-Credentials: true` (cookie sessions). Default: false. */
  credentials?: boolean;
  /** Preflight cache lifetime in seconds (`Access-Control-Max-Age`). Default: 600. */
  maxAgeSec?: number;
  /** Request headers allowed on top of the forwarded ones and the client-id header. Default: []. */
  allowHeaders?: readonly string[];
  /** Response headers exposed to scripts on top of the request id, rate-limit and caching ones. Default: []. */
  exposeHeaders?: readonly string[];
  /** Answer 403 to requests carrying an Origin that is not allowed (not just omit CORS headers). Default: true. */
  rejectOtherOrigins?: boolean;
}

/** Who is calling, for rate limits and allowlists. */
export interface ClientIdentityConfig {
  /** Header naming the calling app or user. Default: "X-Client-ID". */
  header?: string;
  /** Cookie holding a session id, used when the header is absent. Default: none. */
  sessionCookie?: string;
  /** Reject requests without an identity (401). Default: true. */
  required?: boolean;
  /** Only these client ids may call (403 otherwise). Default: any. */
  allowed?: readonly string[];
  /** Custom identification (e.g. a verified session lookup); undefined means anonymous. Default: header, then cookie. */
  identify?: (request: Request) => MaybePromise<string | undefined>;
}

/** Per-client limit over a sliding window. */
export interface RateLimitConfig {
  /** Requests a client may make per window. Default: 60. */
  limit?: number;
  /** Window length in ms. Default: 60_000. */
  windowMs?: number;
  /** Where hits are counted; a shared store behind a load balancer. Default: Redis when `redis` is set, else an in-memory sliding log. */
  store?: RateLimitStore;
}

/** What a webhook handler gets besides the event. */
export interface WebhookDelivery {
  /** `webhook-id` (standard) or the event id (hmac-hex, stripe): the deduplication key. */
  id: string;
  /** The proxy's request id of the delivery, as in the logs. */
  requestId: string;
}

/** The signed webhook receiver. */
export interface WebhookConfig {
  /** Path of the receiver (outside `basePath`). Default: "/webhooks". */
  path?: string;
  /** Signing secret: `whsec_…` (standard, stripe) or the shared HMAC secret (hmac-hex). Required. */
  secret: string;
  /** "standard": Standard Webhooks headers; "hmac-hex": hex HMAC-SHA256 in `signatureHeader`; "stripe": Stripe's `Stripe-Signature`. Default: "standard". */
  scheme?: "standard" | "hmac-hex" | "stripe";
  /** Header of the signature for "hmac-hex" and "stripe" (GitHub's: "X-Hub-Signature-256"). Default: "X-Webhook-Signature" and "Stripe-Signature". */
  signatureHeader?: string;
  /** Accepted clock difference of the signed timestamp, in seconds (standard and stripe schemes). Default: 300. */
  toleranceSec?: number;
  /** Where delivered ids are remembered to drop replays and duplicates. Default: Redis when `redis` is set, else in memory. */
  store?: IdempotencyStore;
  /** How long delivered ids are remembered. Default: 72 h (the sender retries for up to 3 days). */
  dedupeTtlMs?: number;
  /** Validate payloads against the API's webhook events (`api-formats.ts`). Default: true when the spec declares webhooks with a payload (the Platform API does). */
  validate?: boolean;
  /** Largest accepted body in bytes. Default: 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Deliveries accepted per sender address and window, counted before the body is read or a
   * signature computed, so a flood of forged requests costs no HMAC work. Counted in the rate-limit
   * store (shared through Redis when set; in memory when `rateLimit` is false). Default: off, as
   * senders legitimately burst: size it above your sender's peak.
   */
  rateLimit?: { limit: number; windowMs: number };
  /** Runs after the 2xx was sent; its errors are logged, never returned to the sender. Required. */
  onEvent: (event: WebhookEvent, delivery: WebhookDelivery) => void | Promise<void>;
}

/**
 * Redis for the state several BFF instances must share: rate-limit windows and webhook dedupe
 * records. Without it both live in process memory (right for one instance).
 */
export interface RedisConfig {
  /** `redis://[user:password@]host:port[/db]`, or `rediss://` for TLS; the password is scrubbed like any secret. Required. */
  url: string;
  /** Prefix of every key, so BFFs of different apps can share one Redis. Default: "specforge:bff:". */
  keyPrefix?: string;
  /** A command not answered within this counts as Redis down for that request (failure policy applies). Default: 250 ms. */
  commandTimeoutMs?: number;
  /** Longest wait for a connection, and for `bff.ready()` at startup. Default: 2_000 ms. */
  connectTimeoutMs?: number;
  /** Rate limiting while Redis is down or slow: "open" serves, each instance counting in memory; "closed" answers 503. Default: "open". */
  rateLimitOnFailure?: "open" | "closed";
}

/** The health route: which stores are in use and whether Redis answers. */
export interface HealthConfig {
  /** Path of the route (outside `basePath`). Default: "/healthz". */
  path?: string;
}

/** Where the node:http entry listens. */
export interface ServerConfig {
  /** TCP port; 0 picks a free one. Default: 8787. */
  port?: number;
  /** Interface to bind. Default: "127.0.0.1". */
  host?: string;
  /** Time a client has to send its request headers (408 after). Default: 10_000 ms. */
  headersTimeoutMs?: number;
  /** Time a client has to send its whole request, body included (408 after). Default: 30_000 ms. */
  requestTimeoutMs?: number;
  /** Connections served at once; more are refused. Default: 10_000. */
  maxConnections?: number;
}

export interface BffConfig {
  /** The API behind the proxy. Required. */
  upstream: UpstreamConfig;
  /** operationIds the proxy forwards; every other path answers 404. Required (may be empty). */
  operations: readonly OperationId[];
  /** Path prefix the API is mirrored under: `<basePath>/users/{id}` → `<upstream>/users/{id}`. Default: "/api". */
  basePath?: string;
  /** Browser origins. Default: no origin allowed. */
  cors?: CorsConfig;
  /** Client identification. Default: `X-Client-ID` header, required. */
  clients?: ClientIdentityConfig;
  /** Per-client rate limit, or false. Default: 60 requests per 60 s. */
  rateLimit?: RateLimitConfig | false;
  /** Validate path, query, headers and body with the generated zod schemas before forwarding. Default: true. */
  validate?: boolean;
  /** Largest request body accepted, in bytes (413 above). Default: 1 MiB. */
  maxBodyBytes?: number;
  /** Request headers forwarded to the API besides the ones the proxy sets. Default: accept, accept-language, content-type, if-match, if-none-match, idempotency-key, last-event-id. */
  forwardHeaders?: readonly string[];
  /** Signed webhook receiver. Default: none. */
  webhook?: WebhookConfig;
  /** Shared Redis stores for the rate limit and webhook dedupe (explicit `store`s win). Default: none (in memory). */
  redis?: RedisConfig;
  /** `GET <path>` reports the stores' state, or false. Default: { path: "/healthz" }. */
  health?: HealthConfig | false;
  /** node:http entry options. Default: 127.0.0.1:8787. */
  server?: ServerConfig;
  /** Receives one line per request and every error, with secrets redacted. Default: none (silent). */
  logger?: Logger;
  /** Time source in epoch ms for rate limits and webhook timestamps. Default: Date.now. */
  now?: () => number;
}

export const DEFAULT_FORWARD_HEADERS = [
  "accept",
  "accept-language",
  "content-type",
  "if-match",
  "if-none-match",
  "idempotency-key",
  "last-event-id",
] as const;

export const DEFAULTS = {
  basePath: "/api",
  clientHeader: "X-Client-ID",
  rateLimit: { limit: 60, windowMs: 60_000 },
  maxBodyBytes: 1024 * 1024,
  corsMaxAgeSec: 600,
  port: 8787,
  host: "127.0.0.1",
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 10_000,
  retry: { maxRetries: 2, initialDelayMs: 200, maxDelayMs: 2_000, maxRetryAfterMs: 5_000 },
  timeoutMs: 10_000,
  totalTimeoutMs: 20_000,
  webhookPath: "/webhooks",
  webhookToleranceSec: 300,
  webhookDedupeTtlMs: 72 * 60 * 60 * 1000,
  healthPath: "/healthz",
  redisKeyPrefix: "specforge:bff:",
  redisCommandTimeoutMs: 250,
  redisConnectTimeoutMs: 2_000,
  rateLimitOnRedisFailure: "open",
  /** Retry-After of the 503s a store outage causes (webhooks; rate limit when closed). */
  storeRetryAfterSec: 2,
} as const;
