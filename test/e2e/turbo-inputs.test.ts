/**
 * A task whose code imports a file its inputs do not name keeps answering from the cache after
 * that file changed: the suite looks green while it no longer tests the code (or a build ships
 * stale output). This reads every module a task hashes, follows its imports, and wants each local file hashed
 * by the task itself, by a task it depends on (a dependency's hash is part of its own), or as a
 * global input; and each workspace package it imports reached through a task it depends on.
 *
 * It is part of test:cache, whose inputs are the turbo configuration, not every module of the repo:
 * a fresh clone (CI) always runs it; locally it runs again when a turbo.json changes.
 */
import { describe, expect, it } from "vitest";
import { relative, resolve } from "node:path";
import { repoRoot } from "../support/exec.js";
import { dryRun, type DryTask } from "../support/turbo.js";
import { CODE, importClosure } from "../support/import-graph.js";

/**
 * The tasks of the README test command, and what `pnpm start` runs before them. Not the scaffold's
 * `test:scaffold`: the repo files it hashes are templates copied into a new project, whose own
 * packages they import there.
 */
const CHECKED = ["typecheck", "test", "test:corpus", "test:dev", "test:contract", "test:browser", "test:release", "test:cache", "lint", "bundle", "docs", "generate", "build"];
/** Tasks that run tsc, which reads type-only imports too. */
const TYPED = ["typecheck", "build"];
/** Where runs write: never an input (see turbo-cache.test.ts), so never followed either. */
const WRITTEN = /(^|\/)(dist|\.turbo|node_modules|\.cache|\.tmp|artifacts|\.results|\.peers)\//;

describe("turbo inputs", () => {
  it("every local file a task's code imports is hashed by the task or a task it depends on", async () => {
    const dry = await dryRun(CHECKED);
    const workspace = new Set(dry.packages);
    const byId = new Map(dry.tasks.map((t) => [t.taskId, t]));
    const abs = (t: DryTask, f: string) => resolve(repoRoot, t.directory, f);
    const global = Object.keys(dry.globalCacheInputs.files).map((f) => resolve(repoRoot, f));
    const rel = (f: string) => relative(repoRoot, f);
    const skip = (f: string) => rel(f).startsWith("..") || WRITTEN.test(rel(f));

    const problems: string[] = [];
    let followed = 0;
    for (const task of dry.tasks) {
      if (!CHECKED.includes(task.task) || task.command === "<NONEXISTENT>") continue;
      // The task and everything it depends on, transitively.
      const reached = new Set<string>();
      const stack = [task.taskId];
      while (stack.length) {
        const id = stack.pop()!;
        if (reached.has(id)) continue;
        reached.add(id);
        stack.push(...(byId.get(id)?.dependencies ?? []));
      }
      const hashed = new Set(global);
      const packages = new Set<string>();
      for (const id of reached) {
        const t = byId.get(id)!;
        packages.add(t.package);
        for (const f of Object.keys(t.inputs)) hashed.add(abs(t, f));
      }
      // Generated modules a task hashes to compare them (the dev loop's byte checks) are data there;
      // a package's own generated code is reached through the tests that import it.
      const seeds = Object.keys(task.inputs).filter((f) => CODE.test(f) && !f.includes("/generated/")).map((f) => abs(task, f));
      const { files, packages: imported } = importClosure(seeds, skip, TYPED.includes(task.task));
      followed += files.size;
      for (const [file, from] of files) if (!hashed.has(file)) problems.push(`${task.taskId}: ${rel(file)} (imported by ${rel(from)}) is not hashed`);
      for (const [name, from] of imported) {
        if (workspace.has(name) && !packages.has(name)) problems.push(`${task.taskId}: imports ${name} (in ${rel(from)}) but depends on no task of it`);
      }
    }
    // Not vacuous: the tasks' code was read.
    expect(followed).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });
});
