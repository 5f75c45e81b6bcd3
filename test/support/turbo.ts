import { exec, repoRoot, type ExecResult } from "./exec.js";

/**
 * `turbo …` through pnpm 12.4.2 (`pnpm exec turbo`), in the repo or a clone of it: turbo needs
 * the pnpm binary on PATH, which a plain `npx vitest run` does not have.
 */
export function turbo(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ExecResult> {
  return exec("npx", ["-y", "pnpm@12.4.2", "exec", "turbo", ...args], { cwd: repoRoot, ...options });
}
