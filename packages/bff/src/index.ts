/**
 * Backend-for-frontend of the Platform API: browser apps call the proxy, the proxy calls the API
 * with the server-side credentials, after CORS, client identification, rate limiting and
 * validation against the generated schemas; plus a signed webhook receiver.
 */
export { createBff, type Bff, type ClientInfo } from "./bff.js";
export { toNodeListener, serveNode, fromNode, writeReply, type RunningServer } from "./node.js";
export { fromRequest, toResponse, type Incoming, type Reply } from "./exchange.js";
export { configFromEnv, ENV_VARS, type EnvOptions } from "./env.js";
export { BffConfigError, configProblems } from "./check-config.js";
export {
  DEFAULT_FORWARD_HEADERS,
  type BffConfig,
  type ClientIdentityConfig,
  type CorsConfig,
  type HealthConfig,
  type OperationId,
  type RateLimitConfig,
  type RedisConfig,
  type ServerConfig,
  type UpstreamAuth,
  type UpstreamConfig,
  type WebhookConfig,
  type WebhookDelivery,
  type WebhookEvent,
} from "./config.js";
export { SlidingWindowStore, rateLimitHeaders, type RateLimitResult, type RateLimitStore } from "./rate-limit.js";
export { FailoverRateLimitStore } from "./rate-limit-failover.js";
export { RedisConnection, type RedisState } from "./redis-connection.js";
export { RedisSlidingWindowStore } from "./redis-rate-limit.js";
export { RedisIdempotencyStore } from "./redis-idempotency.js";
export { StoreUnavailableError } from "./store-unavailable.js";
export { errorReply, errorResponse, codeForStatus, type ErrorResponseInit } from "./envelope.js";
export { ERROR_CONTENT_TYPE, type ErrorBody, type ErrorCode, type FieldError } from "./api-formats.js";
export { problemDetails, PROBLEM_CONTENT_TYPE, type BffErrorCode, type ProblemDetails } from "./error-format.js";
export { eventField, webhookEventsOf, type EventOf, type EventSchema, type WebhookEvents } from "./webhook-events.js";
export { jsonLogger, redactingLogger, type Logger } from "./logger.js";
export { SecretSet, REDACTED } from "./secrets.js";
export { createRouter, type RouteMatch } from "./router.js";
