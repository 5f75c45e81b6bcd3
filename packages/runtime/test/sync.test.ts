import { describe, expect, it } from "vitest";
import { PaginationError } from "../src/index.js";
import { MemoryCheckpointStore, sync, type ChangePage, type CheckpointStore } from "../src/sync/index.js";

interface Change {
  seq: number;
  id: string;
  value: number | null;
}

/** A feed over an in-memory log whose cursor is the last sequence number served, as a string. */
function logFeed(log: Change[], pageSize: number) {
  const requests: (string | undefined)[] = [];
  const fetchPage = async (cursor: string | undefined): Promise<ChangePage<Change>> => {
    requests.push(cursor);
    const after = cursor === undefined ? 0 : Number(cursor);
    const changes = log.filter((c) => c.seq > after).slice(0, pageSize);
    const last = changes.at(-1)?.seq ?? after;
    return { changes, next: String(last), hasMore: log.some((c) => c.seq > last) };
  };
  return { fetchPage, requests };
}

function makeLog(n: number): Change[] {
  return Array.from({ length: n }, (_, i) => ({ seq: i + 1, id: `p${i % 4}`, value: i === n - 2 ? null : i }));
}

/** Upserts and deletes (value null) by id: idempotent, as `apply` must be. */
function localStore() {
  const rows = new Map<string, number>();
  const applied: number[] = [];
  const apply = (c: Change) => {
    applied.push(c.seq);
    if (c.value === null) rows.delete(c.id);
    else rows.set(c.id, c.value);
  };
  return { rows, applied, apply };
}

function replay(log: Change[]): Map<string, number> {
  const { rows, apply } = localStore();
  log.forEach(apply);
  return rows;
}

/** Counts saves, to tell a commit from an idle poll. */
function countingStore<C>(): CheckpointStore<C> & { saves: C[] } {
  const inner = new MemoryCheckpointStore<C>();
  const saves: C[] = [];
  return { saves, load: (k) => inner.load(k), save: (k, c) => (saves.push(c), inner.save(k, c)) };
}

