import type { ApiErrorInit } from "./api-error.js";
import { ApiError } from "./api-error.js";
import { AuthenticationError } from "./http-errors.js";

/** Token refresh failed (or no refresh token was left): the user has to log in again. */
export class SessionExpiredError extends AuthenticationError {
  override name = "SessionExpiredError";
  constructor(message = "Session expired: token refresh failed", init: ApiErrorInit = {}) {
    super(message, { status: 401, ...init });
  }
}

/** An OAuth2 endpoint answered with an error (RFC 6749 §5.2 `error` / `error_description`). */
export class OAuthError extends ApiError {
  override name = "OAuthError";
}

/** The `state` returned to the redirect URI does not match the one we sent: possible CSRF. */
export class OAuthStateError extends ApiError {
  override name = "OAuthStateError";
}
