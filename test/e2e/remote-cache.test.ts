import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { exec, repoRoot } from "../support/exec.js";
import { startRemoteCache, type RemoteCache } from "../support/remote-cache.js";
import { CLEANUP_TIMEOUT_MS, removeScratch } from "../support/scratch.js";
import { turbo } from "../support/turbo.js";

interface SummaryTask {
  taskId: string;
  hash: string;
  cache: { status: "HIT" | "MISS"; source?: "LOCAL" | "REMOTE" };
}

const TEAM = "specforge";

/** The environment of a developer or CI job sharing the cache, and nothing inherited from turbo. */
function cacheEnv(cache: RemoteCache): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith("TURBO_")).map((k) => [k, undefined]));
  return { ...inherited, TURBO_TELEMETRY_DISABLED: "1", TURBO_API: cache.url, TURBO_TOKEN: cache.token, TURBO_TEAM: TEAM };
}

/** A fresh clone of the repo at `commit`, with its dependencies installed from the pnpm store. */
async function cloneAndInstall(dir: string, commit: string) {
  const clone = await exec("git", ["clone", "--quiet", "--no-checkout", repoRoot, dir]);
  expect(clone.code, clone.stderr).toBe(0);
  const checkout = await exec("git", ["checkout", "--quiet", "--detach", commit], { cwd: dir });
  expect(checkout.code, checkout.stderr).toBe(0);
  const install = await exec("npx", ["-y", "pnpm@12.4.2", "install", "--frozen-lockfile", "--offline"], { cwd: dir });
  // Offline: the store already holds every package of the lockfile (the repo's own install).
  expect(install.code, `pnpm install --offline in a clone of ${commit} (is the repo's own install up to date?):\n${install.stdout}${install.stderr}`).toBe(0);
}

// The client's build and everything it needs (spec lint and bundle, the generator, the types and
// client generation, the runtime): every kind of task and output the cache carries, without the
// cold build of the whole workspace that test:cache's other files already pay for.
const BUILD = ["run", "build", "--filter=@specforge/client...", "--summarize", "--output-logs=new-only"];

async function build(dir: string, cache: RemoteCache) {
  const run = await turbo(BUILD, { cwd: dir, env: cacheEnv(cache) });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const runs = join(dir, ".turbo/runs");
  const [summary, ...more] = readdirSync(runs);
  expect(more).toEqual([]);
  const tasks = (JSON.parse(readFileSync(join(runs, summary!), "utf8")) as { tasks: SummaryTask[] }).tasks;
  return { stdout: run.stdout, tasks: tasks.sort((a, b) => a.taskId.localeCompare(b.taskId)) };
}

/** sha256 of every file turbo produces: bundles, generated sources and builds. */
function outputs(dir: string): Record<string, string> {
  const roots = [join(dir, "spec/dist"), ...readdirSync(join(dir, "packages")).flatMap((p) => [join(dir, "packages", p, "dist"), join(dir, "packages", p, "src/generated")])];
  const files: Record<string, string> = {};
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) return readdirSync(path).forEach((f) => walk(join(path, f)));
    files[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
  };
  roots.filter((r) => existsSync(r)).forEach(walk);
  return files;
}

describe("turbo remote cache shared by two clones (turborepo-remote-cache on 127.0.0.1)", () => {
  let tmp: string;
  let cache: RemoteCache;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "specforge-remote-cache-"));
    cache = await startRemoteCache(join(tmp, "storage"));
  });
  afterAll(async () => {
    await cache?.stop();
    await removeScratch(tmp);
  }, CLEANUP_TIMEOUT_MS);

  it("answers only the token it was started with", async () => {
    const artifact = `${cache.url}/v8/artifacts/0123456789abcdef?slug=${TEAM}`;
    expect((await fetch(artifact, { headers: { Authorization: "Bearer not-the-token" } })).status).toBe(401);
    expect([400, 401]).toContain((await fetch(artifact)).status);
    expect((await fetch(artifact, { headers: { Authorization: `Bearer ${cache.token}` } })).status).toBe(404);
  });

  it("clone A fills the cache; clone B, with no local cache, rebuilds nothing and gets the same files", { timeout: 300_000 }, async () => {
    const a = join(tmp, "a");
    const b = join(tmp, "b");
    // Both at one commit: the repo's HEAD may move while the test runs.
    const commit = (await exec("git", ["rev-parse", "HEAD"])).stdout.trim();

    await cloneAndInstall(a, commit);
    const first = await build(a, cache);
    expect(first.tasks.length).toBeGreaterThan(5);
    expect(first.tasks.filter((t) => t.cache.status !== "MISS").map((t) => t.taskId), "clone A starts cold").toEqual([]);
    // Every task's outputs and logs were uploaded, one artifact per task hash.
    const stored = readdirSync(join(tmp, "storage", TEAM));
    for (const t of first.tasks) expect(stored, `${t.taskId} uploaded`).toContain(t.hash);

    await cloneAndInstall(b, commit);
    expect(existsSync(join(b, ".turbo")), "clone B has no local cache").toBe(false);
    const second = await build(b, cache);
    expect(second.tasks.map((t) => [t.taskId, t.hash])).toEqual(first.tasks.map((t) => [t.taskId, t.hash]));
    const notRemote = second.tasks.filter((t) => t.cache.status !== "HIT" || t.cache.source !== "REMOTE");
    expect(notRemote.map((t) => `${t.taskId}: ${t.cache.status} ${t.cache.source ?? ""}`), second.stdout).toEqual([]);
    expect(second.stdout).toMatch(/FULL TURBO/);

    // Restored, not regenerated: every output matches clone A byte for byte, and the committed
    // generated code is untouched.
    const fromA = outputs(a);
    expect(Object.keys(fromA).length).toBeGreaterThan(20);
    expect(outputs(b)).toEqual(fromA);
    const status = await exec("git", ["status", "--porcelain"], { cwd: b });
    expect(status.stdout).toBe("");
  });
});
