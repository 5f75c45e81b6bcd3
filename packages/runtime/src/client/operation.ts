import { defaultBodySerializer, defaultPathSerializer, mergeHeaders, type Client } from "openapi-fetch";
import { ApiError, errorFromResponse, readErrorResponse, ValidationError } from "../errors/index.js";
import { send, type ReadBody, type RuntimeState } from "../execute.js";
import type { CallOptions as RuntimeCallOptions } from "../options.js";
import { prepare, rebuild, type Prepared } from "../request.js";
import { encodeMultipart } from "../upload.js";
import type { OperationMeta } from "./api-core.js";
import { operationCallOptions, type ApiOptions, type CallOptions } from "./core-runtime.js";
import { readBody, type ParseAs, parseJson } from "./read-body.js";
import { compilePath, defaultQuery, queryString, segmentCheck, specQuery, type QuerySerializerOption } from "./url.js";
import { getsKey, takesApiKey, withKeys, type PlacedKey } from "./api-key.js";
import { encodeBody } from "./request-body.js";
import { following } from "./redirects.js";
import { requestCheck, responseCheck } from "./validate.js";

/**
 * What a call returns: the decoded body (`data`), the body with its response (`page`, for the
 * paginator), or the response once its headers arrived (`stream`, for event streams).
 */
export type Mode = "data" | "page" | "stream";

/** The request options of an operation method, as openapi-fetch takes them, plus an idempotency key. */
interface Init {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
  headers?: Parameters<typeof mergeHeaders>[0];
  parseAs?: ParseAs;
  baseUrl?: string;
  querySerializer?: QuerySerializerOption;
  bodySerializer?: (body: unknown, headers?: Headers) => unknown;
  pathSerializer?: (path: string, params: Record<string, unknown>) => string;
  signal?: AbortSignal | null;
  idempotencyKey?: string;
  middleware?: unknown[];
  Request?: unknown;
  fetch?: unknown;
}

export type Invoke = (init: object | undefined, call: CallOptions | undefined, mode: Mode) => Promise<unknown>;

const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;

/** Init keys read here; any other key is a RequestInit field (credentials, cache, redirect…) passed to fetch. */
const OWN = new Set(["params", "body", "headers", "parseAs", "baseUrl", "querySerializer", "bodySerializer", "pathSerializer", "signal", "idempotencyKey", "middleware", "Request", "fetch"]);
const NONE: RequestInit = {};

/**
 * Compiles an operation into a function that builds its request from the metadata the generated
 * code passes (method, path template, spec-derived call options) and runs it on the runtime
 * directly: no openapi-fetch Request, no re-parsing of a Request by the runtime, the body read and
 * decoded inside the attempt. The request it sends is the one openapi-fetch would send; options
 * only openapi-fetch implements (`middleware`, a custom `Request`) go through it instead.
 * What can be decided per operation is decided here, once: the path template, the call options.
 */
/** What createApiCore worked out once for every operation: where credentials go, whether the base URL is the spec's own. */
export interface Placement {
  /** API keys the client places itself: `auth.apiKey` when the spec puts it in the query, and `auth.apiKeys`. */
  keys?: readonly PlacedKey[];
  /** The `Authorization` value of the `basic` credentials. */
  basic?: string;
  /** The base URL is the spec's (none given, or the spec's default): an operation's own server applies. */
  specBase?: boolean;
  /** A key goes in a header of its own outside a browser: redirects are followed here, never taking it to another origin. */
  guardRedirects?: boolean;
}

