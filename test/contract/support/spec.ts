import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The bundle every generated package is built from, so cases and the spec cannot drift apart. */
export const bundledSpecPath = fileURLToPath(new URL("../../../spec/dist/openapi.json", import.meta.url));

type Json = Record<string, any>;
/** The methods Prism 5 routes: OpenAPI 3.1's eight. */
export const PRISM_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** A path item's operations: the fixed fields (3.2's `query` too), then 3.2's `additionalOperations`. */
function operationsOf(item: Json): [method: string, op: Json][] {
  const fixed = [...PRISM_METHODS, "query"].filter((m) => item[m]).map((m): [string, Json] => [m, item[m]]);
  return [...fixed, ...Object.entries<Json>(item.additionalOperations ?? {}).map(([m, op]): [string, Json] => [m.toLowerCase(), op])];
}

let cached: Json | undefined;
export function loadSpec(): Json {
  cached ??= JSON.parse(readFileSync(bundledSpecPath, "utf8")) as Json;
  return cached;
}

/** Follows local `$ref`s (the bundle has no external ones). */
export function deref<T = Json>(value: unknown, spec: Json = loadSpec()): T {
  let v = value as Json;
  for (let guard = 0; v && typeof v === "object" && typeof v.$ref === "string" && guard < 32; guard++) {
    const ref = v.$ref as string;
    if (!ref.startsWith("#/")) throw new Error(`Unsupported $ref ${ref}`);
    v = ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<Json>((node, key) => node?.[key], spec);
    if (v === undefined) throw new Error(`Dangling $ref ${ref}`);
  }
  return v as T;
}

export interface SpecOperation {
  id: string;
  method: string;
  path: string;
  /** Documented statuses, as written ("200", "404"). */
  statuses: string[];
  /** The documented 2xx a valid request gets; undefined when the operation documents none (a redirect, say). */
  success: string | undefined;
  errors: string[];
  /** Answers only text/event-stream on success. */
  stream: boolean;
  /** Has parameters or a body a request could get wrong. */
  hasInputs: boolean;
  /** Its parameters: the path item's, overridden by the operation's of the same name and location. */
  parameters: Json[];
  /** What Prism answers to an invalid request: the first of 422, 400 the operation documents. */
  invalidStatus: number | undefined;
  raw: Json;
}

export function specOperations(spec: Json = loadSpec()): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const [method, op] of operationsOf(item)) {
      const statuses = Object.keys(op.responses ?? {});
      const success = statuses.find((s) => /^2\d\d$/.test(s));
      const successResponse = success === undefined ? {} : deref<Json>(op.responses[success], spec);
      const byKey = new Map<string, Json>();
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => deref<Json>(p, spec))) byKey.set(`${p.in} ${p.name}`, p);
      const params = [...byKey.values()];
      out.push({
        id: op.operationId ?? `${method.toUpperCase()} ${path}`,
        method,
        path,
        statuses,
        success,
        errors: statuses.filter((s) => /^[45]\d\d$/.test(s)),
        // Only when an event stream is all it offers: with JSON (or audio) beside it, a client asks for that.
        stream: Object.keys(successResponse.content ?? {}).length > 0 && Object.keys(successResponse.content ?? {}).every((m) => m.startsWith("text/event-stream")),
        hasInputs: params.length > 0 || op.requestBody !== undefined,
        parameters: params,
        invalidStatus: statuses.includes("422") ? 422 : statuses.includes("400") ? 400 : undefined,
        raw: op,
      });
    }
  }
  return out;
}

export function specOperation(id: string): SpecOperation {
  const op = specOperations().find((o) => o.id === id);
  if (!op) throw new Error(`No operation ${id} in ${bundledSpecPath}`);
  return op;
}

/** The named (or first) example of an operation's request body for a media type. */
export function requestExample(id: string, mediaType = "application/json", name?: string): unknown {
  const body = deref<Json>(specOperation(id).raw.requestBody);
  const media = body?.content?.[mediaType] as Json | undefined;
  if (!media) throw new Error(`${id} has no ${mediaType} request body`);
  if (media.examples) {
    const key = name ?? Object.keys(media.examples)[0]!;
    const example = deref<Json>(media.examples[key]);
    if (!example) throw new Error(`${id} has no request example ${key}`);
    return structuredClone(example.value);
  }
  if (name === undefined && media.example !== undefined) return structuredClone(media.example);
  throw new Error(`${id} has no ${mediaType} request example${name ? ` named ${name}` : ""}`);
}

/** The example of a shared parameter (`components.parameters.<name>`). */
export function parameterExample(name: string): unknown {
  const p = deref<Json>(loadSpec().components?.parameters?.[name]);
  if (p?.example === undefined) throw new Error(`Parameter ${name} has no example`);
  return p.example;
}

/**
 * Response headers as the zod `responseHeaders` schemas expect them: lowercased names and values
 * typed by the header's schema (HTTP hands every header over as a string).
 */
export function typedHeaders(id: string, status: string, headers: Headers): Record<string, unknown> {
  const response = deref<Json>(specOperation(id).raw.responses[status]);
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries<Json>(response.headers ?? {})) {
    const value = headers.get(name);
    if (value === null) continue;
    const schema = deref<Json>(deref<Json>(def).schema ?? {});
    out[name.toLowerCase()] = coerce(value, ([] as string[]).concat(schema.type ?? []));
  }
  return out;
}

function coerce(value: string, types: string[]): unknown {
  if ((types.includes("integer") || types.includes("number")) && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  if (types.includes("boolean") && (value === "true" || value === "false")) return value === "true";
  return value;
}
