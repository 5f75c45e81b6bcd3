import type { IROperation, IRSchema, IRSecurityScheme } from "../../ir/types.js";
import { declarationOutput, generatedHeader, type Emitter } from "../emitter.js";
import { surfaceGroups } from "./surface-names.js";
import { paramStyles } from "./param-styles.js";
import { defaultServerUrl, hasServerVariables, serverUrlSource } from "./server-url.js";
import { constType, jsDoc, propertyKey, stringLiteral, valueLiteral } from "../inert.js";

const ROOT_MEMBERS = ["raw", "runtime", "options"];

/**
 * The typed client: openapi-fetch underneath (`api.raw`, the non-throwing style), and an
 * operation-named surface (`api.users.list(init)`) that throws typed errors, runs through the
 * runtime (retries, auth, idempotency keys) and, for list operations, paginates (`.all()`).
 */
export const emitClient: Emitter = (ctx) => {
  const { model, options } = ctx;
  const header = generatedHeader(ctx, `Typed client of ${model.title} ${model.version}.`);
  const needsComponents = model.operations.some((o) => streamEventType(o)?.startsWith("components"));
  const typeImports = [`import type { ${needsComponents ? "components, " : ""}paths } from ${stringLiteral(options.typesImport)};`];
  // From a types package (not a sibling module), the client re-exports its types, so the client
  // package's hand-written entry never names that package (the config may rename it).
  if (!options.typesImport.startsWith(".")) typeImports.push(`export type { components, operations, paths, webhooks } from ${stringLiteral(options.typesImport)};`);
  // `api.runtime`'s type, where a consumer's declarations can name it: without it, a library
  // exporting `createApi().runtime` fails declaration emit (TS2742 / TS2883: not portable).
  typeImports.push(`export type { Runtime } from "@specforge/runtime";`);
  const kinds = new Map(model.securitySchemes.map((sc) => [sc.name, credentialKind(sc)]));
  const named = new Map(model.schemas.map((n) => [n.name, n.schema]));
  // Only the surface types in use: consumers compiling with noUnusedLocals must not trip on ours.
  const used = [...new Set(["ApiCore", "ApiOptions", "OperationMeta", ...model.operations.map((o) => surfaceCall(o, named).type.split("<")[0]!)])].sort();
  const globalServer = defaultServerUrl(model.servers);
  const meta = model.operations.map((op) => [op.id, metaValue(op, kinds, (name) => named.get(name), globalServer)] as const);
  const schemes = Object.fromEntries(model.securitySchemes.map((s) => [s.name, schemeValue(s)]));
  const servers = model.servers.map((s) => s.url);
  // A server URL with {variables} is a template: the default base URL fills in the spec's defaults.
  const variables = hasServerVariables(model.servers);
  const groups = surfaceGroups(model.operations, ROOT_MEMBERS);
  const docs = {
    meta: `/** What the spec says about each operation; the runtime reads it (idempotency, pagination, auth). */`,
    schemes: `/** Security schemes of the spec, by name. */`,
    servers: variables
      ? `/** Servers listed in the spec, \`{variables}\` as written; the first, filled in by serverUrl(), is the default base URL. */`
      : `/** Servers listed in the spec; the first is the default base URL. */`,
    createApi: jsDoc([`Creates a client of ${model.title}.`, "", "@example", `const api = createApi({ baseUrl: ${stringLiteral(defaultServerUrl(model.servers) ?? "https://api.example.com")} });`], ""),
  };

  // An explicit interface: cheap for the compiler (no inference through every operation) and
  // portable in declaration files.
  const api: string[] = [jsDoc([`The client of ${model.title}: one method per operation, grouped by tag.`], "")];
  api.push(`export interface Api {`);
  api.push(`  /** The openapi-fetch client: \`{ data, error, response }\`, never throws on HTTP errors. */`);
  api.push(`  raw: ApiCore<paths>["client"];`);
  api.push(`  /** The runtime: rate-limit state, cache, hooks. */`);
  api.push(`  runtime: ApiCore<paths>["runtime"];`);
  api.push(`  /** The options the client was created with. */`);
  api.push(`  options: ApiOptions;`);
  for (const g of groups) {
    const indent = g.name ? "    " : "  ";
    if (g.name) api.push(`  ${propertyKey(g.name)}: {`);
    for (const m of g.members) {
      const doc = opDoc(m.op);
      if (doc.length) api.push(jsDoc(doc, indent));
      api.push(`${indent}${propertyKey(m.name)}: ${surfaceCall(m.op, named).type};`);
    }
    if (g.name) api.push(`  };`);
  }
  api.push(`}`);

  // Where auth.apiKey goes: the spec's first apiKey scheme (its header, query parameter or cookie).
  const key = model.securitySchemes.find((sc) => sc.type === "apiKey" && sc.in && sc.paramName);
  // Operations served elsewhere (uploads on another host) go there while the base URL is the spec's own.
  const specBase = meta.some(([, m]) => m.server !== undefined)
    ? `specBase: ${variables || !servers.length ? "options.baseUrl === undefined" : "options.baseUrl === undefined || options.baseUrl === servers[0]"}`
    : undefined;
  // Every apiKey scheme by name, for auth.apiKeys (APIs that take several: Trello's key and token).
  const keys = Object.fromEntries(
    model.securitySchemes.filter((sc) => sc.type === "apiKey" && sc.in && sc.paramName).map((sc) => [sc.name, { in: sc.in, name: sc.paramName }]),
  );
  const defaultsParts = [
    ...(specBase ? [specBase] : []),
    ...(key ? [`apiKey: ${valueLiteral({ in: key.in, name: key.paramName })}`, `apiKeys: ${valueLiteral(keys)}`] : []),
  ];
  const specDefaults = defaultsParts.length ? `, { ${defaultsParts.join(", ")} }` : "";
  /** createApi's statements; `typed` keeps the type arguments (a .ts module), else plain JavaScript. */
  const createApiBody = (typed: boolean): string[] => {
    const core = typed ? "createApiCore<paths>" : "createApiCore";
    const out = [
      variables
        ? `  const core = ${core}({ ...options, baseUrl: options.baseUrl ?? serverUrl() }${specDefaults});`
        : servers.length
          ? `  const core = ${core}({ ...options, baseUrl: options.baseUrl ?? servers[0] }${specDefaults});`
          : `  const core = ${core}(options${specDefaults});`,
    ];
    out.push(`  return {`);
    out.push(`    raw: core.client,`);
    out.push(`    runtime: core.runtime,`);
    out.push(`    options: core.options,`);
    for (const g of groups) {
      const indent = g.name ? "      " : "    ";
      if (g.name) out.push(`    ${propertyKey(g.name)}: {`);
      for (const m of g.members) {
        const factory = surfaceCall(m.op, named).factory;
        out.push(`${indent}${propertyKey(m.name)}: core.${typed ? factory : factory.split("<")[0]}(operationMeta[${stringLiteral(m.op.id)}]),`);
      }
      if (g.name) out.push(`    },`);
    }
    out.push(`  };`);
    return out;
  };

  if (!declarationOutput(model.operations.length)) {
    const out: string[] = [header, ...typeImports];
    out.push(`import { createApiCore, ${used.map((t) => `type ${t}`).join(", ")} } from "@specforge/runtime/client";`);
    out.push("");
    out.push(docs.meta);
    out.push(`export const operationMeta = {`);
    for (const [id, value] of meta) out.push(`  ${propertyKey(id)}: ${valueLiteral(value)},`);
    out.push(`} as const satisfies Record<string, OperationMeta>;`);
    out.push("");
    out.push(docs.schemes);
    out.push(`export const securitySchemes = ${valueLiteral(schemes)} as const;`);
    out.push("");
    out.push(docs.servers);
    out.push(`export const servers = ${valueLiteral(servers)} as const;`);
    out.push("");
    if (variables) out.push(...serverUrlSource(model.servers, "ts"), "");
    out.push(...api);
    out.push("");
    out.push(docs.createApi);
    out.push(`export function createApi(options: ApiOptions = {}): Api {`);
    out.push(...createApiBody(true));
    out.push(`}`);
    out.push("");
    return [{ path: "client.gen.ts", content: out.join("\n") + "\n" }];
  }

  // A spec this big (Microsoft Graph: 14,000+ operations) as JavaScript plus declarations: with
  // skipLibCheck, tsc reads the declarations lazily — a consumer calling one operation resolves that
  // operation's types only, instead of checking every member of a 20 MB module.
  const js: string[] = [header, `import { createApiCore } from "@specforge/runtime/client";`, ""];
  js.push(docs.meta);
  js.push(`export const operationMeta = {`);
  for (const [id, value] of meta) js.push(`  ${propertyKey(id)}: ${valueLiteral(value)},`);
  js.push(`};`);
  js.push("");
  js.push(docs.schemes);
  js.push(`export const securitySchemes = ${valueLiteral(schemes)};`);
  js.push("");
  js.push(docs.servers);
  js.push(`export const servers = ${valueLiteral(servers)};`);
  js.push("");
  if (variables) js.push(...serverUrlSource(model.servers, "js"), "");
  js.push(docs.createApi);
  js.push(`export function createApi(options = {}) {`);
  js.push(...createApiBody(false));
  js.push(`}`);
  js.push("");

  const dts: string[] = [header, ...typeImports];
  // OperationMeta only serves the .ts module's `satisfies` check.
  dts.push(`import type { ${used.filter((t) => t !== "OperationMeta").join(", ")} } from "@specforge/runtime/client";`);
  dts.push("");
  dts.push(docs.meta);
  dts.push(`export declare const operationMeta: {`);
  for (const [id, value] of meta) dts.push(`  readonly ${propertyKey(id)}: ${constType(value)};`);
  dts.push(`};`);
  dts.push("");
  dts.push(docs.schemes);
  dts.push(`export declare const securitySchemes: ${constType(schemes)};`);
  dts.push("");
  dts.push(docs.servers);
  dts.push(`export declare const servers: ${constType(servers)};`);
  dts.push("");
  if (variables) dts.push(...serverUrlSource(model.servers, "dts"), "");
  dts.push(...api);
  dts.push("");
  dts.push(docs.createApi);
  dts.push(`export declare function createApi(options?: ApiOptions): Api;`);
  dts.push("");
  return [
    { path: "client.gen.js", content: js.join("\n") + "\n" },
    { path: "client.gen.d.ts", content: dts.join("\n") + "\n" },
  ];
};

