import createClient, { type Client, type FetchOptions, type FetchResponse } from "openapi-fetch";
import { ApiError } from "../errors/index.js";
import { runtimeOf, runtimeState } from "../runtime.js";
import { streamEvents, type SSEEvent, type StreamEventsOptions } from "../sse-client.js";
import type { SSEMessage } from "../sse.js";
import { paginator, type ApiOptions, type CallOptions, type PageOptions, type Runtime } from "./core-runtime.js";
import { compileOperation, type Invoke } from "./operation.js";
import { basicAuthorization, hideQueryKey, namedKeys, placeApiKey, type SpecApiKey } from "./api-key.js";
import { guardedFetch } from "./redirects.js";
import { eventCheck } from "./validate.js";
import type { BodyMeta } from "./request-body.js";

export type { ApiOptions, CallOptions, PageOptions } from "./core-runtime.js";
export { operationCallOptions } from "./core-runtime.js";
export type { SSEEvent } from "../sse-client.js";
export type { SpecApiKey } from "./api-key.js";
export { basicAuthorization, getsKey, namedKeys, takesApiKey, type PlacedKey } from "./api-key.js";
export type { BodyMeta, PartEncoding } from "./request-body.js";
export type { RequestSchemas, ResponseSchemas, StandardSchema } from "./validate.js";

/** What the spec says about the client as a whole that the options do not. */
export interface SpecDefaults {
  /** Where `auth.apiKey` goes: the spec's first apiKey scheme. Default: the `apiKeyHeader` option's header. */
  apiKey?: SpecApiKey;
  /**
   * Every apiKey scheme by name, for `auth.apiKeys`. Default: none (`auth.apiKeys` names no scheme).
   * `in` is a plain string: TypeScript widens a literal under a key named like an Object member (a
   * scheme called `hasOwnProperty`), which would not type-check as `SpecApiKey`.
   */
  apiKeys?: Record<string, { readonly in: string; readonly name: string }>;
  /** The base URL is the spec's own (none given, or its default), so an operation's own `server` applies. Default: false. */
  specBase?: boolean;
}

/** What the generated client knows of an operation from the spec. */
export interface OperationMeta {
  readonly id: string;
  /** Lower case, sent upper-cased: the eight of OpenAPI 3.1, 3.2's `query`, or another of its `additionalOperations` (`purge`). */
  readonly method: string;
  readonly path: string;
  /** `path` with the spec's path parameter styles as RFC 6570 markers (`{.x}` label, `{;x}` matrix, `{x*}` explode), when any is not `simple`. */
  readonly template?: string;
  /** Query parameters the spec serializes other than openapi-fetch's default: `[style, explode]` by name (`form` + false: `?ids=1,2`). */
  readonly query?: { readonly [name: string]: readonly [style: string, explode: boolean] };
  /** Header the operation accepts an idempotency key in (e.g. "Idempotency-Key"). */
  readonly idempotencyHeader?: string;
  /** How a list operation paginates. */
  readonly pagination?: "page" | "offset" | "cursor" | "link";
  /** The query parameters of its cursor, page size, page number and offset, when not `cursor`, `limit`, `page` and `offset` (Stripe's `starting_after`, GitHub's `per_page`, Jira's `startAt`). */
  readonly pageParams?: { readonly cursor?: string; readonly limit?: string; readonly page?: string; readonly offset?: string };
  /** Alternatives (OR) of security schemes that must all apply (AND). */
  readonly security?: readonly (readonly string[])[];
  /** Kinds of runtime credentials the operation's security schemes accept. */
  readonly credentials?: readonly ("bearer" | "apiKey" | "basic")[];
  readonly tags?: readonly string[];
  /** Its own server, where the spec serves it elsewhere (uploads on another host); `{name}` where a variable has no default. */
  readonly server?: string;
  /** Its request body's media type (and encoding) when the spec declares no JSON one: a form, multipart, bytes, text. */
  readonly body?: BodyMeta;
  /** Its success responses are JSON only in the spec: a body is parsed as JSON whatever its content type, and one that is not JSON is a ResponseParseError. */
  readonly json?: boolean;
  /** The JSON media type to ask for (`Accept`) where the spec also offers others for its success (XML, CSV); a call's own Accept wins. */
  readonly accept?: string;
  /** Answers `text/event-stream`. */
  readonly stream?: boolean;
}

