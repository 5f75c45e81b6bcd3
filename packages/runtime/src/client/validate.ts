import { ResponseParseError, ValidationError, type ErrorDetail } from "../errors/index.js";
import type { SSEMessage } from "../sse.js";
import { JSON_TYPE } from "./read-body.js";

/** A Standard Schema (zod 4, valibot, ArkType…): only what checking a value needs. */
export interface StandardSchema {
  readonly "~standard": { validate(value: unknown): StandardResult | Promise<StandardResult> };
}
// Optional members also take `undefined`: consumers compiling with exactOptionalPropertyTypes get
// Standard Schema's own types (`path?: … | undefined`), which must still be assignable here.
interface StandardResult {
  readonly issues?: readonly { readonly message: string; readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined }[] | undefined;
}

/**
 * Schemas of success bodies by operation id, then status as the spec writes it ("200", "2XX",
 * "default"), then media type: the `operations` export of the generated zod module has this shape.
 */
export type ResponseSchemas = Readonly<Record<string, { readonly responses?: BodySchemas | undefined; readonly events?: BodySchemas | undefined } | undefined>>;
/** Schemas by status, then media type. */
type BodySchemas = Readonly<Record<string, Readonly<Record<string, StandardSchema | undefined>>>>;

/** Request schemas by operation id (the generated zod module's `operations` has this shape too). */
export type RequestSchemas = Readonly<
  Record<
    string,
    | {
        readonly request?:
          | {
              readonly path?: StandardSchema | undefined;
              readonly query?: StandardSchema | undefined;
              // Not checked here (see requestCheck), but an operation with header parameters only
              // must still fit: a type sharing no property with this one is refused by TypeScript.
              readonly header?: StandardSchema | undefined;
              readonly cookie?: StandardSchema | undefined;
              readonly body?: Readonly<Record<string, StandardSchema | undefined>> | undefined;
              readonly bodyRequired?: boolean | undefined;
            }
          | undefined;
      }
    | undefined
  >
>;

/** What a call sends, as the operation methods take it. */
interface RequestParts {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
}

/**
 * The check of one operation's requests before they are sent, or undefined when there is nothing to
 * check: path and query parameters (as the call passes them: typed values, not strings) and the body
 * in the spec's media type (`mediaType`, else JSON). Headers and cookies are left out: the runtime
 * adds some of them itself (an idempotency key, credentials). A request that does not match is a
 * ValidationError naming the operation and each issue (`details`), and nothing is sent.
 */
export function requestCheck(schemas: RequestSchemas | undefined, id: string, mediaType: string | undefined): ((init: RequestParts) => ValidationError | undefined) | undefined {
  const request = schemas && own(schemas, id)?.request;
  if (!request) return undefined;
  const body = request.body && (own(request.body, mediaType ?? "application/json") ?? (mediaType === undefined ? Object.entries(request.body).find(([t]) => JSON_TYPE.test(t))?.[1] : undefined));
  return (init) => {
    const details: ErrorDetail[] = [];
    const check = (schema: StandardSchema | undefined, value: unknown, at: string) => {
      const r = schema?.["~standard"].validate(value);
      // An asynchronous validator cannot hold the call back here: it is left to the server.
      if (r && !(r instanceof Promise) && r.issues) details.push(...detailsOf(r.issues).map((d) => ({ ...d, field: d.field ? `${at}.${d.field}` : at })));
    };
    check(request.path, init.params?.path ?? {}, "path");
    check(request.query, init.params?.query ?? {}, "query");
    if (init.body === undefined) {
      if (request.bodyRequired) details.push({ field: "body", message: "Required" });
    } else if (!encoded(init.body)) check(body, withoutBytes(init.body), "body");
    return details.length ? new ValidationError(`${id}: request does not match the spec: ${listed(details)}`, { details }) : undefined;
  };
}

/** A body the caller encoded already (FormData, URLSearchParams, a stream): not the spec's value. */
function encoded(body: unknown): boolean {
  return body instanceof FormData || body instanceof URLSearchParams || body instanceof ReadableStream;
}

/** At most this many issues are listed in the message (all of them are in `details`). */
const LISTED = 3;

/**
 * The check of one operation's success bodies, or undefined when there is nothing to check. The
 * schema is picked by status (exact, then `2XX`, then `default`) and by the response's media type
 * (else `application/json`, or the first JSON one, for a body the client decoded as JSON); a body that does not match is a
 * ResponseParseError naming the operation, with every issue in `details` and the body in `body`.
 */
