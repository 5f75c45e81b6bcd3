import { z } from "zod";

/** Parses with a generated schema and fails with zod's readable report, naming what was checked. */
export function expectValid(schema: unknown, value: unknown, what: string): void {
  if (!(schema instanceof z.ZodType)) throw new Error(`No zod schema for ${what}`);
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${what} does not match its zod schema:\n${z.prettifyError(result.error)}\nvalue: ${JSON.stringify(value)}`);
}

/** Prism's `sl-violations` header: what it found wrong with the request or the response. */
export interface PrismViolation {
  location: (string | number)[];
  severity: string;
  code?: string | number;
  message: string;
}

export function slViolations(headers: Headers): PrismViolation[] {
  const raw = headers.get("sl-violations");
  return raw ? (JSON.parse(raw) as PrismViolation[]) : [];
}

/**
 * The violations of the 422 Prism makes up when the operation documents no 400/422 (a
 * problem+json body with `validation`; locations there start at "path", "query", "body").
 */
export function prismProblem(body: unknown): PrismViolation[] {
  const validation = (body as { validation?: unknown } | undefined)?.validation;
  return Array.isArray(validation) ? (validation as PrismViolation[]).filter((v) => Array.isArray(v?.location)) : [];
}
