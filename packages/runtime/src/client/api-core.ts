import createClient, { type Client, type FetchOptions, type FetchResponse } from "openapi-fetch";
import { readErrorResponse } from "../errors/index.js";
import type { ApiError } from "../errors/index.js";
import { bindCallFetch, buildRuntime, type ApiOptions, type CallOptions, type CoreRuntime } from "./core-runtime.js";

export type { ApiOptions, CallOptions } from "./core-runtime.js";

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
  all(init?: OperationInit<Op>, call?: CallOptions & { limit?: number; maxPages?: number }): AsyncIterable<OperationItem<Op>>;
  /** Every page body. */
  pages(init?: OperationInit<Op>, call?: CallOptions & { maxPages?: number }): AsyncIterable<OperationData<Op>>;
};

/** What generated clients are built on: an openapi-fetch client on the runtime's fetch. */
export interface ApiCore<Paths extends {}> {
  client: Client<Paths, Media>;
  runtime: CoreRuntime;
  options: ApiOptions;
  op<Op extends Record<string | number, any>>(meta: OperationMeta): OperationFn<Op>;
  paginated<Op extends Record<string | number, any>>(meta: OperationMeta): PaginatedFn<Op>;
}

export function createApiCore<Paths extends {}>(options: ApiOptions = {}): ApiCore<Paths> {
  const runtime = buildRuntime(options);
  const client = createClient<Paths, Media>({
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    fetch: runtime.fetch,
  });
  const send = async (meta: OperationMeta, init: Record<string, unknown> | undefined, call?: CallOptions): Promise<{ data: unknown; response: Response }> => {
    const { idempotencyKey, ...rest } = init ?? {};
    const request = client.request as unknown as (m: string, p: string, i: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    const result = await request(meta.method, meta.path, {
      ...rest,
      ...(meta.stream ? { parseAs: "stream" } : {}),
      fetch: bindCallFetch(runtime, meta, { ...call, ...(typeof idempotencyKey === "string" ? { idempotencyKey } : {}) }),
    });
    if (!result.response.ok) throw await errorOf(result.response, result.error);
    return { data: result.data, response: result.response };
  };
  const op = <Op extends Record<string | number, any>>(meta: OperationMeta): OperationFn<Op> =>
    (async (init?: Record<string, unknown>, call?: CallOptions) => (await send(meta, init, call)).data) as OperationFn<Op>;
  const paginated = <Op extends Record<string | number, any>>(meta: OperationMeta): PaginatedFn<Op> => {
    const fn = op<Op>(meta) as PaginatedFn<Op>;
    fn.pages = (init, call) => runtime.paginatePages(meta, (next) => send(meta, mergeQuery(init, next), call), call) as AsyncIterable<OperationData<Op>>;
    fn.all = (init, call) => runtime.paginateItems(meta, (next) => send(meta, mergeQuery(init, next), call), call) as AsyncIterable<OperationItem<Op>>;
    return fn;
  };
  return { client, runtime, options, op, paginated };
}

function mergeQuery(init: object | undefined, next: Record<string, unknown>): Record<string, unknown> {
  const base = (init ?? {}) as { params?: { query?: Record<string, unknown> } };
  return { ...base, params: { ...base.params, query: { ...base.params?.query, ...next } } };
}

async function errorOf(response: Response, parsedError: unknown): Promise<ApiError> {
  // openapi-fetch already consumed the body into `error`; rebuild the Response view for the parser.
  const body = parsedError === undefined ? "" : typeof parsedError === "string" ? parsedError : JSON.stringify(parsedError);
  return readErrorResponse(new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }));
}
