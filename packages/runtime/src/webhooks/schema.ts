import { ValidationError } from "../errors/index.js";

/** Anything with zod's `parse` or `safeParse` shape (zod, valibot adapters, hand-written guards). */
export type Schema<T> =
  | { parse(input: unknown): T }
  | { safeParse(input: unknown): { success: true; data: T } | { success: false; error: unknown } };

export type Infer<S> = S extends { safeParse(input: unknown): { success: true; data: infer T } | { success: false; error: unknown } }
  ? T
  : S extends { parse(input: unknown): infer T }
    ? T
    : never;

/** Runs the schema, preferring safeParse so the error is wrapped instead of thrown raw. */
export function validate<T>(schema: Schema<T>, value: unknown, what: string): T {
  if ("safeParse" in schema) {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    throw new ValidationError(`${what} failed validation`, { cause: r.error, details: issues(r.error) });
  }
  try {
    return schema.parse(value);
  } catch (cause) {
    throw new ValidationError(`${what} failed validation`, { cause, details: issues(cause) });
  }
}

/** Zod-style `issues` → the same `{ field, message }` details the API errors use. */
function issues(error: unknown): Array<{ field?: string; message: string }> | undefined {
  const list = (error as { issues?: Array<{ path?: PropertyKey[]; message?: string }> } | undefined)?.issues;
  if (!Array.isArray(list)) return undefined;
  return list.map((i) => ({ field: i.path?.map(String).join("."), message: i.message ?? "invalid" }));
}
