import { mkdirSync, rmSync, renameSync, writeFileSync, existsSync, mkdtempSync } from "node:fs";
import { dirname, join, resolve, basename } from "node:path";
import type { EmittedFile } from "../emit/emitter.js";

/**
 * Writes all files into a temporary sibling folder, then swaps it in place of `outDir`, so a
 * failure at any point leaves the previous output untouched and readers never see half of it.
 */
export function writeAtomically(outDir: string, files: EmittedFile[]): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.tmp-`));
  try {
    for (const f of files) {
      const p = join(staging, f.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.content);
    }
    if (existsSync(target)) {
      const old = `${staging}.old`;
      renameSync(target, old);
      try {
        renameSync(staging, target);
      } catch (err) {
        renameSync(old, target);
        throw err;
      }
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(staging, target);
    }
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}
