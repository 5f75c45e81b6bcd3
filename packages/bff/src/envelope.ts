import { ERROR_CONTENT_TYPE, errorBody, type ErrorCode, type FieldError } from "./api-formats.js";
import type { BffErrorCode } from "./error-format.js";
import { replyJson, toResponse, type Reply } from "./exchange.js";

/**
 * The BFF's own error answers, in the API's error format (`api-formats.ts`): the spec's envelope
 * for the Platform API, RFC 9457 problem details in a scaffolded project.
 */

const CODE_BY_STATUS: Record<number, BffErrorCode> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "BAD_REQUEST",
  409: "CONFLICT",
  413: "BAD_REQUEST",
  415: "BAD_REQUEST",
  422: "VALIDATION_ERROR",
  429: "RATE_LIMITED",
  503: "SERVICE_UNAVAILABLE",
  504: "SERVICE_UNAVAILABLE",
};

/** The code for a status: 4xx fall back to BAD_REQUEST, 5xx to INTERNAL_ERROR. */
export function codeForStatus(status: number): BffErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");
}

export interface ErrorResponseInit {
  details?: FieldError[] | undefined;
  /** Extra headers, e.g. Retry-After or Allow. */
  headers?: Record<string, string>;
  /** Code to send instead of the status's default. */
  code?: ErrorCode;
}

/** An error reply in the API's error format, carrying the request id in body and header. */
export function errorReply(status: number, message: string, requestId: string, init: ErrorResponseInit = {}): Reply {
  // The BFF's codes are a subset of every format's: this line does not compile otherwise.
  const code: ErrorCode = init.code ?? codeForStatus(status);
  const body = errorBody({ status, message, requestId, code, details: init.details });
  // An error is about this request only; never let a shared cache replay it.
  return replyJson(status, body, { "content-type": ERROR_CONTENT_TYPE, "cache-control": "no-store", "x-request-id": requestId, ...init.headers });
}

/** The same as a fetch Response, for routes of your own next to the proxy. */
export function errorResponse(status: number, message: string, requestId: string, init: ErrorResponseInit = {}): Response {
  return toResponse(errorReply(status, message, requestId, init));
}
