import { ApiError, type ApiErrorInit } from "./api-error.js";

/** A value failed the user-supplied schema (webhook payload, SSE event). */
export class ValidationError extends ApiError {
  override name = "ValidationError";
}

/** A webhook signature, timestamp or header was missing or wrong. */
export class WebhookVerificationError extends ApiError {
  override name = "WebhookVerificationError";
}

/** A poller or other bounded wait hit its deadline before the work finished. */
export class DeadlineExceededError extends ApiError {
  override name = "DeadlineExceededError";
  declare readonly deadlineMs: number;
  declare readonly lastValue: unknown;
  constructor(message: string, init: ApiErrorInit & { deadlineMs: number; lastValue?: unknown }) {
    super(message, init);
  }
}

/** A polled job reached its failed state; `job` is the last representation seen. */
export class JobFailedError extends ApiError {
  override name = "JobFailedError";
  declare readonly job: unknown;
  constructor(message: string, init: ApiErrorInit & { job: unknown }) {
    super(message, init);
  }
}