type Media = `${string}/${string}`;
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/**
 * A multipart or raw body's strings may also be files or bytes (the spec's `format: binary` is a
 * string to openapi-typescript): the client sends them as file parts, or as the body itself.
 */
export type Uploadable<T> = T extends string
  ? T | Blob | Uint8Array
  : T extends readonly (infer U)[]
    ? Uploadable<U>[]
    : T extends Blob | Date
      ? T
      : T extends object
        ? { [K in keyof T]: Uploadable<T[K]> }
        : T;
type UploadsBody<Op> = Op extends { requestBody?: { content: infer C } } ? ([Extract<keyof C, `multipart/${string}` | "application/octet-stream">] extends [never] ? false : true) : false;
/** openapi-fetch's `body` option, its strings widened to files and bytes where the spec's body is multipart or raw. */
type BodyOption<Op, F> = UploadsBody<Op> extends false
  ? Pick<F, "body" & keyof F>
  : "body" extends keyof F
    ? {} extends Pick<F, "body"> ? { body?: Uploadable<F["body"]> } : { body: Uploadable<F["body"]> }
    : {};

/** Request of an operation: openapi-fetch's options, plus an idempotency key where the spec declares one. */
export type OperationInit<Op> = Omit<FetchOptions<Op>, "body"> & BodyOption<Op, FetchOptions<Op>> & {
  /** Idempotency key; one is generated per logical request when omitted and the operation accepts it. */
  idempotencyKey?: string;
};
/** Success body of an operation. */
export type OperationData<Op extends Record<string | number, any>, M extends Media = Media> = NonNullable<FetchResponse<Op, {}, M>["data"]>;
/** Item type of a `{ data: Item[] }` list body. */
export type OperationItem<Op extends Record<string | number, any>> =
  OperationData<Op> extends readonly (infer I)[] ? I : OperationData<Op> extends { data: (infer I)[] } ? I : OperationData<Op> extends { items: (infer I)[] } ? I : unknown;

/** A throwing operation call: resolves to the success body (of the media types `M`), rejects with a typed ApiError. */
export type OperationFn<Op extends Record<string | number, any>, M extends Media = Media> = [RequiredKeys<FetchOptions<Op>>] extends [never]
  ? (init?: OperationInit<Op>, call?: CallOptions) => Promise<OperationData<Op, M>>
  : (init: OperationInit<Op>, call?: CallOptions) => Promise<OperationData<Op, M>>;

/**
 * An operation that answers JSON or an event stream, as the request asks (OpenAI's chat
 * completions: `stream: true` in the body): called, it resolves to the JSON body; `.stream()`
 * iterates the events (send what the API needs to stream, such as that `stream: true`).
 */
export type DualFn<Op extends Record<string | number, any>, Event, Whole extends boolean = false> = OperationFn<Op, `${string}/${string}json`> & {
  /** The same operation as an event stream: typed events, resumed with Last-Event-ID on drops. */
  stream: StreamFn<Op, Event, Whole>;
};

/** A list operation: callable for one page, and iterable over every item or page. */
export type PaginatedFn<Op extends Record<string | number, any>> = OperationFn<Op> & {
  /** Every item of every page, fetched lazily page by page. */
  all(init?: OperationInit<Op>, call?: CallOptions & PageOptions): AsyncIterable<OperationItem<Op>>;
  /** Every page body, one at a time. */
  pages(init?: OperationInit<Op>, call?: CallOptions & PageOptions): AsyncIterable<OperationData<Op>>;
};

