import { operations } from "@specforge/zod";

type Media = Record<string, unknown>;

/** The generated zod schemas of one operation, looked up by the spec's operationId. */
export interface ZodOperation {
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
