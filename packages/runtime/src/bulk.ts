import type { RateLimiter } from "./limiter.js";

/** Per-item verdict a `send` may return for each item of its chunk, in order. */
export type BulkItemOutcome<R> = { ok: true; value?: R } | { ok: false; error: unknown };

export type BulkResult<T, R> = { index: number; item: T } & BulkItemOutcome<R>;

export interface BulkOptions<T, R> {
  /** Everything to send. Required. */
  items: readonly T[];
  /** Sends one chunk (required). Return per-item outcomes, or nothing when the whole chunk succeeded; a throw fails the chunk. */
  send: (chunk: T[], ctx: { offset: number; signal: AbortSignal | undefined }) => Promise<ReadonlyArray<BulkItemOutcome<R>> | void>;
  /** Items per call. Default: 100 (the API's bulk maximum). */
  chunkSize?: number;
  /** Chunks in flight at once. Default: 1. */
  concurrency?: number;
  /** Limiter to pass each chunk through, when `send` does not already use the runtime's. Default: none. */
  limiter?: RateLimiter;
  /** Called after each chunk with items done so far. Default: none. */
  onProgress?: (done: number, total: number) => void;
  /** Stops scheduling further chunks; unsent items are reported as failed with the abort reason. Default: none. */
  signal?: AbortSignal;
}

export interface BulkReport<T, R> {
  /** One entry per input item, in input order. */
  results: Array<BulkResult<T, R>>;
  succeeded: number;
  failed: number;
}

/**
 * Splits a large batch into API-sized chunks and never throws for item failures: callers get a
 * per-index report and decide what to retry.
 */
export async function bulk<T, R = unknown>(options: BulkOptions<T, R>): Promise<BulkReport<T, R>> {
  const size = Math.max(1, options.chunkSize ?? 100);
  const { items, signal } = options;
  const results = new Array<BulkResult<T, R>>(items.length);
  let next = 0;
  let done = 0;

  const record = (offset: number, chunk: T[], outcomes: ReadonlyArray<BulkItemOutcome<R>> | void | undefined, error?: unknown): void => {
    chunk.forEach((item, i) => {
      const o: BulkItemOutcome<R> =
        error !== undefined
          ? { ok: false, error }
          : outcomes
            ? (outcomes[i] ?? { ok: false, error: new Error("No result for this item") })
            : { ok: true };
      results[offset + i] = { index: offset + i, item, ...o };
    });
    done += chunk.length;
    options.onProgress?.(done, items.length);
  };

  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const offset = next;
      next += size;
      const chunk = items.slice(offset, offset + size);
      if (signal?.aborted) {
        record(offset, chunk, undefined, signal.reason);
        continue;
      }
      try {
        await options.limiter?.acquire(signal);
        try {
          record(offset, chunk, await options.send(chunk, { offset, signal }));
        } finally {
          options.limiter?.release();
        }
      } catch (error) {
        record(offset, chunk, undefined, error ?? new Error("Chunk failed"));
      }
    }
  };

  const workers = Math.max(1, Math.min(options.concurrency ?? 1, Math.ceil(items.length / size)));
  await Promise.all(Array.from({ length: workers }, worker));
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: items.length - succeeded };
}
