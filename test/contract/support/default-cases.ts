import { operationMeta, type Api } from "@specforge/client";
import { requestFixtures } from "@specforge/mocks";
import { createApiCore, type ApiOptions, type OperationMeta } from "@specforge/runtime/client";
import type { InvalidRequest, OperationCase } from "../cases/define.js";
import { deref, loadSpec, PRISM_METHODS, specOperations, type SpecOperation } from "./spec.js";

type Json = Record<string, any>;

/**
 * A contract case for every operation, with no hand-written code: the client's generic operation
 * call (the runtime's client core, from the generated `operationMeta`), a valid request from the
 * generated `requestFixtures`, and an invalid one derived from the spec (a body of the wrong type,
 * a path parameter that breaks its schema, a required query parameter left out; else no
 * credentials). A hand-written case in cases/ overrides the default for its operation.
 */
export function defaultCases(): Record<string, OperationCase> {
  const cases: Record<string, OperationCase> = {};
  // One client core per api, built from the options the api was created with (its hooks record the
  // exchange the tests read back).
  const cores = new WeakMap<Api, ReturnType<typeof createApiCore>>();
  const coreOf = (api: Api) => cores.get(api) ?? (cores.set(api, createApiCore(api.options as ApiOptions)), cores.get(api)!);
  for (const op of specOperations()) {
    const meta = (operationMeta as Record<string, OperationMeta>)[op.id];
    const fixture = requestFixtures[op.id];
    if (!meta || !fixture) continue;
    const valid = initOf(fixture, op);
    const stream = op.stream;
    cases[op.id] = {
      ...(stream ? { stream: true as const } : {}),
      valid,
      invalid: invalidRequest(op, fixture),
      invoke: async (api: Api, init, call) => {
        const core = coreOf(api);
        // Credentials the operation's security asks for beyond the client's bearer token; none when
        // the test calls without credentials on purpose.
        if (call.auth !== false) {
          const extra = credentials(op, init as Json);
          call = { ...call, headers: { ...extra.headers, ...(call.headers as Record<string, string> | undefined) } };
          init = extra.init;
        }
        if (!stream) return core.op<Json>(meta)(init as never, call);
        const events: unknown[] = [];
        for await (const event of core.stream<Json>(meta)(init as never, { ...call, reconnect: false } as never)) events.push(event);
        return events;
      },
    };
  }
  return cases;
}

type Fixture = (typeof requestFixtures)[string];

/** The schema of an operation's request body for a media type, $refs followed. */
function bodySchemaOf(op: SpecOperation, mediaType: string | undefined): Json | undefined {
  if (mediaType === undefined) return undefined;
  return deref<Json | undefined>(deref<Json | undefined>(op.raw.requestBody)?.content?.[mediaType]?.schema);
}

const FORMS = new Set(["multipart/form-data", "application/x-www-form-urlencoded"]);

/**
 * The client's init for a fixture. Form media types get their body encoded the way a browser
 * sends them: multipart as FormData (fetch sets the content type, boundary included; a part whose
 * schema is binary becomes a file, objects JSON parts), a url-encoded form as an object the client
 * encodes under its content type. Other non-JSON bodies name their type too.
 */
function initOf(fixture: Fixture, op: SpecOperation, body: unknown = fixture.body): Json {
  const init: Json = { params: structuredClone(fixture.params) };
  const mediaType = fixture.mediaType;
  if (mediaType === undefined) return init;
  const value = structuredClone(body);
  const props: Json = bodySchemaOf(op, mediaType)?.properties ?? {};
  const text = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  if (mediaType === "multipart/form-data" && value && typeof value === "object") {
    const form = new FormData();
    // Nested values in brackets (`a[]`, `o[k]`), as Prism's form parser reads them (and Rails-,
    // PHP- and qs-style servers, OpenAI's among them); a JSON part is a string to Prism.
    const append = (key: string, v: unknown): void => {
      if (Array.isArray(v)) v.forEach((item, i) => append(item !== null && typeof item === "object" ? `${key}[${i}]` : `${key}[]`, item));
      else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v as Json)) append(`${key}[${k}]`, x);
      else form.append(key, text(v));
    };
    for (const [k, v] of Object.entries(value as Json)) {
      const schema = deref<Json>(props[k] ?? {});
      // A file, or a choice that allows one (OpenAI's `files`: one zip or an array of files): one file part.
      const file = (x: Json): boolean => x.format === "binary" || x.contentMediaType !== undefined || [...(x.oneOf ?? []), ...(x.anyOf ?? [])].some((b: unknown) => file(deref<Json>(b)));
      if (file(schema)) form.append(k, new Blob([text(v)], { type: schema.contentMediaType ?? "application/octet-stream" }), `${k}.bin`);
      else append(k, v);
    }
    init.body = form;
  } else if (mediaType === "application/x-www-form-urlencoded" && value && typeof value === "object") {
    // The client encodes an object body as a form when the content type says so.
    init.body = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, text(v)]));
    init.headers = { "content-type": mediaType };
  } else {
    init.body = value;
    if (!/json/.test(mediaType)) init.headers = { "content-type": mediaType };
  }
  return init;
}

