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
  declare readonly status: number | undefined;
  declare readonly requestId: string | undefined;
  declare readonly code: string | undefined;
  declare readonly details: ErrorDetail[] | undefined;
  declare readonly headers: Headers | undefined;
  declare readonly body: unknown;

  constructor(message: string, init: ApiErrorInit = {}) {
    const { cause, ...fields } = init;
    // Pass cause through the standard option so devtools and Node print the chain.
    super(message, cause === undefined ? undefined : { cause });
    // Every other field of the init becomes a property: subclasses only declare theirs.
    Object.assign(this, fields);
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
