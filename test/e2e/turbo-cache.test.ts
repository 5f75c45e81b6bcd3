import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { exec, repoRoot } from "../support/exec.js";
import { dryRun as turboDryRun, turbo, type DryTask } from "../support/turbo.js";
import { copyRepo as copyFrom } from "../support/repo-copy.js";
import { CLEANUP_TIMEOUT_MS, removeScratch } from "../support/scratch.js";

/** Every task of the README test command, and the builds. */
const ALL = ["build", "docs", "typecheck", "test", "test:corpus", "test:dev", "test:contract", "test:browser", "test:release", "test:cache"];

/** The tasks turbo would run (not those a package has no script for), by id. */
async function dryRun(tasks: string[], cwd = repoRoot): Promise<Map<string, DryTask>> {
  const all = (await turboDryRun(tasks, cwd)).tasks.filter((t) => t.command !== "<NONEXISTENT>");
  return new Map(all.map((t) => [t.taskId, t]));
}

/** Task ids whose hash differs between two dry runs: what turbo would run again. */
const rerun = (before: Map<string, DryTask>, after: Map<string, DryTask>) => [...after.values()].filter((t) => before.get(t.taskId)?.hash !== t.hash).map((t) => t.taskId).sort();

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));

function copyRepo(): string {
  const dir = copyFrom("specforge-turbo-cache-");
  copies.push(dir);
  return dir;
}
const copies: string[] = [];