export function responseCheck(schemas: ResponseSchemas | undefined, id: string): ((data: unknown, response: Response) => unknown) | undefined {
  const byStatus = schemas && own(schemas, id)?.responses;
  if (!byStatus) return undefined;
  return (data, response) => {
    const status = String(response.status);
    const byType = own(byStatus, status) ?? own(byStatus, `${status[0]}XX`) ?? own(byStatus, "default");
    const contentType = response.headers.get("content-type") ?? "";
    const type = contentType.split(";")[0]!.trim().toLowerCase();
    const decoded = typeof data !== "string" && !(data instanceof Blob);
    const schema = byType && (own(byType, type) ?? (decoded ? (own(byType, "application/json") ?? Object.entries(byType).find(([t]) => JSON_TYPE.test(t))?.[1]) : undefined));
    if (!schema || data === undefined) return data;
    const result = schema["~standard"].validate(data);
    const settle = (r: StandardResult): unknown => {
      if (!r.issues) return data;
      const details = detailsOf(r.issues);
      throw new ResponseParseError(`${id}: ${status} response body does not match the spec: ${listed(details)}`, {
        status: response.status,
        requestId: response.headers.get("x-request-id") ?? undefined,
        headers: response.headers,
        contentType,
        bodyPreview: preview(data),
        details,
        body: data,
      });
    };
    return result instanceof Promise ? result.then(settle) : settle(result);
  };
}

/**
 * The check of each event's data of an event-stream operation (`events` of its success status), as
 * `streamEvents`' `parse`: a mismatch throws, which the stream reports as a ValidationError of that
 * event with this error, and its issues in `details`, as `cause`. The data passes when it matches, or
 * when the event as a whole (`{ event, id, data }`) does. Undefined when there is nothing to
 * check or the schema validates asynchronously (`parse` is synchronous).
 */
export function eventCheck(schemas: ResponseSchemas | undefined, id: string): ((data: unknown, message: SSEMessage) => unknown) | undefined {
  const events = schemas && own(schemas, id)?.events;
  const status = events && (own(events, "200") ?? Object.entries(events).find(([s]) => s.startsWith("2"))?.[1] ?? own(events, "default"));
  const schema = status && (own(status, "text/event-stream") ?? Object.values(status)[0]);
  if (!schema) return undefined;
  return (data, message) => {
    const r = schema["~standard"].validate(data);
    if (r instanceof Promise || !r.issues) return data;
    // `x-sse-event-schema` is the data in some specs and the whole event (`event`, `id`, `data`) in others.
    const whole = schema["~standard"].validate({ event: message.event, ...(message.id !== undefined ? { id: message.id } : {}), data });
    if (whole instanceof Promise || !whole.issues) return data;
    const details = detailsOf(r.issues);
    throw Object.assign(new TypeError(`${id}: event data does not match the spec: ${listed(details)}`), { details });
  };
}

/**
 * A multipart part or a raw body the client takes as a file or bytes is a `format: binary` string in
 * the spec, which a validator reads as text: such values (at the top, in a form's fields or their
 * lists) are checked as a stand-in string, since bytes have no string constraints to meet.
 */
function withoutBytes(body: unknown): unknown {
  const bytes = (v: unknown) => v instanceof Blob || v instanceof ArrayBuffer || ArrayBuffer.isView(v);
  const part = (v: unknown): unknown => (bytes(v) ? "binary" : Array.isArray(v) ? v.map((x) => (bytes(x) ? "binary" : x)) : v);
  if (bytes(body)) return "binary";
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const entries = Object.entries(body);
  return entries.some(([, v]) => bytes(v) || (Array.isArray(v) && v.some(bytes))) ? Object.fromEntries(entries.map(([k, v]) => [k, part(v)])) : body;
}

function detailsOf(issues: NonNullable<StandardResult["issues"]>): ErrorDetail[] {
  return issues.map((issue) => ({ field: (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join("."), message: issue.message }));
}

/** The first issues as one line, and how many more. */
function listed(details: ErrorDetail[]): string {
  const first = details.slice(0, LISTED).map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join("; ");
  return details.length > LISTED ? `${first} (+${details.length - LISTED} more)` : first;
}

function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

function preview(data: unknown): string {
  try {
    return (JSON.stringify(data) ?? "").slice(0, 200);
  } catch {
    return "";
  }
}
