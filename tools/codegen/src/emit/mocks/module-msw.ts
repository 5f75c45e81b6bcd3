/**
 * msw.gen.ts: MSW 3 request handlers for every operation (kept out of mocks.gen.ts so projects
 * that do not use MSW never import it). `handlers` answer each operation with its first 2xx
 * fixture; `handlerFor(operationId, status)` and `errorHandlers(status)` answer with another
 * documented status. URLs are matched anchored at the origin (see msw/runtime-match.ts).
 */
import type { IROperation } from "../../ir/types.js";
import { generatedHeader, siblingModule, type EmitContext } from "../emitter.js";
import { propertyKey, stringLiteral, valueLiteral } from "../inert.js";
import { specStatus, type FixtureSet } from "./collect.js";
import { uniqueKeys } from "./module-mocks.js";
import { basePathsPattern, pathPattern } from "./msw/path-pattern.js";
import { MATCH_SOURCE } from "./msw/runtime-match.js";
import { PAGES_SOURCE } from "./msw/runtime-pages.js";
import { MEDIA_SOURCE } from "./msw/runtime-media.js";
import { responseTypes } from "./msw/response-types.js";
import { BYTES_SOURCE } from "./msw/runtime-bytes.js";
import { defaultServerUrl } from "../client/server-url.js";

/**
 * `/users/{user-id}:archive` → `/users/:user_id\\:archive` (MSW path syntax, literal `:`/`*` escaped).
 * A query or fragment the spec writes into a path (`/responses?beta=true`, ReadMe's `/cookies#form`)
 * is left out: a request never carries a fragment, MSW matches paths only, and warns on each.
 */
export function mswPath(path: string): string {
  return path
    .replace(/[?#].*$/s, "")
    .split(/(\{[^}]*\})/)
    .map((part) => {
      const param = /^\{([^}]*)\}$/.exec(part);
      if (param) return `:${param[1]!.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=[0-9]|$)/, "_")}`;
      return part.replace(/[:*\\]/g, (c) => `\\${c}`);
    })
    .join("");
}

/**
 * The status `handlers` answer with: the first 2xx (exact before ranges), else the first other
 * documented non-error one (an operation that only redirects, 303), else "default", else the first.
 */
function defaultStatus(op: IROperation): string | undefined {
  const statuses = op.responses.map((r) => specStatus(r.status));
  return statuses.find((s) => /^2\d\d$/.test(s)) ?? statuses.find((s) => s === "2XX") ?? statuses.find((s) => /^[13](\d\d|XX)$/.test(s)) ?? statuses.find((s) => s === "default") ?? statuses[0];
}