describe("sync", () => {
  it("applies every change in order and commits each page's watermark after its changes", async () => {
    const log = makeLog(23);
    const feed = logFeed(log, 10);
    const store = countingStore<string>();
    const local = localStore();
    const commits: [string, number][] = [];
    const result = await sync({ store, fetchPage: feed.fetchPage, apply: local.apply, onCommit: (c) => commits.push([c, local.applied.length]) });
    expect(local.applied).toEqual(log.map((c) => c.seq));
    // Each checkpoint was saved once every change up to it had been applied, never before.
    expect(commits).toEqual([["10", 10], ["20", 20], ["23", 23]]);
    expect(store.saves).toEqual(["10", "20", "23"]);
    expect(result).toEqual({ checkpoint: "23", pages: 3, applied: 23, hasMore: false });
    expect(local.rows).toEqual(replay(log));
  });

  it("a handler that throws mid-page: the error propagates, the previous page stays committed, and the next run re-applies the page from its start", async () => {
    const log = makeLog(25);
    const feed = logFeed(log, 10);
    const store = new MemoryCheckpointStore<string>();
    const local = localStore();
    const boom = new Error("database down");
    let thrown = false;
    const apply = (c: Change) => {
      if (c.seq === 15 && !thrown) {
        thrown = true;
        throw boom;
      }
      local.apply(c);
    };
    await expect(sync({ store, fetchPage: feed.fetchPage, apply })).rejects.toBe(boom);
    expect(await store.load("default")).toBe("10");

    const resumed = await sync({ store, fetchPage: feed.fetchPage, apply });
    expect(feed.requests).toEqual([undefined, "10", "10", "20"]);
    // 11–14 twice (at-least-once), then everything after the failure; nothing missing.
    expect(local.applied).toEqual([...range(1, 14), ...range(11, 25)]);
    expect(resumed).toEqual({ checkpoint: "25", pages: 2, applied: 15, hasMore: false });
    expect(local.rows).toEqual(replay(log));
  });

  it("a failed fetch keeps the last committed checkpoint", async () => {
    const log = makeLog(30);
    const feed = logFeed(log, 10);
    const store = new MemoryCheckpointStore<string>();
    const offline = new TypeError("fetch failed");
    const fetchPage = async (cursor: string | undefined) => {
      if (cursor === "20") throw offline;
      return feed.fetchPage(cursor);
    };
    await expect(sync({ store, fetchPage, apply: () => {} })).rejects.toBe(offline);
    expect(await store.load("default")).toBe("20");
  });

  it("an idle poll (the position it was given, no more) writes nothing", async () => {
    const log = makeLog(5);
    const feed = logFeed(log, 10);
    const store = countingStore<string>();
    await sync({ store, fetchPage: feed.fetchPage, apply: () => {} });
    const idle = await sync({ store, fetchPage: feed.fetchPage, apply: () => {} });
    expect(idle).toEqual({ checkpoint: "5", pages: 1, applied: 0, hasMore: false });
    expect(store.saves).toEqual(["5"]);
  });

  it("a feed that says 'more' without moving throws PaginationError instead of looping", async () => {
    const store = new MemoryCheckpointStore<string>();
    await store.save("default", "7");
    const stuck = async (cursor: string | undefined) => ({ changes: [], next: cursor ?? "7", hasMore: true });
    const err = await sync({ store, fetchPage: stuck, apply: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PaginationError);
    expect((err as PaginationError).reason).toBe("cycle");
  });

  it("a page without a watermark is an error before any change is applied, not a rewind to the start", async () => {
    const store = new MemoryCheckpointStore<string>();
    await store.save("default", "4");
    const applied: Change[] = [];
    const broken = async () => ({ changes: makeLog(2), next: undefined as unknown as string, hasMore: false });
    await expect(sync({ store, fetchPage: broken, apply: (c) => applied.push(c) })).rejects.toThrow(/no watermark/);
    expect(applied).toEqual([]);
    expect(await store.load("default")).toBe("4");
  });

  it("maxPages ends a run early with hasMore; the next run continues where it stopped", async () => {
    const log = makeLog(35);
    const feed = logFeed(log, 10);
    const store = new MemoryCheckpointStore<string>();
    const local = localStore();
    expect(await sync({ store, fetchPage: feed.fetchPage, apply: local.apply, maxPages: 2 })).toEqual({ checkpoint: "20", pages: 2, applied: 20, hasMore: true });
    expect(await sync({ store, fetchPage: feed.fetchPage, apply: local.apply, maxPages: 2 })).toEqual({ checkpoint: "35", pages: 2, applied: 15, hasMore: false });
    expect(local.applied).toEqual(range(1, 35));
  });

  it("an abort stops between changes and keeps the last committed checkpoint", async () => {
    const log = makeLog(30);
    const feed = logFeed(log, 10);
    const store = new MemoryCheckpointStore<string>();
    const controller = new AbortController();
    const apply = (c: Change) => {
      if (c.seq === 12) controller.abort();
    };
    const err = await sync({ store, fetchPage: feed.fetchPage, apply, signal: controller.signal }).catch((e: unknown) => e);
    expect((err as Error).name).toBe("AbortError");
    expect(await store.load("default")).toBe("10");
  });

  it("keys keep several feeds apart in one store", async () => {
    const store = new MemoryCheckpointStore<string>();
    await sync({ store, key: "products", fetchPage: logFeed(makeLog(3), 10).fetchPage, apply: () => {} });
    await sync({ store, key: "orders", fetchPage: logFeed(makeLog(8), 10).fetchPage, apply: () => {} });
    expect([await store.load("products"), await store.load("orders"), await store.load("default")]).toEqual(["3", "8", undefined]);
  });
});

describe("ties on equal timestamps", () => {
  interface Row {
    id: string;
    at: string;
  }
  // 25 changes in one second: a timestamp alone cannot say where a page boundary fell.
  const rows: Row[] = Array.from({ length: 25 }, (_, i) => ({ id: `r${String(i).padStart(2, "0")}`, at: "2024-06-19T07:30:00Z" }));

  it("a keyset watermark { at, id } (a timestamp with a tiebreaker id) skips none of them", async () => {
    type Mark = { at: string; id: string };
    const after = (r: Row, m: Mark | undefined) => !m || r.at > m.at || (r.at === m.at && r.id > m.id);
    const fetchPage = async (mark: Mark | undefined): Promise<ChangePage<Row, Mark>> => {
      const changes = rows.filter((r) => after(r, mark)).slice(0, 10);
      const last = changes.at(-1);
      const next = last ? { at: last.at, id: last.id } : mark!;
      return { changes, next, hasMore: rows.some((r) => after(r, next)) };
    };
    const seen: string[] = [];
    const store = new MemoryCheckpointStore<Mark>();
    await sync({ store, fetchPage, apply: (r) => seen.push(r.id) });
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(await store.load("default")).toEqual({ at: "2024-06-19T07:30:00Z", id: "r24" });
  });

  it("a bare 'strictly after this timestamp' watermark would skip 15 of them (what the keyset avoids)", async () => {
    const fetchPage = async (since: string | undefined): Promise<ChangePage<Row>> => {
      const changes = rows.filter((r) => since === undefined || r.at > since).slice(0, 10);
      const next = changes.at(-1)?.at ?? since!;
      return { changes, next, hasMore: rows.some((r) => r.at > next) };
    };
    const seen: string[] = [];
    await sync({ store: new MemoryCheckpointStore<string>(), fetchPage, apply: (r) => seen.push(r.id) });
    expect(seen).toHaveLength(10);
  });
});

describe("MemoryCheckpointStore", () => {
  it("stores copies: mutating a saved or loaded object does not move the checkpoint", async () => {
    const store = new MemoryCheckpointStore<{ at: string }>();
    const mark = { at: "a" };
    await store.save("k", mark);
    mark.at = "b";
    const loaded = await store.load("k");
    loaded!.at = "c";
    expect(await store.load("k")).toEqual({ at: "a" });
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
