import { lstatSync, readlinkSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * The folder a run really replaces: `outDir` itself, or what it links to when it is a symbolic
 * link (`ln -s real out`), so the link is kept and the swap happens beside its target (renaming
 * over the link would turn it into a plain folder). A dangling link names the folder to create.
 */
export function outputTarget(outDir: string): string {
  const abs = resolve(outDir);
  let isLink = false;
  try {
    isLink = lstatSync(abs).isSymbolicLink();
  } catch {
    return abs;
  }
  if (!isLink) return abs;
  try {
    return realpathSync(abs);
  } catch {
    return resolve(dirname(abs), readlinkSync(abs));
  }
}
