import { operations } from "@specforge/zod";
import { z } from "zod";

type Media = Record<string, unknown>;

/** The generated zod schemas of one operation, looked up by the spec's operationId. */
export interface ZodOperation {
  request?: { path?: unknown; query?: unknown; headers?: unknown; body?: Media };
  responses: Record<string, Media>;
  responseHeaders?: Record<string, unknown>;
  events?: Record<string, Media>;
}

export function zodOperation(id: string): ZodOperation {
  const op = (operations as unknown as Record<string, ZodOperation>)[id];
  if (!op) throw new Error(`@specforge/zod has no schemas for operation ${id}`);
  return op;
}

/** The media type a response declared, without parameters ("application/json; charset=utf-8"). */
export function mediaType(headers: Headers): string | undefined {
  return headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
}

/**
 * Why an invalid request that Prism let through is Prism's gap and not the spec's: the generated
 * zod schema of the violated location rejects the same value. Prism skips validating some
 * operations of large real specs (a schema its validator cannot compile passes everything);
 * undefined when zod accepts it too, or cannot tell, so the test fails as it should.
 */
export function prismGap(id: string, violates: string, init: { params?: Record<string, unknown>; body?: unknown }): string | undefined {
  const request = zodOperation(id).request;
  const where = violates.split(".")[1];
  // A form is left without a required field by construction (default-cases), so it is invalid.
  if (where === "body" && init.body instanceof FormData) return `${id}: Prism let a form through without a field its schema requires: Prism does not check this form's required fields, so there is nothing to check against it`;
  const media = Object.keys(request?.body ?? {}).find((m) => /json/.test(m));
  const [schema, value] =
    where === "body" ? [media && request?.body?.[media], init.body] : where === "query" || where === "path" ? [request?.[where], init.params?.[where] ?? {}] : [undefined, undefined];
  if (!(schema instanceof z.ZodType) || schema.safeParse(value).success) return undefined;
  return `${id}: Prism let an invalid ${violates} through that the spec's schema rejects (the generated zod schema does): Prism does not validate this operation, so there is nothing to check against it`;
}