/** One way to get the request wrong that Prism must report, in order of how surely it does. */
function invalidRequest(op: SpecOperation, fixture: Fixture): InvalidRequest {
  const base = initOf(fixture, op);
  const bodySchema = bodySchemaOf(op, fixture.mediaType);
  const json = fixture.mediaType !== undefined && /json/.test(fixture.mediaType);
  // Only a declared type rules out the other kind: `properties` alone let an array through.
  const declared = new Set(Array.isArray(bodySchema?.type) ? bodySchema!.type : [bodySchema?.type]);
  if (json && declared.has("object") && !declared.has("array")) return { init: { ...base, body: ["not", "an", "object"] }, violates: "request.body" };
  if (json && declared.has("array") && !declared.has("object")) return { init: { ...base, body: { not: "an array" } }, violates: "request.body" };
  const firstRequired = Array.isArray(bodySchema?.required) ? (bodySchema!.required as string[])[0] : undefined;
  if (json && firstRequired !== undefined && fixture.body && typeof fixture.body === "object" && !Array.isArray(fixture.body)) {
    const { [firstRequired]: _dropped, ...rest } = fixture.body as Json;
    return { init: { ...base, body: rest }, violates: "request.body" };
  }
  // A form without one of its required fields.
  const required = FORMS.has(fixture.mediaType ?? "") && Array.isArray(bodySchema?.required) ? (bodySchema!.required as string[])[0] : undefined;
  if (required !== undefined && fixture.body && typeof fixture.body === "object") {
    const { [required]: _dropped, ...rest } = fixture.body as Json;
    return { init: initOf(fixture, op, rest), violates: "request.body" };
  }

  const params = op.parameters;
  for (const p of params.filter((p) => p.in === "path")) {
    const wrong = breaking(deref<Json>(p.schema ?? {}));
    if (wrong !== undefined) return { init: { ...base, params: { ...base.params, path: { ...base.params.path, [p.name]: wrong } } }, violates: `request.path.${p.name}` };
  }
  for (const p of params.filter((p) => p.in === "query" && p.required)) {
    const { [p.name]: _dropped, ...rest } = (base.params.query ?? {}) as Json;
    return { init: { ...base, params: { ...base.params, query: rest } }, violates: "request.query" };
  }
  for (const p of params.filter((p) => p.in === "query")) {
    const wrong = breaking(deref<Json>(p.schema ?? {}));
    if (wrong !== undefined) return { init: { ...base, params: { ...base.params, query: { ...base.params.query, [p.name]: wrong } } }, violates: `request.query.${p.name}` };
  }
  const security = op.raw.security ?? loadSpec().security ?? [];
  const secured = security.length > 0 && !security.some((r: Json) => Object.keys(r).length === 0);
  const why = `${op.id}: nothing in its parameters or body that a request can get wrong and Prism checks`;
  return secured ? { unauthenticated: why } : { none: `${why}, and it needs no credentials` };
}

/**
 * Why the mock cannot answer the operation, when it cannot: a method Prism does not route, or
 * security no request can pass (every alternative names a scheme the spec does not define, a
 * vendor's typo that Redocly's `security-defined` reports, so Prism answers 401 to anything).
 */
export function unmeetable(op: SpecOperation): string | undefined {
  if (!PRISM_METHODS.includes(op.method)) return `${op.id}: Prism 5 routes only the eight methods of OpenAPI 3.1, not ${op.method.toUpperCase()} (OpenAPI 3.2), so the mock cannot answer it`;
  const spec = loadSpec();
  const security: Json[] = op.raw.security ?? spec.security ?? [];
  const defined = (name: string) => deref<Json | undefined>(spec.components?.securitySchemes?.[name]) !== undefined;
  if (security.length === 0 || security.some((r) => Object.keys(r).every(defined))) return undefined;
  const missing = [...new Set(security.flatMap((r) => Object.keys(r).filter((n) => !defined(n))))];
  return `${op.id}: its security names undefined scheme(s) ${missing.join(", ")}, so Prism answers 401 to every request (fix the spec: Redocly's security-defined rule)`;
}

/**
 * What the operation's first security alternative needs that the client's bearer token does not
 * give: HTTP basic credentials, API keys in a header, the query or a cookie (placeholders: Prism
 * checks that they are there, not what they are).
 */
function credentials(op: SpecOperation, init: Json): { headers: Record<string, string>; init: Json } {
  const spec = loadSpec();
  const requirement: Json = (op.raw.security ?? spec.security ?? [])[0] ?? {};
  const headers: Record<string, string> = {};
  let next = init;
  for (const name of Object.keys(requirement)) {
    const scheme = deref<Json | undefined>(spec.components?.securitySchemes?.[name]);
    if (!scheme) continue;
    if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic") headers.authorization = `Basic ${btoa("contract:contract-test-password")}`;
    if (scheme.type === "apiKey" && scheme.in === "header") headers[String(scheme.name).toLowerCase()] = "contract-test-key";
    if (scheme.type === "apiKey" && scheme.in === "cookie") headers.cookie = `${scheme.name}=contract-test-key`;
    if (scheme.type === "apiKey" && scheme.in === "query") next = { ...next, params: { ...next?.params, query: { ...next?.params?.query, [scheme.name]: "contract-test-key" } } };
  }
  return { headers, init: next };
}

function typeOf(schema: Json): string | undefined {
  const t = Array.isArray(schema.type) ? schema.type.filter((x: string) => x !== "null") : [schema.type];
  if (t.length === 1 && typeof t[0] === "string") return t[0];
  if (schema.properties) return "object";
  return undefined;
}

/** A value the schema rejects, when there is an obvious one (a string where a number or a uuid goes). */
function breaking(schema: Json): string | undefined {
  const t = typeOf(schema);
  if (t === "integer" || t === "number" || t === "boolean") return "not-a-number";
  if (t !== "string") return undefined;
  if (Array.isArray(schema.enum)) return "not-one-of-the-enum-values";
  if (["uuid", "date", "date-time", "email", "uri", "ipv4"].includes(schema.format)) return `not-a-${schema.format}`;
  if (typeof schema.minLength === "number" && schema.minLength > 1) return "x";
  return undefined;
}
