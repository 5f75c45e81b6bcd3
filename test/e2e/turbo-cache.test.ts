import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync, renameSync, rmSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { bin, exec, repoRoot } from "../support/exec.js";

interface DryTask {
  taskId: string;
  command: string;
  cache: { status: "HIT" | "MISS" };
}

async function dryRun(task: string): Promise<Map<string, DryTask>> {
  const res = await exec(bin("turbo"), ["run", task, "--dry=json"]);
  expect(res.code, res.stderr).toBe(0);
  const tasks = (JSON.parse(res.stdout) as { tasks: DryTask[] }).tasks.filter((t) => t.command !== "<NONEXISTENT>");
  return new Map(tasks.map((t) => [t.taskId, t]));
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));

// The pipeline is spec lint → bundle → generate → build; these checks use turbo's own cache
// bookkeeping (--dry=json) after a real build, which the test task depends on.
describe("turbo pipeline caching", () => {
  it("a second run with no change is fully cached", async () => {
    expect((await exec(bin("turbo"), ["run", "build", "--output-logs=errors-only"])).code).toBe(0);
    const tasks = await dryRun("build");
    expect(tasks.size).toBeGreaterThan(5);
    const misses = [...tasks.values()].filter((t) => t.cache.status !== "HIT").map((t) => t.taskId);
    expect(misses).toEqual([]);
  });

  it("editing one spec file re-runs only what depends on the spec", async () => {
    const file = join(repoRoot, "spec/openapi.yaml");
    const original = readFileSync(file, "utf8");
    try {
      writeFileSync(file, original + "\n# touched by the turbo cache test\n");
      const tasks = await dryRun("build");
      const status = (id: string) => tasks.get(id)?.cache.status;
      expect(status("@specforge/spec#lint")).toBe("MISS");
      expect(status("@specforge/spec#bundle")).toBe("MISS");
      expect(status("@specforge/types#generate")).toBe("MISS");
      expect(status("@specforge/client#build")).toBe("MISS");
      // Nothing in the runtime depends on the spec.
      expect(status("@specforge/runtime#build")).toBe("HIT");
    } finally {
      writeFileSync(file, original);
    }
  });

  it("deleting generated outputs restores them, and the next run is cached again", async () => {
    // turbo 2.11 hashes a task's committed outputs with its inputs, so with the generated files
    // gone `generate` runs again (deterministically, byte for byte) instead of replaying them;
    // once they are back every task is a cache hit again.
    const dir = join(repoRoot, "packages/types/src/generated");
    const before = snapshot(dir);
    const aside = `${dir}.aside-${process.pid}`;
    renameSync(dir, aside);
    try {
      const res = await exec(bin("turbo"), ["run", "generate", "--filter=@specforge/types"]);
      expect(res.code, res.stderr).toBe(0);
      expect(snapshot(dir)).toEqual(before);
      const again = await exec(bin("turbo"), ["run", "generate", "--filter=@specforge/types"]);
      expect(again.stdout).toMatch(/@specforge\/types:generate: cache hit/);
    } finally {
      if (!existsSync(dir)) renameSync(aside, dir);
      else rmSync(aside, { recursive: true, force: true });
    }
  });

});