export function compileOperation(state: RuntimeState, meta: OperationMeta, options: ApiOptions, client: Client<{}>, placement: Placement = {}): Invoke {
  const { basic } = placement;
  const method = meta.method.toUpperCase();
  // Without a fragment a spec may write into the path (ReadMe's `/cookies#form`, to tell two operations
  // on one path apart): fetch drops it anyway, and the query appended after it would go with it.
  const template = (meta.template ?? meta.path).replace(/#.*$/s, "");
  const path = compilePath(template);
  const styledQuery = meta.query && specQuery(meta.query);
  // An operation served on another host (Stripe's and Box's uploads, GitHub's release assets), unless the caller chose the base URL.
  const own = placement.specBase && meta.server !== undefined ? fillServer(meta.server, options.serverVariables) : undefined;
  const unfilled = own !== undefined && /\{([^{}]+)\}/.exec(own);
  const base = (options.baseUrl ?? "").replace(/\/$/, "");
  const defaults = operationCallOptions(meta, options);
  const check = responseCheck(options.validateResponses, meta.id);
  const checkRequest = requestCheck(options.validateRequests, meta.id, meta.body?.mediaType);
  const checkSegments = segmentCheck(meta.id, template);
  const decode = (res: Response, bytes: ArrayBuffer, parseAs: ParseAs): unknown => (check ? check(readBody(res, bytes, parseAs, method, meta.json), res) : readBody(res, bytes, parseAs, method, meta.json));
  const readData: ReadBody<unknown> = (res, bytes) => decode(res, bytes, "json");

  const build: Invoke = (init, call, mode) => {
    let i = (init ?? NONE) as Init;
    const invalid = checkSegments?.(i.params?.path) ?? checkRequest?.(i);
    if (invalid) return Promise.reject(invalid);
    let passthrough = NONE;
    for (const k in i) if (!OWN.has(k)) (passthrough === NONE ? (passthrough = {}) : passthrough)[k as "cache"] = i[k as keyof Init] as never;
    const c: RuntimeCallOptions = call || i.idempotencyKey !== undefined ? operationCallOptions(meta, options, call) : defaults;
    if (i.idempotencyKey !== undefined) c.idempotencyKey = i.idempotencyKey;
    if (own !== undefined && !i.baseUrl) {
      if (unfilled) return Promise.reject(new TypeError(`${meta.id} is served at ${meta.server}: pass createApi a serverVariables.${unfilled[1]} (or a baseUrl)`));
      i = { ...i, baseUrl: own };
    }
    // HTTP Basic, where the operation takes it; an Authorization the call sets wins.
    if (basic && (c.auth === true ? options.auth?.bearer === undefined : typeof c.auth === "object" && c.auth.basic)) i = { ...i, headers: mergeHeaders({ authorization: basic }, i.headers) };
    if (i.middleware?.length || i.Request) return viaOpenapiFetch(state, client, meta, i, c, mode, check, styledQuery, template === meta.path ? undefined : template);

    const parseAs = i.parseAs ?? "json";
    const stream = mode === "stream" || parseAs === "stream";
    const read: ReadBody<unknown> | undefined = stream
      ? undefined
      : mode === "page"
        ? (res, bytes) => page(decode(res, bytes, parseAs), res)
        : parseAs === "json"
          ? readData
          : (res, bytes) => decode(res, bytes, parseAs);
    const { params, body } = i;
    const root = i.baseUrl ? i.baseUrl.replace(/\/$/, "") : base;
    const at = i.pathSerializer ? i.pathSerializer(root + meta.path, params?.path ?? {}) : root + path(params?.path);
    const q = queryString(params?.query, i.querySerializer ?? styledQuery);
    // A path that carries a query of its own (`/responses?beta=true`, as OpenAI's spec writes some) takes the rest after `&`.
    let url = q && at.includes("?") ? at + "&" + q.slice(1) : at + q;
    if (!ABSOLUTE.test(url)) {
      // A page's relative baseUrl ("/api": a dev proxy, a BFF on the same origin) is relative to the page, as fetch has it.
      const page = (globalThis as { location?: { href?: string } }).location?.href;
      if (!page) return Promise.reject(new TypeError(`Relative URL "${url}": outside a browser page, the client's baseUrl must be absolute (https://…)`));
      url = new URL(url, page).href;
    }
    const headers = mergeHeaders(options.headers as never, i.headers, params?.header as never);
    if (meta.accept && !headers.has("accept")) headers.set("accept", meta.accept);
    // The spec's own media type when it declares no JSON one (a form, multipart, bytes), unless the call says otherwise.
    const payload =
      body === undefined
        ? undefined
        : meta.body && !i.bodySerializer && !headers.has("content-type")
          ? encodeBody(body, meta.body, headers)
          : ((i.bodySerializer ?? defaultBodySerializer) as (b: unknown, h: Headers) => unknown)(body, headers);
    if (payload !== undefined && !(payload instanceof FormData) && !headers.has("content-type")) headers.set("content-type", "application/json");
    // fetch would carry a key header (not Authorization) to another origin on a redirect: follow here instead.
    const guard = placement.guardRedirects && passthrough.redirect === undefined;
    if (guard) passthrough = { ...passthrough, redirect: "manual" };
    const p: Prepared = { url, method, headers, body: payload as Prepared["body"], passthrough, signal: i.signal ?? undefined };
    // Progress needs the form's bytes (and their total); fetch would otherwise encode it itself.
    const go = guard ? () => following(state, p, c, read) : () => send(state, p, c, read);
    const sent = payload instanceof FormData && c.onUploadProgress ? encodeForm(p, payload).then(go) : go();
    return stream ? sent.then((response) => streamResult(response as Response, mode)) : sent;
  };
  // What the caller passed and the request cannot carry (a header value with a line break, a lone
  // surrogate in a parameter, a body JSON cannot write) rejects, as a typed error naming the
  // operation: thrown synchronously, it would escape a `.catch()` or a `Promise.allSettled([...])`.
  const run: Invoke = (init, call, mode) => {
    try {
      return build(init, call, mode);
    } catch (e) {
      return Promise.reject(e instanceof ApiError ? e : new ValidationError(`${meta.id}: the request could not be built: ${(e as Error)?.message ?? e}`, { cause: e }));
    }
  };
  const keys = placement.keys?.filter((k) => getsKey(k, meta.security));
  if (!keys?.length) return run;
  // Each call that takes the API key reads the keys (they may rotate) into its query, headers or cookie.
  return (init, call, mode) => {
    if (!takesApiKey(call?.auth ?? defaults.auth)) return run(init, call, mode);
    const values = keys.map((k) => k.get());
    return values.some((v) => v instanceof Promise)
      ? Promise.all(values).then((v) => run(withKeys(init as Init, keys, v), call, mode))
      : run(withKeys(init as Init, keys, values as (string | undefined)[]), call, mode);
  };
}

async function encodeForm(p: Prepared, form: FormData): Promise<void> {
  const encoded = await encodeMultipart(form);
  p.headers.set("content-type", encoded.contentType);
  p.body = encoded.body as Uint8Array<ArrayBuffer>;
}

/** An event stream's response as is; for `parseAs: "stream"`, its body (a non-2xx becomes the typed error). */
async function streamResult(response: Response, mode: Mode): Promise<unknown> {
  if (mode === "stream") return response;
  if (!response.ok) throw await readErrorResponse(response);
  return mode === "page" ? { data: response.body, response } : response.body;
}

/**
 * openapi-fetch builds and sends the request (its middleware sees it), on a fetch that still reads
 * the body inside the attempt; JSON is decoded here so a bad body is a typed error there too.
 */
async function viaOpenapiFetch(
  state: RuntimeState,
  client: Client<{}>,
  meta: OperationMeta,
  init: Init,
  call: RuntimeCallOptions,
  mode: Mode,
  check: ((data: unknown, response: Response) => unknown) | undefined,
  styledQuery?: (q: Record<string, unknown>) => string,
  template?: string,
): Promise<unknown> {
  const { idempotencyKey: _k, parseAs = "json", ...rest } = init;
  // The spec's parameter styles (and nested values) here too, unless the call brings its own serializers.
  if (!rest.querySerializer) rest.querySerializer = styledQuery ?? defaultQuery;
  // openapi-fetch hands the path serializer baseUrl + path (and calls it only when there are path params).
  if (template !== undefined && !rest.pathSerializer) {
    rest.pathSerializer = (url, params) => defaultPathSerializer(url.slice(0, url.length - meta.path.length) + template, params);
    rest.params = { ...rest.params, path: rest.params?.path ?? {} };
  }
  // The spec's media type here too: encoded up front, since openapi-fetch labels a serialized body JSON.
  if (meta.body && rest.body !== undefined && !rest.bodySerializer && !mergeHeaders(rest.headers).has("content-type")) {
    const labelled = new Headers();
    rest.body = encodeBody(rest.body, meta.body, labelled);
    rest.bodySerializer = (b) => b;
    rest.headers = mergeHeaders(Object.fromEntries(labelled), rest.headers);
  }
  if (meta.accept) rest.headers = mergeHeaders({ accept: meta.accept }, rest.headers);
  const stream = mode === "stream" || parseAs === "stream";
  const fetch = async (input: Request | string | URL, requestInit?: RequestInit): Promise<Response> => {
    const p = prepare(state.baseUrl, input, requestInit);
    return send(state, p instanceof Promise ? await p : p, call, stream ? undefined : rebuild);
  };
  const request = client.request as unknown as (m: string, p: string, i: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  const json = parseAs === "json" && !stream;
  const { data, error, response } = await request(meta.method, meta.path, { ...rest, parseAs: json ? "text" : stream ? "stream" : parseAs, fetch });
  if (mode === "stream") return response;
  if (!response.ok) throw errorFromResponse(response, error);
  const decoded = json && typeof data === "string" ? (data ? parseJson(response, data) : undefined) : data;
  const value = check ? check(decoded, response) : decoded;
  return mode === "page" ? page(value, response) : value;
}

/** A page for the paginator: the body and its response (once an asynchronous check settled). */
function page(data: unknown, response: Response): unknown {
  return data instanceof Promise ? data.then((d: unknown) => ({ data: d, response })) : { data, response };
}

/** An operation's own server with the caller's `serverVariables` filled in; a variable without a value stays `{name}`. */
function fillServer(url: string, values: Readonly<Record<string, string>> | undefined): string {
  return url.replace(/\{([^{}]+)\}/g, (whole, name: string) => (values && Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole));
}
