import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./exec.js";

/**
 * A copy of the repo's files (tracked and new, not ignored) in a temporary folder. Edits happen
 * there, never in the repo: the other suites of the same `pnpm test` run read the real files
 * while the copy's test runs. The caller removes it.
 */
export function copyRepo(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot });
  execFileSync("sh", ["-c", `xargs -0 tar -cf - --ignore-failed-read 2>/dev/null | tar -xf - -C "${dir}"`], { cwd: repoRoot, input: files });
  return dir;
}
