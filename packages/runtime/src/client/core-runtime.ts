import { createRuntime, type Runtime } from "../runtime.js";
import type { CallOptions as RuntimeCallOptions, FetchFn, RuntimeOptions } from "../options.js";
import { Paginator, type FetchedPage, type PageRequest } from "../pagination/paginate.js";
import type { OperationMeta } from "./api-core.js";

/** Options of a generated client: every runtime option (retries, auth, cache, limits, hooks…). */
export type ApiOptions = RuntimeOptions;

/** Per-call options of a generated operation (retries, timeouts, signal, idempotency key, cache tags…). */
export type CallOptions = Omit<RuntimeCallOptions, "idempotencyHeader" | "operationId">;

/** Pagination controls of `.all()` / `.pages()`. */
export interface PageOptions {
  /** Stop after this many items in total. Default: unlimited. */
  limit?: number;
  /** Stop after this many pages. Default: unlimited. */
  maxPages?: number;
}

export type { Runtime };

/** The runtime with what the spec says about the operation folded into each call. */
export function bindCallFetch(runtime: Runtime, meta: OperationMeta, call: CallOptions = {}): FetchFn {
  return runtime.withCall({
    ...call,
    operationId: meta.id,
    ...(meta.idempotencyHeader ? { idempotencyHeader: meta.idempotencyHeader } : {}),
    // An operation whose spec security is empty is public (login, refresh): send no credentials.
    ...(meta.security && meta.security.length === 0 && call.auth === undefined ? { auth: false } : {}),
  });
}

export function buildRuntime(options: ApiOptions): Runtime {
  return createRuntime(options);
}

export function paginator<Item, Body>(
  meta: OperationMeta,
  fetchPage: (query: Record<string, string | number>, req: PageRequest) => Promise<FetchedPage<Body>>,
  options: PageOptions & { signal?: AbortSignal },
): Paginator<Item, Body> {
  return new Paginator<Item, Body>({
    style: meta.pagination ?? "page",
    fetchPage: (req) => fetchPage(req.query, req),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