describe("turbo pipeline caching", () => {
  let copy: string;
  beforeAll(() => {
    copy = copyRepo();
  });
  afterAll(() => removeScratch(...copies), CLEANUP_TIMEOUT_MS);

  it("a second run with no change is fully cached", { timeout: 600_000 }, async () => {
    const build = await turbo(["run", "build", "--output-logs=errors-only"]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const tasks = await dryRun(["build"]);
    expect(tasks.size).toBeGreaterThan(5);
    const misses = [...tasks.values()].filter((t) => t.cache.status !== "HIT").map((t) => t.taskId);
    expect(misses).toEqual([]);
  });

  it("no task hashes what a run writes: build output, turbo's logs, caches, scratch folders, node_modules", async () => {
    // One file in each place a run writes (what `git status --ignored` lists after a fresh clone's
    // test run): a task whose inputs take any of them misses the cache on the next run with no
    // change (the paired bench found three).
    const probe = "turbo-input-probe";
    const packages = ["spec", "test", "bench", ...["packages", "tools"].flatMap((d) => readdirSync(join(copy, d)).map((p) => `${d}/${p}`))].filter((d) => existsSync(join(copy, d, "package.json")));
    const written = [
      ...packages.flatMap((d) => [`${d}/dist/${probe}.js`, `${d}/.turbo/${probe}.log`, `${d}/node_modules/${probe}/index.ts`]),
      ...["tools/codegen/.cache", "tools/codegen/.tmp", "tools/spec-diff/.cache", "test/artifacts", "bench/.results", "bench/.peers"].map((d) => `${d}/${probe}.ts`),
      // Under the names tasks read them by, too: an upstream task's output is hashed through that
      // task, never as a file (in a fresh clone it does not exist yet when the reader is hashed).
      "spec/dist/openapi.json",
      "spec/dist/openapi.yaml",
    ];
    const writtenDir = /(^|\/)(dist|\.turbo|node_modules|\.cache|\.tmp|artifacts|\.results|\.peers)\//;
    for (const file of written) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      writeFileSync(join(copy, file), "// probe\n");
    }
    const hashed = [...(await dryRun(ALL, copy)).values()].flatMap((t) => Object.keys(t.inputs ?? {}).filter((f) => writtenDir.test(f)).map((f) => `${t.taskId}: ${f}`));
    for (const file of written) rmSync(join(copy, file));
    expect(hashed).toEqual([]);
  });

  it("editing one spec file re-runs only what depends on the spec", async () => {
    const before = await dryRun(ALL, copy);
    appendFileSync(join(copy, "spec/openapi.yaml"), "\n# touched by the turbo cache test\n");
    const changed = rerun(before, await dryRun(ALL, copy));
    for (const id of ["@specforge/spec#lint", "@specforge/spec#bundle", "@specforge/types#generate", "@specforge/client#build", "@specforge/test#test:contract", "@specforge/bff#test"]) {
      expect(changed, id).toContain(id);
    }
    // Nothing in the runtime or the generators depends on the spec.
    for (const id of ["@specforge/runtime#build", "@specforge/runtime#test", "@specforge/runtime#typecheck", "@specforge/codegen#build", "@specforge/codegen#test"]) {
      expect(changed, id).not.toContain(id);
    }
  });

  it("editing the mock engine rebuilds the generator, which runs it at generation time, and regenerates", async () => {
    const before = await dryRun(ALL, copy);
    appendFileSync(join(copy, "packages/runtime/src/mocks/strings.ts"), "\n// touched by the turbo cache test\n");
    const changed = rerun(before, await dryRun(ALL, copy));
    for (const id of ["@specforge/codegen#build", "@specforge/mocks#generate", "@specforge/zod#generate", "@specforge/types#generate"]) expect(changed, id).toContain(id);
  });

  it("editing one file of packages/runtime/src re-runs exactly the tasks that depend on the runtime", async () => {
    const before = await dryRun(ALL, copy);
    appendFileSync(join(copy, "packages/runtime/src/index.ts"), "\n// touched by the turbo cache test\n");
    const changed = rerun(before, await dryRun(ALL, copy));
    // The runtime itself, what imports it (client, mocks with the runtime's mock engine, bff, the
    // codegen's tests of generated clients, the scaffold's templates, the e2e and contract suites,
    // the size budget of its bundle), and the builds downstream of it. Not the spec, the
    // generators, types, zod or spec-diff.
    expect(changed).toEqual(
      [
        "@specforge/runtime#build",
        "@specforge/runtime#typecheck",
        "@specforge/runtime#test",
        "@specforge/client#build",
        "@specforge/client#typecheck",
        "@specforge/client#test",
        "@specforge/mocks#build",
        "@specforge/mocks#typecheck",
        "@specforge/mocks#test",
        "@specforge/scaffold#typecheck",
        "@specforge/scaffold#test",
        "@specforge/bff#build",
        "@specforge/bff#typecheck",
        "@specforge/bff#test",
        "@specforge/bff#test:browser",
        "@specforge/codegen#typecheck",
        "@specforge/codegen#test",
        "@specforge/codegen#test:corpus",
        "@specforge/codegen#test:dev",
        "@specforge/test#typecheck",
        "@specforge/test#test",
        "@specforge/test#test:contract",
        "@specforge/test#test:dev",
        "@specforge/test#test:browser",
        "@specforge/test#test:release",
        "@specforge/test#test:cache",
        "@specforge/bench#test",
      ].sort(),
    );
  });

  it("deleting generated outputs restores them, and the next run is cached again", { timeout: 300_000 }, async () => {
    // turbo 2.11 hashes a task's committed outputs with its inputs, so with the generated files
    // gone `generate` runs again (deterministically, byte for byte) instead of replaying them;
    // once they are back every task is a cache hit again. In a committed copy with its own
    // install, so the repo's generated files never go missing under the suites running beside.
    const dir = copyRepo();
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false", ...args], { cwd: dir });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "copy");
    const install = await exec("npx", ["-y", "pnpm@12.4.2", "install", "--frozen-lockfile", "--offline"], { cwd: dir });
    expect(install.code, install.stdout + install.stderr).toBe(0);
    // The repo's own cache serves the unchanged upstream tasks (lint, bundle, the codegen build).
    const generate = () => turbo(["run", "generate", "--filter=@specforge/types", `--cache-dir=${join(repoRoot, ".turbo/cache")}`], { cwd: dir });
    const generated = join(dir, "packages/types/src/generated");
    const before = snapshot(generated);
    rmSync(generated, { recursive: true });
    const res = await generate();
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(snapshot(generated)).toEqual(before);
    const again = await generate();
    expect(again.stdout).toMatch(/@specforge\/types:generate: cache hit/);
  });
});
