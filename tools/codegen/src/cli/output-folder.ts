import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The file the CLI leaves in every folder it writes with `--out`, listing the files it wrote
 * there. Each run replaces the folder as a whole, so it refuses to when the folder holds anything
 * else (a user's own file dropped among the generated ones would be deleted) unless `--clean`.
 */
export const OUTPUT_MARKER = ".specforge-codegen";
const HEADER = "# @specforge/codegen output (--out)";
const MARKER_INTRO = [
  HEADER,
  "# Each run replaces this folder as a whole. It refuses to while the folder holds a file not",
  "# listed below (unless --clean is given), and without this file it refuses to empty the folder.",
  "# Files the generator wrote:",
];

/**
 * What a marker written before the list existed is taken to own: the files a run can write. A
 * unit test keeps it a superset of what the emitters write.
 */
export const LEGACY_OWN_FILES: readonly string[] = [
  "index.ts",
  "types.gen.ts",
  "types.gen.d.ts",
  "zod.gen.ts",
  "client.gen.ts",
  "client.gen.js",
  "client.gen.d.ts",
  "mocks.gen.ts",
  "msw.gen.ts",
  "mock-schemas.gen.ts",
  "openapi.mock.json",
];

/** The files the marker in `dir` lists; LEGACY_OWN_FILES for an older marker; undefined without one. */
export function readMarker(dir: string): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, OUTPUT_MARKER), "utf8");
  } catch {
    return undefined;
  }
  if (!text.startsWith(HEADER)) return [...LEGACY_OWN_FILES];
  // A Windows checkout (core.autocrlf) turns the committed marker's line ends into CRLF.
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/**
 * The files that replacing `out` would delete when the generator did not write them (paths
 * relative to `out`; a folder with nothing of ours in it is named as `dir/`): [] when `out` is
 * absent, empty or not a folder (generate reports that). Without a marker every entry is foreign.
 */
export function foreignFiles(out: string): string[] {
  if (!existsSync(out) || !statSync(out).isDirectory()) return [];
  const own = readMarker(out);
  if (!own) return readdirSync(out);
  const owned = new Set([...own, OUTPUT_MARKER]);
  const foreign: string[] = [];
  // Symbolic links are entries like files: never followed, a link to a folder is not walked.
  const walk = (dir: string, rel: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (entries.length === 0 && rel) foreign.push(`${rel}/`);
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), path);
      else if (!owned.has(path)) foreign.push(path);
    }
  };
  walk(out, "");
  return foreign;
}

/** Written once the folder is in place; `files` are the paths generate() reports, relative to it. */
export function writeMarker(dir: string, files: readonly string[]): void {
  const list = [...new Set(files.map((f) => f.split("\\").join("/")))].sort();
  writeFileSync(join(dir, OUTPUT_MARKER), [...MARKER_INTRO, ...list].join("\n") + "\n");
}
