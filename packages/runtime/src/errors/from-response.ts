import { retryAfterMs } from "../retry-after.js";
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

/** The API's error envelope: `{ error: { code, message, details }, request_id }`. */
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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function readEnvelope(body: unknown): { code?: string; message?: string; details?: ErrorDetail[]; requestId?: string } {
  if (!isRecord(body)) return {};
  const err = body["error"];
  const requestId = str(body["request_id"]);
  // Some endpoints answer `{ error: "text" }`; keep that message instead of dropping it.
  if (typeof err === "string") return { message: err, requestId };
  if (!isRecord(err)) return { requestId };
  const details = err["details"];
  return { code: str(err["code"]), message: str(err["message"]), details: Array.isArray(details) ? details : undefined, requestId };
}

/**
 * Builds the typed error for a non-2xx response whose body was already read (openapi-fetch hands
 * `{ error, response }` with the body parsed). Never throws; unknown shapes still yield an ApiError.
 */
export function errorFromResponse(response: Response, body?: unknown, cause?: unknown): ApiError {
  const env = readEnvelope(body);
  const status = response.status;
  const requestId = response.headers.get("x-request-id") ?? env.requestId ?? undefined;
  const fallback = typeof body === "string" && body.length > 0 && body.length < 500 ? body : response.statusText;
  const message = `${status} ${env.message ?? (fallback || "HTTP error")}`;
  const init: ApiErrorInit = {
    status,
    requestId,
    code: env.code,
    details: env.details,
    headers: response.headers,
    body,
    cause,
  };
  if (status === 429) return new RateLimitError(message, { ...init, retryAfterMs: retryAfterMs(response) });
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