/** The surface type of an operation and the core factory that builds it. */
function surfaceCall(op: IROperation, named: ReadonlyMap<string, IRSchema>): { type: string; factory: string } {
  const opType = `paths[${stringLiteral(op.path)}][${stringLiteral(op.method)}]`;
  const event = streamEventType(op);
  if (event !== undefined) {
    // An event schema of the whole event (`event`, `id`, `data`: what our Platform API's spec writes) types each
    // iterated event as that schema, so `e.event` narrows `e.data`; otherwise it types `e.data`.
    const args = wholeEvent(streamMedia(op)?.eventSchema, named) ? `${opType}, ${event}, true` : `${opType}, ${event}`;
    // JSON too (OpenAI's chat completions, streamed only with `stream: true`): a call for the JSON, `.stream()` for events.
    const json = op.responses.some((r) => r.status.startsWith("2") && r.content.some((c) => JSON_MEDIA.test(c.mediaType)));
    return json ? { type: `DualFn<${args}>`, factory: `dual<${args}>` } : { type: `StreamFn<${args}>`, factory: `stream<${args}>` };
  }
  if (op.pagination) return { type: `PaginatedFn<${opType}>`, factory: `paginated<${opType}>` };
  return { type: `OperationFn<${opType}>`, factory: `op<${opType}>` };
}

