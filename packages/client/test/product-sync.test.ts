import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cursorPage, MemoryCheckpointStore, sync, type CheckpointStore } from "@specforge/runtime/sync";
import { FileCheckpointStore } from "@specforge/runtime/sync/file";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApi, type components } from "../src/index.js";
import { ChangeFeedServer } from "./change-feed-server.js";

type Product = components["schemas"]["Product"];
type ProductChange = components["schemas"]["ProductChange"];

const dir = await mkdtemp(join(tmpdir(), "specforge-product-sync-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

let server: ChangeFeedServer;
beforeEach(async () => {
  server = new ChangeFeedServer();
  await server.start();
});
afterEach(() => server.close());

/** The local copy the guide's handlers maintain: idempotent upserts and deletes by id. */
function localCatalog() {
  const products = new Map<string, Product>();
  const applied: ProductChange[] = [];
  const apply = (change: ProductChange) => {
    applied.push(change);
    if (change.change_type === "deleted") products.delete(change.product_id);
    else products.set(change.product.id, change.product);
  };
  return { products, applied, apply };
}

/** The spec's way to read the feed, through the generated client: resume from the stored cursor. */
function feedReader(baseUrl: string, limit = 10) {
  const api = createApi({ baseUrl, auth: { bearer: "test-token" } });
  return (cursor: string | undefined) => api.products.listChanges({ params: { query: cursor === undefined ? { limit } : { cursor, limit } } }).then(cursorPage);
}

/** Which committed change (sequence number) each applied change is: every write is unique. */
function seqs(applied: ProductChange[]): number[] {
  const seqOf = new Map(server.log.map((c) => [JSON.stringify(c.change), c.seq]));
  return applied.map((c) => seqOf.get(JSON.stringify(c))!);
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

describe("product sync against a live change feed (node:http, generated client)", () => {
  it("writes during the sync, a handler that throws once mid-page and a restart from the stored checkpoint: the local catalog ends equal to the server's, every change applied, none skipped", async () => {
    server.seed(40);
    const path = join(dir, "restart", "checkpoints.json");
    const catalog = localCatalog();
    const writer = server.writeDuringSync({ total: 200, everyMs: 2, perRequest: 1 });

    // First process: the handler fails on the 5th change of the 3rd page.
    const failure = new Error("local database unavailable");
    let calls = 0;
    const flaky = (change: ProductChange) => {
      if (++calls === 25) throw failure;
      catalog.apply(change);
    };
    await expect(sync({ store: new FileCheckpointStore<string>(path), key: "products", fetchPage: feedReader(server.url), apply: flaky })).rejects.toBe(failure);
    const stored = await new FileCheckpointStore<string>(path).load("products");
    // Pages 1 and 2 committed, page 3 not: its first four changes were applied, but the checkpoint is after page 2.
    expect(ChangeFeedServer.seqOf(stored!)).toBe(20);
    expect(seqs(catalog.applied)).toEqual(range(1, 24));

    // Second process: fresh store object and client on the same file, polling until the writer is done.
    const store = new FileCheckpointStore<string>(path);
    const readFeed = feedReader(server.url);
    const resumedFrom = server.served.length;
    let writing = true;
    void writer.then(() => (writing = false));
    let run, startedWhileWriting;
    do {
      // A run that started before the last write may have missed it: only a later one proves catch-up.
      startedWhileWriting = writing;
      run = await sync({ store, key: "products", fetchPage: readFeed, apply: catalog.apply });
    } while (startedWhileWriting || run.hasMore);
    // One more run after the last write: a poll with nothing new.
    expect((await sync({ store, key: "products", fetchPage: readFeed, apply: catalog.apply })).applied).toBe(0);

    // The restart asked for the stored cursor, so page 3 came again from its start (at-least-once).
    expect(server.served[resumedFrom]!.query.get("cursor")).toBe(stored);
    const order = seqs(catalog.applied);
    expect(order.slice(24)).toEqual(range(21, server.log.length));
    expect(new Set(order)).toEqual(new Set(range(1, server.log.length)));
    expect(catalog.products).toEqual(server.products);
    expect(ChangeFeedServer.seqOf((await store.load("products"))!)).toBe(server.log.length);

    // The hazards really happened: writes between pages, backdated commits and ties across page boundaries.
    expect(server.log.length).toBe(240);
    const backdated = server.log.filter((c, i) => i > 0 && c.at < server.log[i - 1]!.at);
    expect(backdated.length).toBeGreaterThan(10);
    expect(server.tiesAcrossPages()).toBeGreaterThan(0);
  });

  it("ties: changes sharing a timestamp on both sides of a page boundary are all applied", async () => {
    // Three writes per second and pages of four: three of the seven page boundaries fall inside one second.
    server.seed(30);
    const catalog = localCatalog();
    const result = await sync({ store: new MemoryCheckpointStore<string>(), fetchPage: feedReader(server.url, 4), apply: catalog.apply });
    expect(seqs(catalog.applied)).toEqual(range(1, 30));
    expect(result).toMatchObject({ pages: 8, applied: 30, hasMore: false });
    expect(catalog.products).toEqual(server.products);
    expect(server.tiesAcrossPages()).toBe(3);
  });

  it("the generated client pages through the feed like any list (.all() follows meta.next_cursor until has_more is false)", async () => {
    server.seed(25);
    const api = createApi({ baseUrl: server.url, auth: { bearer: "test-token" } });
    const all: ProductChange[] = [];
    for await (const change of api.products.listChanges.all({ params: { query: { limit: 10 } } })) all.push(change);
    expect(seqs(all)).toEqual(range(1, 25));
    // Three requests: from the start, then from each page's next_cursor; the last said has_more: false.
    expect(server.served.map((r) => r.query.get("cursor")).map((c) => (c === null ? null : ChangeFeedServer.seqOf(c)))).toEqual([null, 10, 20]);
  });

  it("the integration guide's timestamp recipe loses changes on the same feed (why the watermark is the server's cursor)", async () => {
    server.seed(40);
    // Two writes after each response (no timer), so what is lost is the same on every run.
    const writer = server.writeDuringSync({ total: 60, perRequest: 2 });
    const catalog = localCatalog();
    // getLastSyncTime → fetch changes since it → apply → store the last timestamp seen (its next_since).
    const api = createApi({ baseUrl: server.url, auth: { bearer: "test-token" } });
    const lastSync: CheckpointStore<string> = new MemoryCheckpointStore<string>();
    for (let round = 0; round < 40; round++) {
      const since = (await lastSync.load("products")) ?? "2024-06-19T06:00:00Z";
      const body = await api.products.listChanges({ params: { query: { since, limit: 10 } } });
      body.data.forEach(catalog.apply);
      await lastSync.save("products", body.meta.next_since);
    }
    await writer;
    expect(server.log.length).toBe(100);
    const seen = new Set(seqs(catalog.applied));
    const missed = range(1, server.log.length).filter((s) => !seen.has(s));
    expect(missed.length).toBeGreaterThan(0);
    expect(catalog.products).not.toEqual(server.products);
  });
});
