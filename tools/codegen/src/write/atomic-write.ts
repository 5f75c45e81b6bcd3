import { mkdirSync, rmSync, renameSync, writeFileSync, existsSync, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import type { EmittedFile } from "../emit/emitter.js";
import { outputTarget } from "./output-target.js";
import { stagingPrefix, sweepStaleStaging } from "./stale-staging.js";

/** What was written: the path relative to the output folder and its size. */
export interface WrittenFile {
  path: string;
  bytes: number;
}

/**
 * A temporary sibling of `outDir` that files are written into (by any thread, as soon as they are
 * emitted, so their text can be let go), then swapped in place of `outDir` in one rename: a
 * failure at any point leaves the previous output untouched and readers never see half of it.
 */
/** An output folder the generator will not use (a user's mistake, not a bug: no stack trace). */
export class OutputError extends Error {
  override name = "OutputError";
}

/** Staging folders of this process not yet swapped in or discarded: what a signal handler removes. */
const active = new Set<string>();

export function activeStaging(): string[] {
  return [...active];
}

export function createStaging(outDir: string): string {
  const target = outputTarget(outDir);
  // The folder is replaced whole: a file there would be silently deleted.
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new OutputError(`--out ${target} is an existing file, not a folder; the generator owns its output folder and replaces it whole (pick a folder)`);
  }
  mkdirSync(dirname(target), { recursive: true });
  sweepStaleStaging(target, active);
  // Not mkdtemp: its 0700 would become the output's mode. mkdir gives 0777 less the umask, and
  // fails rather than reuse a name that exists.
  for (;;) {
    const staging = join(dirname(target), `${stagingPrefix(target)}${process.pid}-${randomBytes(6).toString("base64url").replace(/[-_]/g, "x").slice(0, 6)}`);
    try {
      mkdirSync(staging);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw err;
    }
    active.add(staging);
    return staging;
  }
}

export function writeFiles(staging: string, files: EmittedFile[]): WrittenFile[] {
  return files.map((f) => {
    const p = join(staging, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
    return { path: f.path, bytes: Buffer.byteLength(f.content) };
  });
}

export function swapIn(staging: string, outDir: string): void {
  const target = outputTarget(outDir);
  active.delete(staging);
  if (!existsSync(target)) return renameSync(staging, target);
  const old = `${staging}.old`;
  renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (err) {
    renameSync(old, target);
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}

export function discardStaging(staging: string): void {
  active.delete(staging);
  rmSync(staging, { recursive: true, force: true });
}