/** Media types whose fixture is base64 text for bytes (\`format: byte\`): answered decoded. */
function base64Media(responses: FixtureSet["operations"][number]["responses"]): string[] {
  const encoded = responses.flatMap((r) => r.media.filter((m) => !/[/+]json\b|^text\//i.test(m.mediaType) && (m.schema.string?.format === "byte" || m.schema.string?.contentEncoding === "base64")));
  return [...new Set(encoded.map((m) => m.mediaType))];
}

const RUNTIME = `/** Lower case: the methods MSW has a helper for, and any other (trace, OpenAPI 3.2's query, purge…). */
type Method = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | (string & {});
/** \`match\`: the path as a regular expression source; \`server\`: the operation's own server, when the spec gives it one. */
type Route = { method: Method; path: string; status: string | undefined; match: string; server?: string; pages?: Pages; base64?: string[] };
/** How an operation paginates, and its query parameters' names where they are not cursor/page/offset. */
type Pages = { style: "page" | "offset" | "cursor" | "link"; cursor?: string; page?: string; offset?: string; limit?: string };
const MSW_METHODS: readonly string[] = ["get", "put", "post", "delete", "options", "head", "patch"];

export interface MockHandlerOptions {
  /**
   * Origin and base path to answer on ("https://api.example.com/v1"; relative, "/api", is the page's origin).
   * Default: any origin, then one of the spec servers' base paths or none. Operations with a server of
   * their own answer on it too. "{variable}" is any one segment's text, "*" any text.
   */
  baseUrl?: string | undefined;
  /** Extra response headers (they replace the generated ones of the same name, whatever its case). */
  headers?: Record<string, string> | undefined;
}

/** Statuses \`K\` documents, as \`responseFixtures\` keys them ("200", "4XX", "default"). */
export type StatusOf<K extends OperationId> = keyof ResponseBodies[K] & string;
/** A response's body (any of its media types) and its media types; distributed over a union of statuses. */
export type BodyOf<K extends OperationId, S> = S extends keyof ResponseBodies[K] ? ResponseBodies[K][S][keyof ResponseBodies[K][S]] : never;
export type MediaTypeOf<K extends OperationId, S> = S extends keyof ResponseBodies[K] ? keyof ResponseBodies[K][S] & string : never;
/** Conditional, not an index: a spec without operations has no keys to index with. */
type DefaultStatus<K> = K extends keyof DefaultStatuses ? DefaultStatuses[K] : never;

export interface HandlerOptions<K extends OperationId = OperationId, S extends StatusOf<K> = StatusOf<K>> extends MockHandlerOptions {
  /** Media type to answer with (default: the one the request's Accept prefers among the documented ones, else the first JSON one). */
  mediaType?: MediaTypeOf<K, S> | undefined;
  /** Body to answer with instead of the fixture: the response's type for that status (any of its media types). */
  body?: BodyOf<K, S> | undefined;
  /** text/event-stream: milliseconds between events (default 0). */
  eventDelayMs?: number | undefined;
}

/** What the handlers read of the options, whatever the operation. */
type AnyOptions = MockHandlerOptions & { mediaType?: string | undefined; body?: unknown; eventDelayMs?: number | undefined };

/** Every status some operation documents, as written or as a number ("503" and 503). */
type DocumentedStatus = { [K in OperationId]: StatusOf<K> }[OperationId];
export type ErrorStatus = DocumentedStatus | (DocumentedStatus extends infer S ? (S extends \`\${infer N extends number}\` ? N : never) : never);

/** "200" → 200, "4XX" → 400, "default" → 500 (200 when it is the operation's only response). */
function statusCode(status: string, fallback: number): number {
  if (/^\\d{3}$/.test(status)) return Number(status);
  if (/^[1-5]XX$/i.test(status)) return Number(status[0]) * 100;
  return fallback;
}

function respond(id: OperationId, status: string | undefined, options: AnyOptions, request: Request): Response {
  const documented = (responseFixtures as Record<string, Record<string, Record<string, unknown>>>)[id]!;
  const media = status === undefined ? {} : (documented[status] ?? {});
  const code = status === undefined ? 200 : statusCode(status, Object.keys(documented).length === 1 ? 200 : 500);
  const types = Object.keys(media);
  const mediaType = options.mediaType ?? pickMediaType(types, request.headers.get("accept"));
  // Headers, not a record: an override's "content-type" replaces ours instead of joining it ("a, b").
  const headers = new Headers(mediaType ? { "Content-Type": mediaType } : {});
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  const fixture = options.body !== undefined ? options.body : mediaType ? media[mediaType] : undefined;
  const pages = routeOf(id).pages;
  const later = pages !== undefined && code < 300 && laterPage(request, pages);
  const body = pages && later ? emptyPage(fixture, request, pages) : fixture;
  // A Link-paginated API (GitHub's) says where the next page is in a header: the fixture is page 1 of 2.
  if (pages?.style === "link" && code < 300 && !later && !headers.has("Link")) headers.set("Link", \`<\${nextPageUrl(request, pages)}>; rel="next"\`);
  if (body === undefined || code === 204 || code === 205 || code === 304) return new HttpResponse(null, { status: code, headers: options.headers ?? {} });
  if (mediaType && /[/+]json\\b/i.test(mediaType)) return HttpResponse.json(body as never, { status: code, headers });
  if (body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return new HttpResponse(body as ConstructorParameters<typeof HttpResponse>[0], { status: code, headers });
  const bytes = options.body === undefined && mediaType ? fixtureBytes(routeOf(id), mediaType, body) : undefined;
  if (bytes) return new HttpResponse(bytes, { status: code, headers });
  if (mediaType === "text/event-stream") {
    const text = typeof body === "string" && /^(data|event|id|retry|:)/m.test(body) ? body : \`data: \${typeof body === "string" ? body : JSON.stringify(body)}\\n\\n\`;
    // One chunk per event, \`eventDelayMs\` apart: clients see a real stream, not one blob.
    const events = text.split(/(?<=\\n\\n)/);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const [i, event] of events.entries()) {
          if (i > 0) await new Promise((r) => setTimeout(r, options.eventDelayMs ?? 0));
          controller.enqueue(encoder.encode(event));
        }
        controller.close();
      },
    });
    if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-cache");
    return new HttpResponse(stream, { status: code, headers });
  }
  return new HttpResponse(typeof body === "string" ? body : JSON.stringify(body), { status: code, headers });
}

function routeOf(id: OperationId): Route {
  return (routes as Record<string, Route>)[id]!;
}

function handler(id: OperationId, status: string | undefined, options: AnyOptions): HttpHandler {
  const route = routeOf(id);
  const matches = predicate(route, options.baseUrl);
  const resolver = ({ request }: { request: Request }) => respond(id, status, options, request);
  return MSW_METHODS.includes(route.method) ? http[route.method as "get"](matches, resolver) : http.all(matches, resolver);
}

/** A handler answering \`operationId\` with one of its documented statuses (default: its first 2xx). */
export function handlerFor<K extends OperationId, S extends StatusOf<K> = Extract<StatusOf<K>, DefaultStatus<K>>>(operationId: K, status?: S, options: HandlerOptions<K, S> = {}): HttpHandler {
  return handler(operationId, status ?? routeOf(operationId).status, options as AnyOptions);
}

/** A handler per operation, each answering with its first 2xx fixture (most specific paths first). */
export function createHandlers(options: MockHandlerOptions = {}): HttpHandler[] {
  return order.map((id) => handler(id, routeOf(id).status, options));
}

/** Handlers answering every operation that documents \`status\` (e.g. 500, "4XX", "default") with that response — use with \`server.use(...)\`. */
export function errorHandlers(status: ErrorStatus, options: MockHandlerOptions = {}): HttpHandler[] {
  const wanted = String(status);
  const documenting = order.filter((id) => wanted in (responseFixtures as Record<string, object>)[id]!);
  // An empty list would replace nothing, and the test would pass against the 2xx handlers.
  if (documenting.length === 0) throw new RangeError("errorHandlers(" + JSON.stringify(status) + "): no operation documents that status");
  return documenting.map((id) => handler(id, wanted, options));
}

/** One handler per operation with its first 2xx fixture, on any origin (after a spec base path or none). */
export const handlers: HttpHandler[] = createHandlers();
`;

/** The operation's own server (defaults filled in), where it differs from the document's. */
function ownServer(ctx: EmitContext, op: IROperation): string | undefined {
  const server = op.servers && defaultServerUrl(op.servers);
  return server !== undefined && server !== defaultServerUrl(ctx.model.servers) ? server : undefined;
}

export function mswModule(ctx: EmitContext, set: FixtureSet): string {
  const ops = set.operations.map((o) => o.op);
  const keys = uniqueKeys(ops);
  const params = (p: string) => (p.match(/\{/g) ?? []).length;
  const order = keys.map((k, i) => ({ k, i })).sort((a, b) => params(ops[a.i]!.path) - params(ops[b.i]!.path) || a.i - b.i);
  const out = [generatedHeader(ctx, `MSW handlers of ${ctx.model.title} ${ctx.model.version}, answering with the generated fixtures.`)];
  out.push(`import { http, HttpResponse, type HttpHandler } from "msw";`, `import { responseFixtures } from ${stringLiteral(siblingModule(ctx.options, "mocks.gen"))};`);
  if (set.operations.some((o) => o.responses.some((r) => r.media.length))) out.push(`import type { paths } from ${stringLiteral(ctx.options.typesImport)};`);
  out.push("");
  out.push(`/** Operations by operationId (as in \`responseFixtures\`): method, MSW path, default status. */`, `export const routes: { readonly [K in keyof typeof responseFixtures]: Route } = {`);
  ops.forEach((op, i) => {
    const status = defaultStatus(op);
    const server = ownServer(ctx, op);
    const fields = [`method: ${stringLiteral(op.method)}`, `path: ${stringLiteral(mswPath(op.path))}`, `status: ${status === undefined ? "undefined" : stringLiteral(status)}`, `match: ${stringLiteral(pathPattern(op.path))}`];
    if (server !== undefined) fields.push(`server: ${stringLiteral(server)}`);
    if (op.pagination) fields.push(`pages: ${valueLiteral({ style: op.pagination.style, ...op.pagination.params })}`);
    const base64 = base64Media(set.operations[i]!.responses);
    if (base64.length) fields.push(`base64: ${valueLiteral(base64)}`);
    out.push(`  ${propertyKey(keys[i]!)}: { ${fields.join(", ")} },`);
  });
  out.push(`};`, "");
  const servers = [...ctx.model.servers, ...ops.flatMap((op) => op.servers ?? [])];
  out.push(`/** Base paths of the spec's servers, as a pattern (any of them, or none). */`, `const BASE_PATHS = ${stringLiteral(basePathsPattern(servers))};`, "");
  out.push(`export type OperationId = keyof typeof routes;`, "");
  out.push(...responseTypes(set, keys, defaultStatus));
  out.push(`/** Handler order: paths with fewer parameters first (\`/users/me\` before \`/users/:id\`). */`, `const order: OperationId[] = ${ops.length ? `[\n${order.map(({ k }) => `  ${stringLiteral(k)},`).join("\n")}\n]` : "[]"};`, "");
  out.push(MATCH_SOURCE, PAGES_SOURCE, MEDIA_SOURCE, BYTES_SOURCE, RUNTIME);
  return out.join("\n");
}
