import { realpathSync } from "node:fs";
import { dirname, relative, resolve, isAbsolute, sep } from "node:path";
import { readDocument } from "./read-document.js";
import { SpecError } from "./spec-error.js";

/**
 * Where a spec's `$ref`s may read files from. A spec written by someone else must not pull
 * `~/.docker/config.json` or a CI secret into generated code, so references reach the folder of
 * the root file and what is below it — compared as real paths, so a symlink cannot lead out —
 * or the folder SPECFORGE_REF_ROOT names when a layout needs more. Remote references
 * (`https://…`) are never fetched.
 */
export function refRootOf(rootFile: string): string {
  return real(process.env.SPECFORGE_REF_ROOT ? resolve(process.env.SPECFORGE_REF_ROOT) : dirname(rootFile));
}

const REMOTE = /^[a-z][a-z0-9+.-]*:/i;

/** The file a `$ref`'s file part names, relative to the file it is written in; throws when it is remote or out of bounds. */
export function refTarget(root: string, filePart: string, from: string, at: string): string {
  if (REMOTE.test(filePart) || filePart.startsWith("//")) throw new SpecError(from, at, `$ref to a remote document is not followed: ${JSON.stringify(filePart)}`);
  const target = resolve(dirname(from), decodeURI(filePart));
  const inside = (p: string) => {
    const rel = relative(root, p);
    return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
  };
  if (!inside(target) || !inside(real(target))) {
    throw new SpecError(from, at, `$ref reads ${JSON.stringify(target)}, outside ${JSON.stringify(root)} (the spec's folder; SPECFORGE_REF_ROOT widens it)`);
  }
  return target;
}

/**
 * Checks every file reference reachable from `doc` (written in `file`) before a converter that
 * resolves references itself (swagger2openapi) reads them: local, inside the root, readable.
 */
export function checkFileRefs(file: string, doc: unknown, root = refRootOf(file), seen = new Set<string>([file])): void {
  const walk = (node: unknown, at: string): void => {
    if (node === null || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string" && !v.startsWith("#")) {
        const hash = v.indexOf("#");
        const target = refTarget(root, hash === -1 ? v : v.slice(0, hash), file, at);
        if (seen.has(target)) continue;
        seen.add(target);
        checkFileRefs(target, readDocument(target), root, seen);
      } else walk(v, `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    }
  };
  walk(doc, "#");
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p; // not there (yet): reading it reports that
  }
}
