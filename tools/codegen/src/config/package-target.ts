import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
