import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/**
 * A private copy of a spec for Prism. Prism watches the file it serves and restarts (resetting
 * open connections) whenever it changes, and regenerating the packages rewrites the mock spec:
 * a copy keeps one suite run on one spec.
 */
export function snapshotSpec(file: string): { path: string; remove(): void } {
  const text = readFileSync(file, "utf8");
  // A JSON spec caught halfway through a rewrite would make Prism fail obscurely; fail here instead.
  if (file.endsWith(".json")) JSON.parse(text);
  const dir = mkdtempSync(join(tmpdir(), "specforge-contract-"));
  const path = join(dir, basename(file));
  writeFileSync(path, text);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
