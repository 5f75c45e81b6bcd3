import { existsSync, realpathSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { inputFiles } from "../load/input-files.js";
import { refRootOf } from "../load/ref-root.js";

/** `p` is `dir` or below it (both real paths). */
function inside(p: string, dir: string): boolean {
  const rel = relative(dir, p);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * The input that replacing `out` would delete: the spec, or a file it `$ref`s, found at or below
 * the output folder (as real paths, so a link cannot hide it). Undefined when there is none. The
 * referenced files are only read when the folder overlaps the one references may reach.
 */
export function inputInOutput(spec: string, out: string): { file: string; isSpec: boolean } | undefined {
  if (!existsSync(out)) return undefined;
  const outReal = real(out);
  if (inside(real(spec), outReal)) return { file: spec, isSpec: true };
  const refRoot = refRootOf(real(spec));
  if (!inside(outReal, refRoot) && !inside(refRoot, outReal)) return undefined;
  const hit = inputFiles(spec).find((f) => inside(real(f), outReal));
  return hit === undefined ? undefined : { file: hit, isSpec: false };
}
