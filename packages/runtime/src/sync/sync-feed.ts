import { PaginationError } from "../errors/index.js";
import type { CheckpointStore } from "./checkpoint-store.js";

/** One response of a change feed, in the shape `sync` needs. */
export interface ChangePage<Change, C = string> {
  /** The changes after the checkpoint that was sent, oldest first. */
  changes: readonly Change[];
  /**
   * The server's watermark after these changes (a cursor, or e.g. `{ at, id }` for a keyset
   * feed). Never a client-side clock: a change committed during the sync may carry an earlier time.
   */
  next: C;
  /** More changes are available right away after `next`. */
  hasMore: boolean;
}

export interface SyncOptions<Change, C = string> {
  /** Holds the checkpoint between runs. Required. */
  store: CheckpointStore<C>;
  /** The store key of this feed. Default: "default". */
  key?: string;
  /**
   * Fetches the changes after `checkpoint` (undefined on the very first sync: start at the oldest
   * retained change, or at a `since` taken a little before a full listing). Required.
   */
  fetchPage: (checkpoint: C | undefined, signal: AbortSignal | undefined) => Promise<ChangePage<Change, C>>;
  /**
   * Applies one change. Must be idempotent (upserts and deletes by id): delivery is at-least-once,
   * and a page is applied again from its start after a throw or a crash. Required.
   */
  apply: (change: Change) => unknown;
  /** Stop after this many pages and return with `hasMore: true`; the next run continues. Default: 1_000. */
  maxPages?: number;
  /** Checked before every page and change; aborting leaves the last committed checkpoint. */
  signal?: AbortSignal;
  /** Called after each page's checkpoint is saved. */
  onCommit?: (checkpoint: C, page: { index: number; changes: number }) => void;
}

export interface SyncResult<C = string> {
  /** The checkpoint stored at the end (the one loaded, when nothing was fetched). */
  checkpoint: C | undefined;
  pages: number;
  /** Changes applied during this run, repeats after a resume included. */
  applied: number;
  /** The feed had more when `maxPages` stopped the run. */
  hasMore: boolean;
}

/**
 * Incremental sync from a change feed: loads the checkpoint, then per page applies every change in
 * order and only then saves the page's `next` watermark. A throwing `apply`, a failed fetch or a
 * crash leave the previous checkpoint in the store and the error propagates as is; the next run
 * starts again from that checkpoint, so every change is applied at least once and none is skipped.
 *
 * This is the fix to the integration guide's recipe (`setLastSyncTime(new Date())` after the loop),
 * which skips every change committed during the sync with a time before that date.
 */
export async function sync<Change, C = string>(options: SyncOptions<Change, C>): Promise<SyncResult<C>> {
  const { store, fetchPage, apply, signal } = options;
  const key = options.key ?? "default";
  const maxPages = options.maxPages ?? 1_000;
  let checkpoint: C | undefined = await store.load(key);
  let applied = 0;
  let pages = 0;
  let hasMore = true;
  while (hasMore && pages < maxPages) {
    signal?.throwIfAborted();
    const page = await fetchPage(checkpoint, signal);
    // Saving "no position" would silently restart the next run from the oldest retained change.
    if (page.next == null) throw new TypeError("Change feed page has no watermark (next)");
    for (const change of page.changes) {
      signal?.throwIfAborted();
      await apply(change);
      applied++;
    }
    const same = JSON.stringify(page.next) === JSON.stringify(checkpoint);
    // "More" at the same position would fetch the same page forever.
    if (page.hasMore && same) {
      throw new PaginationError(`Change feed did not advance past ${JSON.stringify(checkpoint)}`, { reason: "cycle" });
    }
    // An idle poll returns the position it was given: no write for nothing.
    if (!same) {
      await store.save(key, page.next);
      checkpoint = page.next;
      options.onCommit?.(page.next, { index: pages, changes: page.changes.length });
    }
    hasMore = page.hasMore;
    pages++;
  }
  return { checkpoint, pages, applied, hasMore };
}

/** The spec's feed envelope (`{ data, meta: { next_cursor, has_more } }`) as a ChangePage. */
export function cursorPage<Change>(body: { data: readonly Change[]; meta: { next_cursor: string; has_more: boolean } }): ChangePage<Change, string> {
  return { changes: body.data, next: body.meta.next_cursor, hasMore: body.meta.has_more };
}