/**
 * A `text/event-stream` operation: an async iterator of typed events, resumed with Last-Event-ID on drops.
 * `Event` types each event's data, or with `Whole` each event as a whole (`event`, `id`, `data`: a spec's
 * event schema of the whole event, so that `e.event` narrows `e.data`).
 */
export type StreamFn<Op extends Record<string | number, any>, Event, Whole extends boolean = false> = (
  init?: OperationInit<Op>,
  call?: CallOptions & StreamControls<Whole extends true ? unknown : Event>,
) => AsyncIterable<Whole extends true ? Event & SSEEvent<unknown> : SSEEvent<Event>>;

/** Stream controls: a validator for each event's data (e.g. a zod schema's `parse`) and reconnects. */
export type StreamControls<Event> = Pick<StreamEventsOptions<Event>, "parse" | "reconnect">;

/** What generated clients are built on: an openapi-fetch client on the runtime's fetch. */
export interface ApiCore<Paths extends {}> {
  client: Client<Paths, Media>;
  runtime: Runtime;
  options: ApiOptions;
  op<Op extends Record<string | number, any>>(meta: OperationMeta): OperationFn<Op>;
  paginated<Op extends Record<string | number, any>>(meta: OperationMeta): PaginatedFn<Op>;
  stream<Op extends Record<string | number, any>, Event = unknown, Whole extends boolean = false>(meta: OperationMeta): StreamFn<Op, Event, Whole>;
  dual<Op extends Record<string | number, any>, Event = unknown, Whole extends boolean = false>(meta: OperationMeta): DualFn<Op, Event, Whole>;
}

