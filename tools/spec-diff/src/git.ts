import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, dirname, resolve } from "node:path";
import { messageText, type Message } from "@specforge/codegen/terminal-text";

/** A git failure, with git's own message: one line, whatever git or a path in it says. */
export class GitError extends Error {
  override name = "GitError";
  constructor(problem: string | Message) {
    super(messageText(problem));
  }
}

function git(cwd: string, args: string[], input?: Buffer): Buffer {
  try {
    return execFileSync("git", args, { cwd, input, maxBuffer: 512 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] });
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    throw new GitError(`git ${args.join(" ")}: ${String(e.stderr ?? "").trim() || e.message}`);
  }
}

export function repoRoot(cwd: string): string {
  return git(cwd, ["rev-parse", "--show-toplevel"]).toString().trim();
}

export function refExists(root: string, ref: string): boolean {
  try {
    git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** Release tags: `v1.2.3`, and changesets' `@specforge/<package>@1.2.3`. */
export const RELEASE_TAG_PATTERNS = ["v[0-9]*", "@specforge/*@[0-9]*"];

/**
 * The default base: the last release tag reachable from HEAD, else `origin/main`, else `HEAD~`.
 * Returns the ref and why it was chosen.
 */
export function defaultBase(root: string): { ref: string; why: string } {
  try {
    const args = ["describe", "--tags", "--abbrev=0", ...RELEASE_TAG_PATTERNS.flatMap((p) => ["--match", p]), "HEAD"];
    const tag = git(root, args).toString().trim();
    if (tag) return { ref: tag, why: "last release tag" };
  } catch {
    // No release tag yet.
  }
  if (refExists(root, "origin/main")) return { ref: "origin/main", why: "no release tag; origin/main" };
  if (refExists(root, "HEAD~")) return { ref: "HEAD~", why: "no release tag and no origin/main; previous commit" };
  throw new GitError("no base to compare with: no release tag, no origin/main and no previous commit (pass --base <ref> or --base-spec <file>)");
}

/**
 * Extracts the folder holding `specFile` (its whole tree: split specs `$ref` their siblings) as it
 * is at `ref` into a temporary directory; returns the spec file's path there and a cleanup.
 */
export function extractSpecAt(root: string, ref: string, specFile: string): { file: string; cleanup: () => void } {
  if (!refExists(root, ref)) throw new GitError(`unknown git ref ${JSON.stringify(ref)}`);
  const rel = relative(root, resolve(specFile));
  if (rel.startsWith("..")) throw new GitError(`${specFile} is outside the repository ${root}`);
  const folder = dirname(rel);
  const dir = mkdtempSync(join(tmpdir(), "spec-diff-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const tar = git(root, ["archive", "--format=tar", ref, "--", folder === "." ? rel : folder]);
    execFileSync("tar", ["-x", "-C", dir], { input: tar, stdio: ["pipe", "ignore", "pipe"] });
    const file = join(dir, rel);
    if (!existsSync(file)) throw new GitError(`${rel} does not exist at ${ref}`);
    return { file, cleanup };
  } catch (err) {
    cleanup();
    if (err instanceof GitError && /did not match any files/.test(err.message)) throw new GitError(`${folder} does not exist at ${ref}`);
    throw err;
  }
}
