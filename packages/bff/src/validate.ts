import type { FieldError } from "./api-formats.js";

interface Issue {
  code?: string;
  expected?: string;
  path?: PropertyKey[];
  message?: string;
}
type SafeParse = (value: unknown) => { success: true } | { success: false; error: { issues: Issue[] } };
export interface ZodLike {
  safeParse: SafeParse;
}

/** What `@specforge/zod`'s `operations[id].request` holds. */
export interface RequestSchemas {
  path?: ZodLike;
  query?: ZodLike;
  header?: ZodLike;
  body?: Record<string, ZodLike>;
  bodyRequired?: boolean;
}

export interface RequestInput {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  /** The parsed body, when one was sent. */
  body?: unknown;
  /** Media type the body was parsed as (a key of `schemas.body`). */
  mediaType?: string;
}

export interface ValidationFailure {
  /** 400 when a parameter is wrong (BAD_REQUEST), 422 when only the body is. */
  status: 400 | 422;
  details: FieldError[];
}

/**
 * Checks a request against the generated schemas before it is forwarded. Parameters arrive as
 * strings while the schemas validate deserialised values (a query integer is a number), so
 * strings are converted where — and only where — the schema's own issues ask for another type.
 */
export function validateRequest(schemas: RequestSchemas, input: RequestInput, bodyStatus: 400 | 422): ValidationFailure | undefined {
  const params: FieldError[] = [];
  if (schemas.path) params.push(...check(schemas.path, { ...input.params }, "path."));
  if (schemas.query) params.push(...check(schemas.query, fromEntries(input.query), "query."));
  if (schemas.header) params.push(...check(schemas.header, fromEntries(input.headers), "header."));
  const body: FieldError[] = [];
  if (input.body !== undefined && input.mediaType && schemas.body?.[input.mediaType]) {
    body.push(...issuesOf(schemas.body[input.mediaType]!, input.body, ""));
  } else if (input.body === undefined && schemas.bodyRequired) {
    body.push({ field: "body", message: "Request body is required" });
  }
  if (params.length === 0 && body.length === 0) return undefined;
  return { status: params.length > 0 ? 400 : bodyStatus, details: [...params, ...body] };
}

function fromEntries(source: URLSearchParams | Headers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  source.forEach((v, k) => {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  });
  return out;
}

/** Validates parameter strings, converting a value when the schema reports the type it expected. */
function check(schema: ZodLike, value: Record<string, unknown>, prefix: string): FieldError[] {
  for (let round = 0; round < 4; round++) {
    const r = schema.safeParse(value);
    if (r.success) return [];
    let changed = false;
    for (const issue of r.error.issues) {
      if (issue.code !== "invalid_type" || !issue.path?.length || !issue.expected) continue;
      const next = coerce(get(value, issue.path), issue.expected);
      if (next !== undefined) changed = set(value, issue.path, next) || changed;
    }
    if (!changed) return details(r.error.issues, prefix);
  }
  return details((schema.safeParse(value) as { error?: { issues: Issue[] } }).error?.issues ?? [], prefix);
}

function coerce(v: unknown, expected: string): unknown {
  if (expected === "array") return Array.isArray(v) ? undefined : [v];
  if (typeof v !== "string") return undefined;
  if (expected === "number" && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return Number(v);
  if (expected === "boolean" && (v === "true" || v === "false")) return v === "true";
  if (expected === "null" && (v === "" || v === "null")) return null;
  return undefined;
}

function get(root: unknown, path: PropertyKey[]): unknown {
  let cur = root;
  for (const k of path) cur = cur === null || typeof cur !== "object" ? undefined : (cur as Record<PropertyKey, unknown>)[k];
  return cur;
}

function set(root: Record<string, unknown>, path: PropertyKey[], value: unknown): boolean {
  let cur: unknown = root;
  for (const k of path.slice(0, -1)) cur = cur === null || typeof cur !== "object" ? undefined : (cur as Record<PropertyKey, unknown>)[k];
  if (cur === null || typeof cur !== "object") return false;
  (cur as Record<PropertyKey, unknown>)[path[path.length - 1]!] = value;
  return true;
}

function issuesOf(schema: ZodLike, value: unknown, prefix: string): FieldError[] {
  const r = schema.safeParse(value);
  return r.success ? [] : details(r.error.issues, prefix);
}

function details(issues: Issue[], prefix: string): FieldError[] {
  return issues.map((i) => {
    const path = (i.path ?? []).map(String).join(".");
    const field = prefix ? (path ? prefix + path : prefix.slice(0, -1)) : path || "body";
    return { field, message: i.message ?? "Invalid value" };
  });
}
