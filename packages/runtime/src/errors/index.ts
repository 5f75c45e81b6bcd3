export { ApiError, type ApiErrorInit, type ErrorDetail } from "./api-error.js";
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServiceUnavailableError,
  UnprocessableEntityError,
  type RateLimitErrorInit,
} from "./http-errors.js";
export { AbortError, CircuitOpenError, ConnectionError, TimeoutError } from "./transport-errors.js";
export { OAuthError, OAuthStateError, SessionExpiredError } from "./auth-errors.js";
export { PaginationError, ResponseParseError } from "./body-errors.js";
export { DeadlineExceededError, JobFailedError, ValidationError, WebhookVerificationError } from "./helper-errors.js";
export { errorFromResponse, readErrorResponse, type ErrorEnvelope } from "./from-response.js";
