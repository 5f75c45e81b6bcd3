import type { IRMediaContent, IROperation, IRProperty, IRSchema } from "../../ir/types.js";
import type { Mode, Rendered, ZodState } from "./state.js";
import { render } from "./schema-expr.js";
import { ALL } from "./type-set.js";
import { indentType } from "./ts-type.js";
import { jsDoc, propertyKey, stringLiteral } from "../inert.js";
import { UniqueKeys } from "./unique-keys.js";
import { declareMap, declareVia } from "./declare.js";

const LOCATIONS = ["path", "query", "header", "cookie"] as const;

/** A schema for use outside the components: a component constant as is, anything else wrapped and typed. */
export function standalone(st: ZodState, s: IRSchema, mode: Mode): string {
  return wrap(st, render(st, s, ALL, mode));
}

export function wrap(st: ZodState, r: Rendered): string {
  // A component constant (typed already) is used as is; helpers and expressions are `$`-named or composite.
  const isConst = !r.z.includes("$") && !r.z.includes("(") && !r.z.includes("\u0001");
  return isConst ? r.z : `$schema<${indentType(r.ts, "      ")}>(${r.z})`;
}

/** `{ "application/json": Schema, … }` of a request or response content map. */
function contentMap(st: ZodState, content: IRMediaContent[], mode: Mode, pick: (c: IRMediaContent) => IRSchema | undefined): string {
  const entries = content.flatMap((c) => {
    const s = pick(c);
    return s ? [`${propertyKey(c.mediaType)}: ${standalone(st, s, mode)}`] : [];
  });
  return entries.length ? `{ ${entries.join(", ")} }` : "{}";
}

/**
 * The parameters of one location as an object (kept loose: other parameters may be present).
 * Values are those after deserialisation (a query integer is a number); header names are
 * lowercased, as HTTP header names are case-insensitive and Node/fetch hand them lowercased.
 */
function paramObject(st: ZodState, op: IROperation, loc: (typeof LOCATIONS)[number]): string | undefined {
  const params = op.parameters.filter((p) => p.in === loc);
  if (params.length === 0) return undefined;
  const seen = new Set<string>();
  const properties: IRProperty[] = [];
  for (const p of params) {
    const name = loc === "header" ? p.name.toLowerCase() : p.name;
    if (seen.has(name)) continue;
    seen.add(name);
    const meta = { ...p.schema.meta, ...(p.description ? { description: p.description } : {}), ...(p.deprecated ? { deprecated: true } : {}) };
    properties.push({ name, required: p.required, schema: { ...p.schema, meta } });
  }
  return standalone(st, objectOf(op.pointer, properties), "request");
}

/** An object schema with these properties (for parameters and headers). */
function objectOf(pointer: string, properties: IRProperty[]): IRSchema {
  return { pointer, types: ["object"], object: { properties, requiredOnly: [] }, meta: {} };
}

/** Request and response schemas of one operation (also used for webhooks). */
export function operationEntry(st: ZodState, op: IROperation, indent: string, responseMode: Mode = "response", requestMode: Mode = "request"): string {
  const lines: string[] = [];
  const i2 = indent + "  ";
  lines.push(`${i2}method: ${stringLiteral(op.method)},`, `${i2}path: ${stringLiteral(op.path)},`);
  const request: string[] = [];
  for (const loc of LOCATIONS) {
    const obj = paramObject(st, op, loc);
    if (obj) request.push(`${loc}: ${obj}`);
  }
  if (op.requestBody) {
    request.push(`body: ${contentMap(st, op.requestBody.content, requestMode, (c) => c.schema)}`);
    request.push(`bodyRequired: ${op.requestBody.required}`);
  }
  lines.push(`${i2}request: {${request.length ? `\n${request.map((r) => `${i2}  ${r},`).join("\n")}\n${i2}` : ""}},`);
  const statuses = new UniqueKeys();
  const responses = op.responses.map((r) => `${i2}  ${propertyKey(statuses.claim(statusKey(r.status), r.status))}: ${contentMap(st, r.content, responseMode, (c) => c.schema)},`);
  lines.push(`${i2}responses: {${responses.length ? `\n${responses.join("\n")}\n${i2}` : ""}},`);
  const headers = op.responses.filter((r) => r.headers.length > 0);
  if (headers.length) {
    lines.push(`${i2}responseHeaders: {`);
    for (const r of headers) {
      const seen = new Set<string>();
      const properties: IRProperty[] = [];
      for (const h of r.headers) {
        const name = h.name.toLowerCase();
        if (seen.has(name)) continue;
        seen.add(name);
        properties.push({ name, required: h.required, schema: h.description ? { ...h.schema, meta: { ...h.schema.meta, description: h.description } } : h.schema });
      }
      lines.push(`${i2}  ${propertyKey(statusKey(r.status))}: ${standalone(st, objectOf(op.pointer, properties), responseMode)},`);
    }
    lines.push(`${i2}},`);
  }
  const events = op.responses.filter((r) => r.content.some((c) => c.eventSchema));
  if (events.length) {
    lines.push(`${i2}/** Schema of the data of each server-sent event (\`x-sse-event-schema\`, or OpenAPI 3.2's \`itemSchema\`), by status and media type. */`);
    lines.push(`${i2}events: {`);
    for (const r of events) lines.push(`${i2}  ${propertyKey(statusKey(r.status))}: ${contentMap(st, r.content, responseMode, (c) => c.eventSchema)},`);
    lines.push(`${i2}},`);
  }
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** The model upper-cases status keys ("4XX"); the OpenAPI spelling of the catch-all is "default". */
export function statusKey(status: string): string {
  return status.toUpperCase() === "DEFAULT" ? "default" : status;
}

/**
 * One exported constant per operation (`listUsersOperation`, from the model's camelCase ident),
 * and `export const operations: $Operations = { <id>: listUsersOperation, … }`. Separate constants also keep
 * tsc fast: one huge object literal costs it far more than many small ones.
 */
export function renderOperations(st: ZodState, ops: IROperation[]): string {
  const out: string[] = [];
  const keys = new UniqueKeys();
  const entries: [string, string][] = [];
  for (const op of ops) {
    const name = `${op.ident}Operation`;
    const doc = [op.summary ?? "", `\`${op.method.toUpperCase()} ${op.path}\` (${op.operationId ?? "no operationId"})`, ...(op.deprecated ? ["@deprecated"] : [])].filter(Boolean);
    out.push(jsDoc(doc, ""));
    out.push(declareVia({ name, exported: true, body: operationEntry(st, op, "  ") }), "");
    entries.push([propertyKey(keys.claim(op.id, `${op.method.toUpperCase()} ${op.path}`)), name]);
  }
  const doc = jsDoc(
    [
      "Request and response schemas of every operation, keyed by operationId (or `METHOD /path` when it has none):",
      "`request.path|query|header|cookie` (deserialised parameter values; header names lowercased),",
      "`request.body[mediaType]`, `responses[status][mediaType]`, `responseHeaders[status]`, `events[status][mediaType]`.",
      "readOnly properties are left out of request schemas and writeOnly ones out of response schemas.",
    ],
    "",
  );
  out.push(declareMap("operations", "$Operations", doc, entries));
  return out.join("\n");
}
