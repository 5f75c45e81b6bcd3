import createClient, { type Client, type FetchOptions, type FetchResponse } from "openapi-fetch";
import { errorFromResponse } from "../errors/index.js";
import { streamEvents, type SSEEvent, type StreamEventsOptions } from "../sse-client.js";
import type { ApiError } from "../errors/index.js";
import { bindCallFetch, buildRuntime, paginator, type ApiOptions, type CallOptions, type PageOptions, type Runtime } from "./core-runtime.js";

export type { ApiOptions, CallOptions, PageOptions } from "./core-runtime.js";
export { operationCallOptions } from "./core-runtime.js";
export type { SSEEvent } from "../sse-client.js";

/** What the generated client knows of an operation from the spec. */
export interface OperationMeta {
  readonly id: string;
  readonly method: "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
  readonly path: string;
  /** Header the operation accepts an idempotency key in (e.g. "Idempotency-Key"). */
  readonly idempotencyHeader?: string;
  /** How a list operation paginates. */
  readonly pagination?: "page" | "cursor" | "link";
  /** Alternatives (OR) of security schemes that must all apply (AND). */
  readonly security?: readonly (readonly string[])[];
  /** Kinds of runtime credentials the operation's security schemes accept. */
  readonly credentials?: readonly ("bearer" | "apiKey" | "basic")[];
  readonly tags?: readonly string[];
  /** Answers `text/event-stream`. */
  readonly stream?: boolean;
}

type Media = `${string}/${string}`;
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/** Request of an operation: openapi-fetch's options, plus an idempotency key where the spec declares one. */
export type OperationInit<Op> = FetchOptions<Op> & {
  /** Idempotency key; one is generated per logical request when omitted and the operation accepts it. */
  idempotencyKey?: string;
};
/** Success body of an operation. */
export type OperationData<Op extends Record<string | number, any>> = NonNullable<FetchResponse<Op, {}, Media>["data"]>;
/** Item type of a `{ data: Item[] }` list body. */
export type OperationItem<Op extends Record<string | number, any>> = OperationData<Op> extends { data: (infer I)[] } ? I : unknown;

/** A throwing operation call: resolves to the success body, rejects with a typed ApiError. */
export type OperationFn<Op extends Record<string | number, any>> = [RequiredKeys<FetchOptions<Op>>] extends [never]
  ? (init?: OperationInit<Op>, call?: CallOptions) => Promise<OperationData<Op>>
  : (init: OperationInit<Op>, call?: CallOptions) => Promise<OperationData<Op>>;

/** A list operation: callable for one page, and iterable over every item or page. */
export type PaginatedFn<Op extends Record<string | number, any>> = OperationFn<Op> & {
  /** Every item of every page, fetched lazily page by page. */
  all(init?: OperationInit<Op>, call?: CallOptions & PageOptions): AsyncIterable<OperationItem<Op>>;
  /** Every page body, one at a time. */
  pages(init?: OperationInit<Op>, call?: CallOptions & PageOptions): AsyncIterable<OperationData<Op>>;
};

/** A `text/event-stream` operation: an async iterator of typed events, resumed with Last-Event-ID on drops. */
export type StreamFn<Op extends Record<string | number, any>, Event> = (
  init?: OperationInit<Op>,
  call?: CallOptions & StreamControls<Event>,
) => AsyncIterable<SSEEvent<Event>>;

/** Stream controls: a validator for each event's data (e.g. a zod schema's `parse`) and reconnects. */
export type StreamControls<Event> = Pick<StreamEventsOptions<Event>, "parse" | "reconnect">;

/** What generated clients are built on: an openapi-fetch client on the runtime's fetch. */
export interface ApiCore<Paths extends {}> {
  client: Client<Paths, Media>;
  runtime: Runtime;
  options: ApiOptions;
  op<Op extends Record<string | number, any>>(meta: OperationMeta): OperationFn<Op>;
  paginated<Op extends Record<string | number, any>>(meta: OperationMeta): PaginatedFn<Op>;
  stream<Op extends Record<string | number, any>, Event = unknown>(meta: OperationMeta): StreamFn<Op, Event>;
}