/** The `text/event-stream` media type of an operation's success, if it streams. */
function streamMedia(op: IROperation) {
  return op.responses.flatMap((r) => (r.status.startsWith("2") ? r.content : [])).find((c) => c.mediaType === "text/event-stream");
}

/** Event type of a `text/event-stream` operation: its `x-sse-event-schema` component, else unknown. */
function streamEventType(op: IROperation): string | undefined {
  const media = streamMedia(op);
  if (!media) return undefined;
  const ref = media.eventSchema?.ref;
  return ref ? `components["schemas"][${stringLiteral(ref)}]` : "unknown";
}

const SSE_FIELDS = new Set(["event", "data", "id", "retry"]);

/** Whether an event schema describes the whole event (an object of `data` and only SSE fields, or a union of such), not its data. */
function wholeEvent(schema: IRSchema | undefined, named: ReadonlyMap<string, IRSchema>, depth = 0): boolean {
  if (!schema || depth > 8) return false;
  if (schema.ref !== undefined) return wholeEvent(named.get(schema.ref), named, depth + 1);
  const members = schema.oneOf ?? schema.anyOf;
  if (members?.length) return members.every((m) => wholeEvent(m, named, depth + 1));
  const names = [...(schema.object?.properties.map((p) => p.name) ?? []), ...(schema.object?.requiredOnly ?? [])];
  for (const part of schema.allOf ?? []) {
    const s = part.ref !== undefined ? named.get(part.ref) : part;
    names.push(...(s?.object?.properties.map((p) => p.name) ?? []));
  }
  return names.includes("data") && names.every((n) => SSE_FIELDS.has(n));
}

/** The runtime credential a security scheme is satisfied by. */
/**
 * A security scheme as the client module exports it: its kind, where a key goes, and an OAuth
 * scheme's flows (endpoints and scope names) for `clientCredentials({ tokenUrl })` and PKCE set-ups.
 */
function schemeValue(s: IRSecurityScheme): Record<string, unknown> {
  const flows = s.flows
    ? Object.fromEntries(Object.entries(s.flows).map(([name, f]) => [name, { authorizationUrl: f.authorizationUrl, tokenUrl: f.tokenUrl, refreshUrl: f.refreshUrl, scopes: Object.keys(f.scopes) }]))
    : undefined;
  return { type: s.type, scheme: s.scheme, ...(s.in ? { in: s.in, name: s.paramName } : {}), flows, openIdConnectUrl: s.openIdConnectUrl };
}

