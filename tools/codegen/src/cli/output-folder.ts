import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The file the CLI leaves in every folder it writes with `--out`: the generator replaces such a
 * folder as a whole on each run, and refuses to do that to a non-empty folder without it (a
 * user's own files) unless `--clean` is given.
 */
export const OUTPUT_MARKER = ".specforge-codegen";
const MARKER_TEXT = "This folder is written by @specforge/codegen (--out): each run replaces it as a whole.\nWithout this file the generator refuses to empty the folder (unless --clean is given).\n";

/**
 * The files that replacing `out` would delete when the generator did not create it: [] when it is
 * absent, empty, an earlier output (it holds the marker), or not a folder (generate reports that).
 */
export function foreignFiles(out: string): string[] {
  if (!existsSync(out) || !statSync(out).isDirectory()) return [];
  const files = readdirSync(out);
  return files.includes(OUTPUT_MARKER) ? [] : files;
}

export function writeMarker(dir: string): void {
  writeFileSync(join(dir, OUTPUT_MARKER), MARKER_TEXT);
}
