import { ApiError, type ApiErrorInit } from "./api-error.js";

/** 400: the request was malformed; retrying the same request will not help. */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}

/** 401: credentials missing, invalid or expired. */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}

/** 403: authenticated but not allowed. */
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}

/** 404 */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}

/** 409: state conflict, e.g. a duplicate or a stale version. */
export class ConflictError extends ApiError {
  override name = "ConflictError";
}

/** 422: semantically invalid input; `details` lists the offending fields. */
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}

export interface RateLimitErrorInit extends ApiErrorInit {
  retryAfterMs?: number;
}

/** 429, or a 403 that says how long to wait (GitHub's rate limits): carries that wait, when the server said it. */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
  declare readonly retryAfterMs: number | undefined;
  // ApiError's constructor defaults a missing init.
  constructor(message: string, init?: RateLimitErrorInit) {
    super(message, init);
  }
}

/** Any 5xx. */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}

/** 503: kept distinct because it usually means "come back later", not "bug". */
export class ServiceUnavailableError extends InternalServerError {
  override name = "ServiceUnavailableError";
}