export function createApiCore<Paths extends {}>(options: ApiOptions = {}): ApiCore<Paths> {
  const runtime = buildRuntime(options);
  const client = createClient<Paths, Media>({
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    fetch: runtime.fetch,
  });
  type Raw = { data?: unknown; error?: unknown; response: Response };
  const request = client.request as unknown as (m: string, p: string, i: Record<string, unknown>) => Promise<Raw>;
  const raw = (meta: OperationMeta, init: Record<string, unknown> | undefined, call?: CallOptions): Promise<Raw> => {
    const { idempotencyKey, ...rest } = init ?? {};
    return request(meta.method, meta.path, {
      ...rest,
      ...(meta.stream ? { parseAs: "stream" } : {}),
      fetch: bindCallFetch(runtime, meta, { ...call, ...(typeof idempotencyKey === "string" ? { idempotencyKey } : {}) }, options),
    });
  };
  const op = <Op extends Record<string | number, any>>(meta: OperationMeta): OperationFn<Op> =>
    (async (init?: Record<string, unknown>, call?: CallOptions) => {
      const result = await raw(meta, init, call);
      if (!result.response.ok) throw errorOf(result.response, result.error);
      return result.data;
    }) as OperationFn<Op>;
  const paginated = <Op extends Record<string | number, any>>(meta: OperationMeta): PaginatedFn<Op> => {
    const fn = op<Op>(meta) as PaginatedFn<Op>;
    const walk = (init: object | undefined, call: (CallOptions & PageOptions) | undefined) => {
      const { limit, maxPages, ...callOpts } = call ?? {};
      return paginator<OperationItem<Op>, OperationData<Op>>(
        meta,
        (query) => raw(meta, mergeQuery(init, query), callOpts) as Promise<{ data?: OperationData<Op>; error?: unknown; response: Response }>,
        { ...(limit !== undefined ? { limit } : {}), ...(maxPages !== undefined ? { maxPages } : {}), ...(callOpts.signal ? { signal: callOpts.signal } : {}) },
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
  const stream = <Op extends Record<string | number, any>, Event>(meta: OperationMeta): StreamFn<Op, Event> =>
    (init, call) => {
      const { parse, reconnect, signal, ...callOpts } = call ?? {};
      return streamEvents<Event>({
        ...(parse ? { parse } : {}),
        ...(reconnect !== undefined ? { reconnect } : {}),
        ...(signal ? { signal } : {}),
        connect: async ({ lastEventId, signal: attemptSignal }) => {
          const base = (init ?? {}) as { headers?: Record<string, string> };
          const headers = { ...base.headers, Accept: "text/event-stream", ...(lastEventId ? { "Last-Event-ID": lastEventId } : {}) };
          const result = await raw(meta, { ...base, headers }, { ...callOpts, signal: attemptSignal });
          if (result.response.ok) return result.response;
          // openapi-fetch already consumed the error body: hand the stream client a readable copy.
          const body = result.error === undefined ? null : typeof result.error === "string" ? result.error : JSON.stringify(result.error);
          const { status, statusText, headers: responseHeaders } = result.response;
          return new Response(body, { status, statusText, headers: responseHeaders });
        },
      });
    };
  return { client, runtime, options, op, paginated, stream };
}

function mergeQuery(init: object | undefined, next: Record<string, unknown>): Record<string, unknown> {
  const base = (init ?? {}) as { params?: { query?: Record<string, unknown> } };
  return { ...base, params: { ...base.params, query: { ...base.params?.query, ...next } } };
}

/** openapi-fetch has already parsed the error body; build the typed error from it. */
function errorOf(response: Response, parsedError: unknown): ApiError {
  return errorFromResponse(response, parsedError);
}
