import { ApiError, type ApiErrorInit } from "./api-error.js";

/**
 * The response arrived whole but its body could not be decoded as the operation declares (a 200
 * whose JSON does not parse). Not retried: the same request would most likely get the same body.
 */
export class ResponseParseError extends ApiError {
  override name = "ResponseParseError";
  /** The response's Content-Type, or "" when it sent none. */
  declare readonly contentType: string;
  /** The first bytes of the body as text (at most 200 characters), for logs and bug reports. */
  declare readonly bodyPreview: string;
  constructor(message: string, init: ApiErrorInit & { contentType: string; bodyPreview: string }) {
    super(message, init);
  }
}

/** A listing did not end: the server repeated a cursor or next URL (`cycle`), or kept reporting more pages past `pageCap` (`cap`). */
export class PaginationError extends ApiError {
  override name = "PaginationError";
  declare readonly reason: "cycle" | "cap";
  constructor(message: string, init: ApiErrorInit & { reason: "cycle" | "cap" }) {
    super(message, init);
  }
}
