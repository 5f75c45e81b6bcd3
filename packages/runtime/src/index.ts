export { createRuntime, type Runtime } from "./runtime.js";
export type { CallOptions, FetchFn, Hooks, RequestContext, RequestInitWithDuplex, RuntimeOptions } from "./options.js";
export * from "./errors/index.js";

export { computeBackoff, type BackoffOptions } from "./backoff.js";
export { resolveRetry, isReplayable, type RetryOptions } from "./retry.js";
export { retryAfterMs, parseResetHeader } from "./retry-after.js";
export { systemClock, sleep, type Clock } from "./clock.js";

export type { AuthOptions, BearerProvider, TokenFunction, MaybePromise } from "./auth/bearer.js";
export {
  TokenManager,
  normalizeTokens,
  type OAuthTokenResponse,
  type TokenManagerOptions,
  type TokenSet,
} from "./auth/token-manager.js";
export { clientCredentials, type ClientCredentialsOptions, type ClientCredentialsProvider } from "./auth/client-credentials.js";
export { exchangeCode, oauthRefresh, requestToken, type ExchangeCodeOptions, type TokenEndpointOptions } from "./auth/token-endpoint.js";
export {
  buildAuthorizationUrl,
  createPkcePair,
  createState,
  parseAuthorizationCallback,
  pkceChallenge,
  verifyState,
  type AuthorizationUrlOptions,
  type PkcePair,
} from "./auth/pkce.js";

export {
  paginate,
  Paginator,
  type FetchedPage,
  type Page,
  type PageRequest,
  type PaginateOptions,
  type PaginationStyle,
} from "./pagination/paginate.js";
export { parseLinkHeader, findLink, type LinkValue } from "./pagination/link-header.js";

export { RateLimitTracker, type RateLimitState } from "./rate-limit.js";
export { RateLimiter, type RateLimiterOptions } from "./limiter.js";
export { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from "./circuit-breaker.js";
export { ResponseCache, type CacheEntry, type CacheOptions } from "./cache.js";

export { SSEParser, parseSSEStream, type SSEMessage } from "./sse.js";
export { streamEvents, type ConnectContext, type SSEEvent, type StreamEventsOptions } from "./sse-client.js";

export { signHmacHex, verifyHmacHex, type RawBody } from "./webhooks/hmac.js";
export {
  signStandardWebhook,
  verifyStandardWebhook,
  type HeaderSource,
  type StandardVerifyOptions,
} from "./webhooks/standard.js";
export { constructEvent, type ConstructEventOptions, type VerifiedEvent } from "./webhooks/event.js";
export { validate, type Infer, type Schema } from "./webhooks/schema.js";
export {
  idempotentHandler,
  MemoryIdempotencyStore,
  type IdempotencyStore,
  type IdempotentOptions,
  type IdempotentResult,
} from "./webhooks/idempotency.js";

export {
  encodeMultipart,
  supportsRequestStreams,
  trackUploadProgress,
  type ProgressCallback,
  type UploadProgress,
} from "./upload.js";
export { bulk, type BulkItemOutcome, type BulkOptions, type BulkReport, type BulkResult } from "./bulk.js";
export { pollJob, type PollOptions } from "./poll.js";
export { createRedactor, DEFAULT_REDACTED_HEADERS, REDACTED, type Logger } from "./logger.js";
