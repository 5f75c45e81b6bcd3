/**
 * `node:fs/promises` plus a minimal `glob` (Node 22 API) covering what size-limit passes: literal
 * paths, `dir/**`, and `*` / `**` wildcards. Yields Dirent-like objects when `withFileTypes`.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";

export * from "node:fs/promises";
export { default } from "node:fs/promises";

function toRegExp(pattern) {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*" && pattern[i + 1] === "*") {
      re += ".*";
      i++;
      if (pattern[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else yield full;
  }
}

function entry(full, withFileTypes, cwd) {
  if (!withFileTypes) return relative(cwd, full);
  return { name: basename(full), parentPath: dirname(full), path: dirname(full), isFile: () => true, isDirectory: () => false };
}

export async function* glob(patterns, options = {}) {
  const cwd = resolve(options.cwd ?? process.cwd());
  const seen = new Set();
  for (const pattern of Array.isArray(patterns) ? patterns : [patterns]) {
    const abs = isAbsolute(pattern) ? pattern : join(cwd, pattern);
    const wild = abs.search(/[*?]/);
    if (wild < 0) {
      const s = await stat(abs).catch(() => undefined);
      if (s?.isFile() && !seen.has(abs)) {
        seen.add(abs);
        yield entry(abs, options.withFileTypes, cwd);
      }
      continue;
    }
    const root = abs.slice(0, abs.lastIndexOf("/", wild));
    const re = toRegExp(abs);
    for await (const file of walk(root)) {
      if (re.test(file) && !seen.has(file)) {
        seen.add(file);
        yield entry(file, options.withFileTypes, cwd);
      }
    }
  }
}
