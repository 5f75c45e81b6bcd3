import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServiceUnavailableError,
  UnprocessableEntityError,
} from "@specforge/runtime";

/** The class the runtime promises for each status the spec documents. */
export const errorClassByStatus: Record<number, abstract new (...args: never[]) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
  500: InternalServerError,
  503: ServiceUnavailableError,
};

/**
 * The typed error behind a rejection. An event stream treats 429 and 5xx as a dropped connection
 * (it would reconnect); with reconnects off it gives up with a ConnectionError whose cause is
 * the typed error. Everything else rejects with the typed error itself.
 */
export function typedError(error: unknown, stream: boolean): unknown {
  if (stream && error instanceof ConnectionError && error.cause instanceof ApiError) return error.cause;
  return error;
}
