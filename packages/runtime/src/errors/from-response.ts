import { rateLimited, retryAfterMs } from "../retry-after.js";
import { ApiError, type ApiErrorInit, type ErrorDetail } from "./api-error.js";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServiceUnavailableError,
  UnprocessableEntityError,
} from "./http-errors.js";

/** The API's error envelope: `{ error: { code, message, details }, request_id }` (other common shapes are read too: see MESSAGE_KEYS). */
export interface ErrorEnvelope {
  error?: { code?: string; message?: string; details?: ErrorDetail[] };
  request_id?: string;
}

type ErrorCtor = new (message: string, init: ApiErrorInit) => ApiError;

const BY_STATUS: Record<number, ErrorCtor> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  503: ServiceUnavailableError,
};

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/**
 * Where error bodies put a readable message, most specific first: ours and Stripe's or OpenAI's
 * `{ error: { message } }`, GitHub's `{ message }`, RFC 9457's `detail` then `title`, OAuth 2's
 * `error_description`, FastAPI's `detail: [{ msg }]`, JSON:API's and GraphQL's `errors: [...]`,
 * Slack's `{ error: "invalid_auth" }`; `0` is a list's first item.
 */
const MESSAGE_KEYS = ["message", "detail", "error_description", "msg", "title", "errors", "error", "0"];

/** The first message under MESSAGE_KEYS, or the string itself; bounded, as the body is the server's. */
function messageOf(v: unknown, depth = 0): string | undefined {
  if (typeof v === "string") return v || undefined;
  if (depth < 4 && v && typeof v === "object")
    for (const k of MESSAGE_KEYS) {
      const m = messageOf((v as Record<string, unknown>)[k], depth + 1);
      if (m) return m;
    }
  return undefined;
}

function readEnvelope(body: unknown): { code?: string; message?: string; details?: ErrorDetail[]; requestId?: string } {
  // Object() of anything else (a string, a list, nothing) has none of these keys.
  const top = Object(body) as Record<string, unknown>;
  const err = top["error"];
  const nested = Object(err) as Record<string, unknown>;
  const details = nested["details"];
  return {
    // A bare `error` string that is a token (`invalid_grant`, `invalid_auth`) is the code to branch on.
    code: str(nested["code"]) ?? (typeof err === "string" && /^[\w.-]+$/.test(err) ? err : undefined),
    message: messageOf(body),
    details: Array.isArray(details) ? details : undefined,
    requestId: str(top["request_id"]),
  };
}

/**
 * Builds the typed error for a non-2xx response whose body was already read (openapi-fetch hands
 * `{ error, response }` with the body parsed). Never throws; unknown shapes still yield an ApiError.
 */
export function errorFromResponse(response: Response, body?: unknown, cause?: unknown): ApiError {
  const env = readEnvelope(body);
  const status = response.status;
  const requestId = response.headers.get("x-request-id") ?? env.requestId ?? undefined;
  // A text body (an HTML error page) only when short; a message found in a JSON body always.
  const found = typeof body === "string" && body.length >= 500 ? undefined : env.message;
  const message = `${status} ${found ?? (response.statusText || "HTTP error")}`;
  const init: ApiErrorInit = {
    status,
    requestId,
    code: env.code,
    details: env.details,
    headers: response.headers,
    body,
    cause,
  };
  if (rateLimited(response)) return new RateLimitError(message, { ...init, retryAfterMs: retryAfterMs(response) });
  const Ctor = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
  return new Ctor(message, init);
}

/** Reads the body (JSON if it parses, else text) and returns the typed error. Consumes the body. */
export async function readErrorResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    const text = await response.text();
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
  } catch (cause) {
    return errorFromResponse(response, undefined, cause);
  }
  return errorFromResponse(response, body);
}
