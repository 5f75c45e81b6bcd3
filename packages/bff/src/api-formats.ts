/**
 * What the BFF takes from one API's contract beyond what the generator emits for every spec: the
 * body of an error answer and the webhook events. The rest of the BFF reads only this module, so
 * another API needs only another version of it: the scaffold (tools/scaffold) writes one for its
 * spec, with RFC 9457 problem details (error-format.ts) and the spec's `webhooks` (webhook-events.ts).
 *
 * This is the Platform API's: its error envelope `{ error: { code, message, details? },
 * request_id }` (components/schemas/Error) and its `WebhookEvent` union.
 */
import { ErrorSchema, WebhookEvent_ResponseSchema, type ErrorCode as SpecErrorCode, type ErrorDetail, type WebhookEvent_Response } from "@specforge/zod";
import type { ErrorParts, KeptError } from "./error-format.js";
import type { WebhookEvents } from "./webhook-events.js";

/** A field-level problem, as the envelope's `details` carry it. */
export type FieldError = ErrorDetail;

/** The codes an error carries: the spec's `ErrorCode`. */
export type ErrorCode = SpecErrorCode;

/** The spec's error envelope (`components/schemas/Error`). */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: FieldError[] };
  request_id: string;
}

export const ERROR_CONTENT_TYPE = "application/json";

export function errorBody(p: ErrorParts<ErrorCode, FieldError>): ErrorBody {
  return { error: { code: p.code, message: p.message, ...(p.details?.length ? { details: p.details } : {}) }, request_id: p.requestId };
}

/**
 * An error answer of the API in the spec's envelope keeps its code, message and details: the BFF
 * answers a new envelope built from them, scrubbed. Anything else (a proxy's HTML page, an empty
 * 502) keeps nothing. Every operation documents this one envelope, so `documented` is not needed.
 */
export function keepApiError(answer: { body: unknown; documented: () => boolean }): KeptError<ErrorCode, FieldError> {
  const parsed = ErrorSchema.safeParse(answer.body);
  if (!parsed.success) return { keep: "nothing" };
  const { error, request_id } = parsed.data as ErrorBody;
  return { keep: "parts", code: error.code, message: error.message, details: error.details, requestId: request_id };
}

/** A webhook event as delivered (the response form of the spec's `WebhookEvent` union). */
export type WebhookEvent = WebhookEvent_Response;

/** Deliveries are checked against the union by default. */
export const webhookEvents: WebhookEvents<WebhookEvent> = { schema: WebhookEvent_ResponseSchema, validateByDefault: true };
