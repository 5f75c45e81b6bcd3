import type { OperationMeta } from "./api-core.js";

/** Options of a generated client. */
export interface ApiOptions {
  /** Base URL of the API; default: the first server of the spec. */
  baseUrl?: string;
  /** Headers sent with every request; default none. */
  headers?: Record<string, string>;
  /** fetch implementation; default `globalThis.fetch`. */
  fetch?: (input: Request) => Promise<Response>;
}

/** Per-call options of a generated operation. */
export interface CallOptions {
  /** Idempotency key for operations that accept one; default: generated per logical request. */
  idempotencyKey?: string;
  /** Abort signal of the caller; default none. */
  signal?: AbortSignal;
}

export interface CoreRuntime {
  fetch: (input: Request) => Promise<Response>;
  paginatePages(meta: OperationMeta, fetchPage: PageFetcher, call?: { maxPages?: number }): AsyncIterable<unknown>;
  paginateItems(meta: OperationMeta, fetchPage: PageFetcher, call?: { limit?: number; maxPages?: number }): AsyncIterable<unknown>;
}

export type PageFetcher = (next: Record<string, unknown>) => Promise<{ data: unknown; response: Response }>;

export function buildRuntime(options: ApiOptions): CoreRuntime {
  const fetchImpl = options.fetch ?? ((r: Request) => globalThis.fetch(r));
  async function* pages(meta: OperationMeta, fetchPage: PageFetcher, call?: { maxPages?: number }) {
    let next: Record<string, unknown> = {};
    for (let n = 0; n < (call?.maxPages ?? Infinity); n++) {
      const { data } = await fetchPage(next);
      yield data;
      const meta2 = (data as { meta?: Record<string, unknown> } | undefined)?.meta ?? {};
      if (meta.pagination === "cursor") {
        if (!meta2.has_more || !meta2.next_cursor) return;
        next = { cursor: meta2.next_cursor };
      } else {
        if (!meta2.has_next) return;
        next = { page: Number(meta2.page ?? n + 1) + 1 };
      }
    }
  }
  return {
    fetch: fetchImpl,
    paginatePages: pages,
    async *paginateItems(meta, fetchPage, call) {
      let count = 0;
      for await (const page of pages(meta, fetchPage, call)) {
        for (const item of ((page as { data?: unknown[] }).data ?? [])) {
          if (call?.limit !== undefined && count >= call.limit) return;
          count++;
          yield item;
        }
      }
    },
  };
}

export function bindCallFetch(runtime: CoreRuntime, meta: OperationMeta, call: CallOptions): (input: Request) => Promise<Response> {
  return (input) => {
    const req = call.signal ? new Request(input, { signal: call.signal }) : input;
    if (meta.idempotencyHeader && !req.headers.has(meta.idempotencyHeader)) {
      req.headers.set(meta.idempotencyHeader, call.idempotencyKey ?? globalThis.crypto.randomUUID());
    }
    return runtime.fetch(req);
  };
}
