import type { AuthOptions } from "./auth/bearer.js";
import type { CacheOptions } from "./cache.js";
import type { CircuitBreakerOptions } from "./circuit-breaker.js";
import type { Clock } from "./clock.js";
import type { ApiError } from "./errors/index.js";
import type { RateLimiterOptions } from "./limiter.js";
import type { Logger } from "./logger.js";
import type { RetryOptions } from "./retry.js";
import type { ProgressCallback } from "./upload.js";

/** The fetch signature the runtime exposes and consumes; openapi-fetch's `fetch` option accepts it. */
export type FetchFn = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** RequestInit plus `duplex`, which lib.dom does not declare yet but streamed bodies require. */
export type RequestInitWithDuplex = RequestInit & { duplex?: "half" };

export interface RequestContext {
  /** The outgoing request for this attempt (headers include auth, already redacted in logs only). */
  request: Request;
  /** 0 for the first attempt. */
  attempt: number;
  requestId: string | undefined;
  call: CallOptions;
}

export interface Hooks {
  /** Before each attempt; return a Request to replace the one sent. Default: none. */
  onRequest?: (ctx: RequestContext) => void | Request | Promise<void | Request>;
  /** Once per logical request with the response handed back to the caller. Default: none. */
  onResponse?: (ctx: RequestContext & { response: Response; durationMs: number }) => void | Promise<void>;
  /** Before waiting for a retry, with the failed response or error. Default: none. */
  onRetry?: (ctx: RequestContext & { delayMs: number; response?: Response; error?: ApiError }) => void | Promise<void>;
  /** When the runtime is about to throw. Default: none. */
  onError?: (ctx: RequestContext & { error: ApiError }) => void | Promise<void>;
}

export interface RuntimeOptions {
  /** Resolves relative URLs and is the default origin for `rateLimit.get()`. Default: none. */
  baseUrl?: string | undefined;
  /** Underlying fetch. Default: globalThis.fetch (looked up per call so test/polyfill swaps apply). */
  fetch?: FetchFn | undefined;
  /** Headers added to every request unless the request sets them. Default: none. */
  headers?: ConstructorParameters<typeof Headers>[0] | undefined;
  /** Retry policy, or false to never retry. Default: 2 retries, see RetryOptions. */
  retry?: RetryOptions | false | undefined;
  /** Per-attempt timeout (operation methods: through the body; runtime.fetch: until the headers); 0 or Infinity disables it. Default: 30_000 ms. */
  timeoutMs?: number | undefined;
  /** Budget for the whole logical request, retries and backoff included. Default: none. */
  totalTimeoutMs?: number | undefined;
  /** Credentials to attach. Default: none. */
  auth?: AuthOptions | undefined;
  /** Client-side token bucket / concurrency limiter. Default: none (server headers are still tracked). */
  rateLimit?: RateLimiterOptions | undefined;
  /** Per-origin circuit breaker; true uses the defaults. Default: off. */
  circuitBreaker?: CircuitBreakerOptions | boolean | undefined;
  /** In-memory GET cache with ETag revalidation; true uses the defaults. Default: off. */
  cache?: CacheOptions | boolean | undefined;
  /** Lifecycle hooks. Default: none. */
  hooks?: Hooks | undefined;
  /** Receives request/response/retry/error lines with secrets redacted. Default: none (silent). */
  logger?: Logger | undefined;
  /** Extra header names to redact in logs, on top of Authorization, X-API-Key, Cookie, Set-Cookie. Default: []. */
  redactHeaders?: string[] | undefined;
  /**
   * Header that sends the per-request id (kept across retries) to the API, or false to keep it in
   * errors, logs and hooks only. Default: false: an undeclared header makes every cross-origin browser
   * call need a preflight the API must allow, and most public APIs' CORS allowlists do not name it.
   */
  requestIdHeader?: string | false | undefined;
  /** Time source and sleeper (tests shrink waits with it). Default: real time. */
  clock?: Clock | undefined;
  /** Random source in [0, 1) for jitter. Default: Math.random. */
  random?: (() => number) | undefined;
}

/** Per-call overrides, passed via `runtime.withCall(options)`; generated code fills the spec-derived ones. */
export interface CallOptions {
  /** Overrides `retry.maxRetries` for this call. Default: the runtime's. */
  retries?: number | undefined;
  /** Overrides the per-attempt timeout. Default: the runtime's. */
  timeoutMs?: number | undefined;
  /** Overrides the overall timeout. Default: the runtime's. */
  totalTimeoutMs?: number | undefined;
  /** Aborting it rejects with AbortError and stops retries. Default: none. */
  signal?: AbortSignal | undefined;
  /** The operation is (not) safe to repeat, overriding the method-based rule. Default: by method. */
  idempotent?: boolean | undefined;
  /** The operation declares this idempotency header; a key is generated per logical request if absent. Default: none. */
  idempotencyHeader?: string | undefined;
  /** Explicit idempotency key, reused on every retry. Default: generated when idempotencyHeader is set. */
  idempotencyKey?: string | undefined;
  /** Cache tags for this read, used by later `invalidates`. Default: []. */
  tags?: string[] | undefined;
  /** Cache tags this mutation makes stale; dropped once it completes. Default: []. */
  invalidates?: string[] | undefined;
  /** false bypasses the cache; a number overrides the TTL in ms. Default: cache per runtime options. */
  cache?: boolean | { ttlMs: number } | undefined;
  /**
   * false sends no runtime credentials (login and refresh endpoints); an object picks which kinds
   * the operation accepts (`{ bearer: true, apiKey: false }`; `basic`: a generated client's). Default: true (every configured kind).
   */
  auth?: boolean | { bearer?: boolean; apiKey?: boolean; basic?: boolean } | undefined;
  /** Extra headers for this call. Default: none. */
  headers?: ConstructorParameters<typeof Headers>[0] | undefined;
  /** Reports request-body bytes sent (streams the buffered body; one tick at the end where unsupported). Default: none. */
  onUploadProgress?: ProgressCallback | undefined;
  /** Operation id for logs and hooks. Default: none. */
  operationId?: string | undefined;
}