export function createApiCore<Paths extends {}>(options: ApiOptions = {}, spec: SpecDefaults = {}): ApiCore<Paths> {
  const placed = placeApiKey(options, spec.apiKey);
  const keys = [...(placed.query ? [placed.query] : []), ...namedKeys(options.auth, spec.apiKeys, spec.apiKey)];
  // Logs hide every key: header names join the redacted headers, query parameters are masked in URLs.
  const headerKeys = keys.filter((k) => k.in === "header").map((k) => k.name);
  const state = runtimeState(headerKeys.length ? { ...placed.options, redactHeaders: [...(placed.options.redactHeaders ?? []), ...headerKeys] } : placed.options);
  const queryKeys = keys.filter((k) => k.in === "query");
  if (queryKeys.length) {
    const redact = state.redact;
    state.redact = { ...redact, url: (u) => queryKeys.reduce((url, k) => hideQueryKey(url, k.name), redact.url(u)) };
  }
  const runtime = runtimeOf(state);
  // A key in a header of its own (not Authorization, which fetch drops on a redirect to another origin), outside
  // browsers: pages and workers have a location, and their fetch hands back a manual redirect as an opaque response.
  const keyHeader = keys.some((k) => k.in !== "query") || (placed.options.auth?.apiKey !== undefined && placed.options.auth.apiKeyHeader?.toLowerCase() !== "authorization");
  const placement = { keys, guardRedirects: keyHeader && (globalThis as { location?: unknown }).location === undefined, basic: basicAuthorization(options.auth?.basic), specBase: spec.specBase === true };
  // `raw`: openapi-fetch on the runtime's fetch (following redirects itself where keys need it). The operation
  // methods do not go through it: they build the same request from the operation's metadata (see operation.ts).
  const client = createClient<Paths, Media>({
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    fetch: placement.guardRedirects ? guardedFetch(state) : runtime.fetch,
  });
  const compile = (meta: OperationMeta): Invoke => compileOperation(state, meta, placed.options, client as unknown as Client<{}>, placement);
  const op = <Op extends Record<string | number, any>>(meta: OperationMeta): OperationFn<Op> => {
    const invoke = compile(meta);
    return ((init?: object, call?: CallOptions) => invoke(init, call, "data")) as OperationFn<Op>;
  };
  const paginated = <Op extends Record<string | number, any>>(meta: OperationMeta): PaginatedFn<Op> => {
    const invoke = compile(meta);
    const fn = ((init?: object, call?: CallOptions) => invoke(init, call, "data")) as PaginatedFn<Op>;
    const walk = (init: object | undefined, call: (CallOptions & PageOptions) | undefined) => {
      const { limit, maxPages, pageCap, ...callOpts } = call ?? {};
      return paginator<OperationItem<Op>, OperationData<Op>>(
        meta,
        (query) => invoke(mergeQuery(init, query), callOpts, "page") as Promise<{ data: OperationData<Op>; response: Response }>,
        { limit, maxPages, pageCap, signal: callOpts.signal },
      );
    };
    fn.all = (init, call) => walk(init, call);
    fn.pages = (init, call) => ({
      async *[Symbol.asyncIterator]() {
        for await (const page of walk(init, call).pages()) yield page.body;
      },
    });
    return fn;
  };
  const stream = <Op extends Record<string | number, any>, Event>(meta: OperationMeta): StreamFn<Op, Event> => {
    const invoke = compile(meta);
    const checked = eventCheck(options.validateResponses, meta.id) as ((data: unknown, message: SSEMessage) => Event) | undefined;
    // Sent again, a POST that streams (OpenAI's completions) starts over: a new generation appended
    // to the first, billed twice. It is resumed only from an event id the server gave.
    const resumesOnlyById = !/^(get|head)$/i.test(meta.method);
    return (init, call) => {
      const { parse = checked, reconnect, signal, ...callOpts } = call ?? {};
      return untilDone(
        streamEvents<Event | typeof DONE>({
          // OpenAI's end of stream (and of the APIs that copy it) is `data: [DONE]`, not an event to check.
          parse: (data, message) => (message.data === "[DONE]" ? DONE : parse ? parse(data, message) : (data as Event)),
          ...(reconnect !== undefined ? { reconnect } : {}),
          ...(signal ? { signal } : {}),
          connect: ({ lastEventId, signal: attemptSignal, attempt }) => {
            if (attempt > 0 && resumesOnlyById && lastEventId === undefined) {
              return Promise.reject(new ApiError(`${meta.id}: the event stream dropped, and without an event id to resume from, sending the ${meta.method.toUpperCase()} again would start it over`));
            }
            const base = (init ?? {}) as { headers?: Record<string, string> };
            const headers = { ...base.headers, Accept: "text/event-stream", ...(lastEventId ? { "Last-Event-ID": lastEventId } : {}) };
            return invoke({ ...base, headers }, { ...callOpts, signal: attemptSignal }, "stream") as Promise<Response>;
          },
        }),
      );
    };
  };
  const dual = <Op extends Record<string | number, any>, Event>(meta: OperationMeta): DualFn<Op, Event> => Object.assign(op<Op>(meta) as OperationFn<Op, `${string}/${string}json`>, { stream: stream<Op, Event>(meta) });
  // A whole-event stream is the same iterator: only its static type differs.
  return { client, runtime, options, op, paginated, stream: stream as ApiCore<Paths>["stream"], dual: dual as ApiCore<Paths>["dual"] };
}

/** The `data: [DONE]` sentinel, once recognised: the iteration ends there. */
const DONE: unique symbol = Symbol("[DONE]");

async function* untilDone<Event>(events: AsyncGenerator<SSEEvent<Event | typeof DONE>>): AsyncGenerator<SSEEvent<Event>, void, undefined> {
  for await (const e of events) {
    if (e.data === DONE) return;
    yield e as SSEEvent<Event>;
  }
}

function mergeQuery(init: object | undefined, next: Record<string, unknown>): Record<string, unknown> {
  const base = (init ?? {}) as { params?: { query?: Record<string, unknown> } };
  return { ...base, params: { ...base.params, query: { ...base.params?.query, ...next } } };
}
