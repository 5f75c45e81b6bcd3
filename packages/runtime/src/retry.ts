import { computeBackoff, type BackoffOptions } from "./backoff.js";
import { rateLimited, retryAfterMs } from "./retry-after.js";

export interface RetryOptions extends BackoffOptions {
  /** Retries after the first attempt (so up to maxRetries + 1 attempts). Default: 2. */
  maxRetries?: number;
  /**
   * Statuses worth retrying, as a list or a predicate (which also gets the response, to read its
   * headers). Default: 408, 429, every 5xx, and a 403 that says how long to wait (GitHub's rate limits).
   */
  retryOnStatus?: readonly number[] | ((status: number, response: Response) => boolean);
  /** Retry when the connection failed (reset, refused, DNS). Default: true. */
  retryOnNetworkError?: boolean;
  /** Retry when a single attempt timed out. Default: true. */
  retryOnTimeout?: boolean;
  /** Server-requested waits longer than this end retrying and return the response. Default: 60_000 ms. */
  maxRetryAfterMs?: number;
  /**
   * Header carrying the retry number on retries only ("1", "2"…; absent on the first attempt), or
   * `false`. Default: false: in a browser, a header the API's CORS allowlist does not name would
   * block every retry at its preflight.
   */
  retryCountHeader?: string | false;
  /** Header whose presence makes POST/PATCH safe to retry. Default: "Idempotency-Key". */
  idempotencyHeader?: string;
}

export type ResolvedRetry = Required<Omit<RetryOptions, "retryOnStatus" | keyof BackoffOptions>> & {
  backoff: BackoffOptions;
  retryOnStatus: (status: number, response: Response) => boolean;
};

const defaultStatus = (s: number, r: Response): boolean => s === 408 || rateLimited(r) || (s >= 500 && s < 600);

export function resolveRetry(options: RetryOptions | false | undefined): ResolvedRetry {
  const o = options === false ? { maxRetries: 0 } : (options ?? {});
  const list = o.retryOnStatus;
  return {
    maxRetries: o.maxRetries ?? 2,
    retryOnNetworkError: o.retryOnNetworkError ?? true,
    retryOnTimeout: o.retryOnTimeout ?? true,
    maxRetryAfterMs: o.maxRetryAfterMs ?? 60_000,
    retryCountHeader: o.retryCountHeader ?? false,
    idempotencyHeader: o.idempotencyHeader ?? "Idempotency-Key",
    retryOnStatus: typeof list === "function" ? list : list ? (s) => list.includes(s) : defaultStatus,
    // The options are a BackoffOptions themselves: computeBackoff reads only its own fields.
    backoff: o,
  };
}

/** RFC 9110 §9.2.2 idempotent methods, and QUERY (a safe read with a body); repeating them cannot duplicate a side effect. */
const IDEMPOTENT = /^(GET|HEAD|OPTIONS|PUT|DELETE|TRACE|QUERY)$/;

/**
 * Whether a request may be sent again. An explicit `idempotent` flag from the operation wins;
 * otherwise POST/PATCH qualify only with an idempotency key, since the server then dedupes.
 */
export function isReplayable(method: string, headers: Headers, idempotencyHeader: string, idempotent?: boolean): boolean {
  // `prepare` upper-cases the standard methods, as fetch does.
  return (idempotent ?? IDEMPOTENT.test(method)) || headers.has(idempotencyHeader);
}

/**
 * Delay before the next attempt for a retryable response, or undefined when the server asked for a
 * wait longer than allowed (then the response is returned as-is rather than waited on).
 */
export function delayForResponse(
  response: Response,
  retry: number,
  policy: ResolvedRetry,
  now: number,
  random: () => number,
): number | undefined {
  const asked = retryAfterMs(response, now);
  if (asked === undefined) return computeBackoff(retry, policy.backoff, random);
  if (asked > policy.maxRetryAfterMs) return undefined;
  return asked;
}
