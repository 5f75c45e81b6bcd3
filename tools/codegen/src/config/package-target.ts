import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { PackageKind, ResolvedConfig, ResolvedPackage } from "./config.mjs";
import type { Target } from "../emit/emitter.js";

/** What `codegen --package <kind>` generates: the CLI flags a package's generate script used to spell out. */
export interface PackageGeneration {
  pkg: ResolvedPackage;
  spec: string;
  out: string;
  targets: Target[];
  typesImport?: string;
  seed: number;
  invalidExamples: "error" | "warn";
}

export function packageGeneration(config: ResolvedConfig, kind: string): PackageGeneration {
  const pkg = config.packages.find((p) => p.kind === kind);
  if (!pkg) {
    const known = config.packages.map((p) => p.kind).join(", ");
    throw new Error(`--package ${kind}: ${config.file ?? "the config"} generates no "${kind}" package (generated: ${known || "none"})`);
  }
  const types = config.packages.find((p) => p.kind === "types");
  return {
    pkg,
    spec: config.spec.bundleJson,
    out: join(pkg.dir, "src", "generated"),
    targets: [pkg.kind as PackageKind],
    ...(pkg.kind === "client" || pkg.kind === "mocks" ? { typesImport: types!.name } : {}),
    seed: config.codegen.seed,
    invalidExamples: config.codegen.invalidExamples,
  };
}

/**
 * Brings a generated package's package.json in line with the config: its name, and the names of
 * the generated packages it depends on (`workspace:` dependencies whose folder is a generated
 * package). Everything else (version, description, exports) is the package's own. Writes only on
 * a change; returns whether it did.
 */
export function syncPackageJson(config: ResolvedConfig, pkg: ResolvedPackage): boolean {
  const file = join(pkg.dir, "package.json");
  const text = readFileSync(file, "utf8");
  const json = JSON.parse(text) as Record<string, unknown>;
  const byFolder = new Map(config.packages.map((p) => [p.dir.split(/[\\/]/).pop()!, p.name]));
  json.name = pkg.name;
  for (const field of ["dependencies", "devDependencies", "peerDependencies"]) {
    const deps = json[field] as Record<string, string> | undefined;
    if (!deps) continue;
    json[field] = Object.fromEntries(
      Object.entries(deps).map(([name, range]) => {
        const folder = name.split("/").pop()!;
        const renamed = range.startsWith("workspace:") && byFolder.has(folder) ? byFolder.get(folder)! : name;
        return [renamed, range];
      }),
    );
  }
  const next = JSON.stringify(json, null, 2) + "\n";
  if (next === text) return false;
  writeFileSync(file, next);
  return true;
}

/**
 * Keeps the workspace installable after a rename: every other workspace package that depends on
 * this generated package (found by folder, under its old name or an earlier alias) now points at
 * the new name through a pnpm workspace alias, `"@old/client": "workspace:@new/client@*"`. Their
 * hand-written imports keep working with no edit, and turbo still orders their builds after it.
 * The generated packages' own generate tasks run in parallel and may touch the same file, hence
 * the lock. Returns the package.json files it changed.
 */
export function syncWorkspaceDependents(config: ResolvedConfig, pkg: ResolvedPackage): string[] {
  const folder = basename(pkg.dir);
  const generated = new Set(config.packages.map((p) => p.dir));
  const changed: string[] = [];
  withLock(join(config.root, "node_modules", ".specforge-sync.lock"), () => {
    for (const dir of workspaceDirs(config.root)) {
      if (generated.has(dir)) continue;
      const file = join(dir, "package.json");
      const text = readFileSync(file, "utf8");
      const json = JSON.parse(text) as Record<string, Record<string, string> | unknown>;
      for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
        const deps = json[field] as Record<string, string> | undefined;
        for (const [name, range] of Object.entries(deps ?? {})) {
          const target = /^workspace:(?:(@[^/@]+\/[^@]+|[^@]+)@)?(.*)$/.exec(range);
          if (!target || basename(target[1] ?? name) !== folder) continue;
          deps![name] = name === pkg.name ? `workspace:${target[2]}` : `workspace:${pkg.name}@${target[2]}`;
        }
      }
      const next = JSON.stringify(json, null, 2) + "\n";
      if (next !== text) {
        writeFileSync(file, next);
        changed.push(file);
      }
    }
  });
  return changed;
}

/** The folders `pnpm-workspace.yaml` lists (plain paths and one-level `dir/*` globs, as pnpm writes them). */
export function workspaceDirs(root: string): string[] {
  const file = join(root, "pnpm-workspace.yaml");
  if (!existsSync(file)) return [];
  const dirs: string[] = [];
  let inPackages = false;
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    if (/^\S/.test(line)) inPackages = /^packages:\s*$/.test(line);
    const entry = inPackages ? /^\s+-\s+["']?([^"'#\s]+)["']?/.exec(line)?.[1] : undefined;
    if (!entry || entry.startsWith("!")) continue;
    const candidates = entry.endsWith("/*")
      ? (existsSync(join(root, entry.slice(0, -2))) ? readdirSync(join(root, entry.slice(0, -2))).map((d) => join(root, entry.slice(0, -2), d)) : [])
      : [join(root, entry)];
    dirs.push(...candidates.filter((d) => existsSync(join(d, "package.json")) && statSync(d).isDirectory()));
  }
  return dirs;
}

/** Runs `fn` holding a directory lock (mkdir is atomic); a lock older than 30 s is a crashed holder's. */
function withLock(lock: string, fn: () => void): void {
  const deadline = Date.now() + 30_000;
  mkdirSync(join(lock, ".."), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const held = statSync(lock, { throwIfNoEntry: false });
      if (!held) continue;
      if (Date.now() - held.mtimeMs > 30_000 || Date.now() > deadline) {
        rmdirSync(lock);
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    fn();
  } finally {
    rmdirSync(lock);
  }
}
