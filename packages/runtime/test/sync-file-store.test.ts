import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileCheckpointStore } from "../src/sync/file-store.js";

const root = await mkdtemp(join(tmpdir(), "specforge-checkpoints-"));
afterAll(() => rm(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(root, `case-${++n}`, "sync", "checkpoints.json");

describe("FileCheckpointStore", () => {
  it("a new instance on the same file (a restarted process) reads what the last one saved, per key", async () => {
    const path = fresh();
    const before = new FileCheckpointStore<string | { at: string; id: string }>(path);
    expect(await before.load("products")).toBeUndefined();
    await before.save("products", "eyJzZXEiOjEwfQ");
    await before.save("orders", { at: "2024-06-19T07:30:00Z", id: "o9" });
    await before.save("products", "eyJzZXEiOjIwfQ");

    const after = new FileCheckpointStore<string | { at: string; id: string }>(path);
    expect(await after.load("products")).toBe("eyJzZXEiOjIwfQ");
    expect(await after.load("orders")).toEqual({ at: "2024-06-19T07:30:00Z", id: "o9" });
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ products: "eyJzZXEiOjIwfQ", orders: { at: "2024-06-19T07:30:00Z", id: "o9" } });
  });

  it("concurrent saves are serialised: none overwrites another's key, and no temporary file is left", async () => {
    const path = fresh();
    const store = new FileCheckpointStore<number>(path);
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.save(`feed-${i}`, i)));
    const all = JSON.parse(await readFile(path, "utf8")) as Record<string, number>;
    expect(Object.keys(all)).toHaveLength(40);
    expect(all["feed-39"]).toBe(39);
    expect(await readdir(join(path, ".."))).toEqual(["checkpoints.json"]);
  });

  it("a save that cannot complete leaves the previous file whole, removes its temporary file, and does not block later saves", async () => {
    const path = fresh();
    const store = new FileCheckpointStore<string>(path);
    await store.save("products", "c1");
    const dir = join(path, "..");
    // A directory in the file's place makes the final rename fail after the temp file was written.
    const blocked = new FileCheckpointStore<string>(join(dir, "taken"));
    await mkdir(join(dir, "taken", "child"), { recursive: true });
    await expect(blocked.save("products", "c2")).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(["checkpoints.json", "taken"]);
    expect(await store.load("products")).toBe("c1");
    await store.save("products", "c3");
    expect(await new FileCheckpointStore<string>(path).load("products")).toBe("c3");
  });

  it("an unreadable checkpoint file is an error, not a silent restart from scratch", async () => {
    const path = fresh();
    await mkdir(join(path, ".."), { recursive: true });
    await writeFile(path, "[1, 2]");
    await expect(new FileCheckpointStore(path).load("products")).rejects.toThrow(/not a checkpoint file/);
    await writeFile(path, "{ torn");
    await expect(new FileCheckpointStore(path).load("products")).rejects.toThrow(SyntaxError);
  });
});
