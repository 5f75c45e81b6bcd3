import { bin, exec, repoRoot, type ExecResult } from "./exec.js";

/**
 * `turbo …` through pnpm 12.4.2 (`pnpm exec turbo`), in the repo or a clone of it: turbo needs
 * the pnpm binary on PATH, which a plain `npx vitest run` does not have.
 */
export function turbo(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ExecResult> {
  return exec("npx", ["-y", "pnpm@12.4.2", "exec", "turbo", ...args], { cwd: repoRoot, ...options });
}

/** One task of `turbo run … --dry=json`. */
export interface DryTask {
  taskId: string;
  /** The task's name without its package ("build"). */
  task: string;
  package: string;
  /** The package folder, relative to the repo. */
  directory: string;
  hash: string;
  /** Input files, relative to the task's package folder, with their hashes. */
  inputs: Record<string, string>;
  /** Task ids it depends on directly. */
  dependencies: string[];
  /** "<NONEXISTENT>" for a task its package has no script for (hashed all the same). */
  command: string;
  cache: { status: "HIT" | "MISS" };
}

export interface DryRun {
  tasks: DryTask[];
  /** Workspace package names. */
  packages: string[];
  /** Files every task hashes (`globalDependencies`). */
  globalCacheInputs: { files: Record<string, string> };
}

/** What turbo would run for `tasks` in the repo at `cwd` (the repo's own turbo binary, which needs no pnpm on PATH). */
export async function dryRun(tasks: string[], cwd = repoRoot): Promise<DryRun> {
  const res = await exec(bin("turbo"), ["run", ...tasks, "--dry=json"], { cwd });
  if (res.code !== 0) throw new Error(`turbo run ${tasks.join(" ")} --dry=json exited with ${res.code}:\n${res.stderr}`);
  return JSON.parse(res.stdout) as DryRun;
}
