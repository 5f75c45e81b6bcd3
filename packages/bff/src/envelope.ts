import type { ErrorCode, ErrorDetail } from "@specforge/zod";
import { replyJson, toResponse, type Reply } from "./exchange.js";

/** The spec's error envelope (`components/schemas/Error`). */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
  request_id: string;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
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

/** The spec's code for a status: 4xx fall back to BAD_REQUEST, 5xx to INTERNAL_ERROR. */
export function codeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");
}

export interface ErrorResponseInit {
  details?: ErrorDetail[];
  /** Extra headers, e.g. Retry-After or Allow. */
  headers?: Record<string, string>;
  /** Code to send instead of the status's default. */
  code?: ErrorCode;
}

/** A JSON error reply in the spec's envelope, carrying the request id in body and header. */
export function errorReply(status: number, message: string, requestId: string, init: ErrorResponseInit = {}): Reply {
  const body: ErrorEnvelope = {
    error: { code: init.code ?? codeForStatus(status), message, ...(init.details?.length ? { details: init.details } : {}) },
    request_id: requestId,
  };
  // An error is about this request only; never let a shared cache replay it.
  return replyJson(status, body, { "cache-control": "no-store", "x-request-id": requestId, ...init.headers });
}

/** The same as a fetch Response, for routes of your own next to the proxy. */
export function errorResponse(status: number, message: string, requestId: string, init: ErrorResponseInit = {}): Response {
  return toResponse(errorReply(status, message, requestId, init));
}