/** application/json, application/problem+json, application/vnd.api+json; not json-seq, ndjson or jsonl (a stream of values). */
const JSON_MEDIA = /^[^;]*[/+]json\s*(;|$)/i;

function credentialKind(s: IRSecurityScheme): "bearer" | "apiKey" | "basic" | undefined {
  if (s.type === "oauth2" || s.type === "openIdConnect" || (s.type === "http" && s.scheme === "bearer")) return "bearer";
  if (s.type === "http" && s.scheme === "basic") return "basic";
  if (s.type === "apiKey" && s.in !== undefined) return "apiKey";
  return undefined;
}

function metaValue(op: IROperation, kinds: Map<string, ReturnType<typeof credentialKind>>, schemaOf: (name: string) => IRSchema | undefined, globalServer: string | undefined): Record<string, unknown> {
  const m: Record<string, unknown> = { id: op.id, method: op.method, path: op.path };
  const styles = paramStyles(op, schemaOf);
  if (styles.template) m.template = styles.template;
  if (styles.query) m.query = styles.query;
  if (op.idempotencyHeader) m.idempotencyHeader = op.idempotencyHeader;
  if (op.pagination) m.pagination = op.pagination.style;
  if (op.pagination?.params) m.pageParams = op.pagination.params;
  // An empty list means a public operation (the runtime then sends no credentials); absent when the spec declares no security at all.
  if (!op.securityUndeclared) m.security = op.security.map((r) => r.schemes.map((s) => s.name));
  // Alternatives that need one credential kind only; AND-combinations are left to the caller.
  const single = op.security.filter((r) => r.schemes.length === 1).map((r) => kinds.get(r.schemes[0]!.name));
  if (single.length && single.every((k) => k !== undefined)) m.credentials = [...new Set(single)];
  const body = requestBodyMeta(op);
  if (body) m.body = body;
  // Its own server, with the spec's defaults filled in (a variable without one stays `{name}`: the caller's serverVariables).
  const server = op.servers && defaultServerUrl(op.servers);
  if (server !== undefined && server !== globalServer) m.server = server;
  if (op.tags.length) m.tags = op.tags;
  const stream = op.responses.some((r) => r.content.some((c) => c.mediaType === "text/event-stream"));
  if (stream) m.stream = true;
  // Success bodies the spec declares JSON only: another type (an HTML page from a proxy or a wrong base URL) is an error, not data.
  const success = op.responses.flatMap((r) => (r.status.startsWith("2") ? r.content : []));
  if (success.length && success.every((c) => JSON_MEDIA.test(c.mediaType))) m.json = true;
  // JSON among other types (Swagger's petstore: XML too, first on some): ask for JSON, or a server may pick the other.
  else if (success.some((c) => JSON_MEDIA.test(c.mediaType))) m.accept = success.find((c) => JSON_MEDIA.test(c.mediaType))!.mediaType;
  return m;
}

/**
 * The request body's media type when the spec declares no plain JSON one (the runtime sends
 * `application/json` otherwise): JSON under its own type (JSON:API's, merge-patch), a form (with
 * each field's style), multipart (each part's content type), bytes, text.
 */
function requestBodyMeta(op: IROperation): Record<string, unknown> | undefined {
  const content = op.requestBody?.content ?? [];
  if (content.length === 0 || content.some((c) => /^(application\/json|text\/json|\*\/\*)\s*(;|$)/i.test(c.mediaType))) return undefined;
  const json = content.find((c) => JSON_MEDIA.test(c.mediaType));
  if (json) return { mediaType: json.mediaType };
  // A stream of JSON values (ndjson, json-seq) is sent as JSON, as before.
  if (content.some((c) => /json/i.test(c.mediaType))) return undefined;
  const first = content[0]!;
  const form = /^application\/x-www-form-urlencoded\b/i.test(first.mediaType);
  const parts = /^multipart\//i.test(first.mediaType);
  const encoding = Object.entries(first.encoding ?? {})
    .map(([name, e]) => [name, form ? { style: e.style, explode: e.explode } : parts ? { contentType: e.contentType } : {}] as const)
    .filter(([, e]) => Object.values(e).some((v) => v !== undefined));
  return { mediaType: first.mediaType, ...(encoding.length ? { encoding: Object.fromEntries(encoding) } : {}) };
}

function opDoc(op: IROperation): string[] {
  const lines: string[] = [];
  if (op.summary) lines.push(op.summary);
  if (op.description && op.description !== op.summary) lines.push(...(lines.length ? [""] : []), op.description.trim());
  lines.push(...(lines.length ? [""] : []), `\`${op.method.toUpperCase()} ${op.path}\` (${op.operationId ?? "no operationId"})`);
  if (op.deprecated) lines.push("@deprecated");
  return lines;
}
