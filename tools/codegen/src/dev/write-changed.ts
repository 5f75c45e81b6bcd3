import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import type { EmittedFile } from "../emit/emitter.js";

export interface WriteReport {
  written: string[];
  removed: string[];
}

/**
 * Brings `outDir` to exactly `files`, touching only what differs: each changed file is written
 * beside its place and renamed over it (readers see the old or the new file, never half of
 * one), and files no longer emitted are removed. Unchanged packages are not touched at all, so
 * watchers downstream (tsc --watch, Prism, a bundler) only wake up for real changes.
 */
export function writeChanged(outDir: string, files: EmittedFile[]): WriteReport {
  const wanted = new Map(files.map((f) => [f.path.split("\\").join("/"), f.content]));
  const existing = existsSync(outDir) ? listFiles(outDir) : [];
  const changed: [string, string][] = [];
  for (const [path, content] of wanted) if (!hasContent(join(outDir, path), content)) changed.push([path, content]);
  for (const [path, content] of changed) replaceFile(join(outDir, path), content);
  const removed = existing.filter((p) => !wanted.has(p));
  for (const path of removed) {
    rmSync(join(outDir, path), { force: true });
    pruneEmptyDirs(outDir, dirname(join(outDir, path)));
  }
  return { written: changed.map(([p]) => p), removed };
}

/** Writes one file when its content differs, through a rename; true when it was written. */
export function writeFileIfChanged(file: string, content: string): boolean {
  if (hasContent(file, content)) return false;
  replaceFile(file, content);
  return true;
}

function hasContent(file: string, content: string): boolean {
  try {
    return readFileSync(file, "utf8") === content;
  } catch {
    return false;
  }
}

function replaceFile(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}`);
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(root, p).split("\\").join("/"));
    }
  };
  walk(root);
  return out;
}

function pruneEmptyDirs(root: string, dir: string): void {
  while (dir !== root && dir.startsWith(root) && readdirSync(dir).length === 0) {
    rmdirSync(dir);
    dir = dirname(dir);
  }
}
