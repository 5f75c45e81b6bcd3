import { STATUS_CODES } from "node:http";

/**
 * The error shapes the BFF and an API's format module (`api-formats.ts`) agree on, and RFC 9457
 * problem details: the format of the BFF's own errors (CORS, 429, validation, upstream down…) in
 * front of an API whose error body it cannot build. A spec says what its error bodies look like,
 * not which field is the message or where a code goes, so a scaffolded project's `api-formats.ts`
 * answers in this standard form instead of guessing at the API's.
 */

/** One field-level problem: a validation issue, `field` in dot notation (`query.page`, `items.0.id`). */
export interface FieldError {
  field: string;
  message: string;
}

/** Why the BFF itself answers with an error; also sent as the `code` member. */
export type BffErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "VALIDATION_ERROR"
  | "RATE_LIMITED"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_ERROR";

/** An error as the BFF states it, before it takes the API's format. */
export interface ErrorParts<Code extends string = string, Detail = FieldError> {
  status: number;
  message: string;
  requestId: string;
  code: Code;
  details?: Detail[] | undefined;
}

/** What an error answer of the API keeps on its way to the browser (see `keepApiError`). */
export type KeptError<Code extends string = string, Detail = FieldError> =
  /** The body as the API sent it (secrets scrubbed): the spec documents it for that status. */
  | { keep: "body" }
  /** Its message, code and details, answered in the API's error format. */
  | { keep: "parts"; code: Code; message: string; details?: Detail[] | undefined; requestId?: string | undefined }
  /** Nothing: the status's code and a generic message, never an undocumented body. */
  | { keep: "nothing" };

/** `application/problem+json` with the proxy's extension members. */
export interface ProblemDetails {
  /** "about:blank": the status says what went wrong (RFC 9457 §4.2.1). */
  type: "about:blank";
  /** The status's reason phrase, as "about:blank" asks. */
  title: string;
  status: number;
  /** What happened to this request, in words (secrets already scrubbed). */
  detail: string;
  /** The id in the X-Request-Id header, so a report can be matched with the logs. */
  request_id: string;
  /** Tells apart answers with one status (502: API unreachable vs credentials refused). */
  code: BffErrorCode;
  /** The invalid fields of a rejected request or webhook payload. */
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** 499 is nginx's "client closed request": Node has no phrase for it. */
const title = (status: number): string => STATUS_CODES[status] ?? (status === 499 ? "Client Closed Request" : status >= 500 ? "Server Error" : "Client Error");

export function problemDetails(p: ErrorParts<BffErrorCode>): ProblemDetails {
  return {
    type: "about:blank",
    title: title(p.status),
    status: p.status,
    detail: p.message,
    request_id: p.requestId,
    code: p.code,
    ...(p.details?.length ? { errors: p.details } : {}),
  };
}

/**
 * An error answer of an API whose error format the BFF does not know: the body passes as it is
 * (scrubbed) when the spec documents it for that status and media type, as the generated client in
 * the browser expects that body; anything else keeps nothing.
 */
export function keepDocumentedError(answer: { body: unknown; documented: () => boolean }): KeptError<BffErrorCode> {
  return answer.documented() ? { keep: "body" } : { keep: "nothing" };
}
