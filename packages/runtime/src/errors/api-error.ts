/** A field-level problem reported by the API's error envelope. */
export interface ErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

export interface ApiErrorInit {
  /** HTTP status, absent for transport-level failures. */
  status?: number;
  /** Server request id (X-Request-Id / envelope `request_id`), or the id the runtime sent. */
  requestId?: string;
  /** Machine-readable code from the error envelope, e.g. `TOKEN_EXPIRED`. */
  code?: string;
  details?: ErrorDetail[];
  headers?: Headers;
  /** The decoded response body, kept so callers can read fields the envelope type does not know. */
  body?: unknown;
  cause?: unknown;
}

/**
 * Base class of every error the runtime raises, so `instanceof ApiError` is the one catch-all
 * callers need; subclasses narrow by status or failure mode.
 */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly code: string | undefined;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Headers | undefined;
  readonly body: unknown;

  constructor(message: string, init: ApiErrorInit = {}) {
    // Pass cause through the standard option so devtools and Node print the chain.
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.requestId = init.requestId;
    this.code = init.code;
    this.details = init.details;
    this.headers = init.headers;
    this.body = init.body;
  }

  /** Plain-object form for structured logs; headers are omitted because they may carry secrets. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      details: this.details,
    };
  }
}
