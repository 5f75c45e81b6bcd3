import { ApiError, type ApiErrorInit } from "./api-error.js";

/** The request never produced a response: DNS, refused or reset connection, TLS, CORS. */
export class ConnectionError extends ApiError {
  override name = "ConnectionError";
  /**
   * `false` when no retry can help, so none was made: fetch refused the request by its own rules
   * (a redirect loop, a redirect with `redirect: "error"` or to a scheme or port it will not use).
   */
  declare readonly retryable: false | undefined;
}

/**
 * A timeout fired. Extends ConnectionError so "the network let us down" handlers catch both,
 * while `kind` says which budget ran out.
 */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
  declare readonly kind: "attempt" | "total";
  declare readonly timeoutMs: number;
  constructor(message: string, init: ApiErrorInit & { kind: "attempt" | "total"; timeoutMs: number }) {
    super(message, init);
  }
}

/** The caller aborted (their AbortSignal fired). Never retried, never counted as a timeout. */
export class AbortError extends ApiError {
  override name = "AbortError";
}

/** The circuit for this origin is open; no request was sent. */
export class CircuitOpenError extends ApiError {
  override name = "CircuitOpenError";
  declare readonly origin: string;
  /** Epoch ms at which the breaker lets a trial request through. */
  declare readonly retryAt: number;
  constructor(message: string, init: ApiErrorInit & { origin: string; retryAt: number }) {
    super(message, init);
  }
  /** Milliseconds from now until the breaker half-opens (0 if already due). */
  get retryAfterMs(): number {
    return Math.max(0, this.retryAt - Date.now());
  }
}
