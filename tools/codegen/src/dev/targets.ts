import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ALL_TARGETS, IMPORT_EXTENSIONS, type ImportExtension, type Target } from "../emit/emitter.js";
import { CODEGEN_OPTIONS } from "../cli-options.js";
import type { ResolvedConfig } from "../config/config.mjs";
import { packageGeneration } from "../config/package-target.js";

/** One package's `generate` script, read back: what the codegen CLI would do in that folder. */
export interface PackageTarget {
  name: string;
  /** The package folder: the CLI's cwd, so relative paths and the headers' spec label start there. */
  dir: string;
  spec: string;
  out: string;
  targets: Target[];
  typesImport?: string;
  zodImport?: string;
  importExtension?: ImportExtension;
  seed?: number;
  invalidExamples?: "error" | "warn";
}

// The codegen CLI, however a script calls it: its bin, the launcher, the compiled CLI or its source.
const CLI = /(^specforge-codegen$|(^|\/)tools\/codegen\/(bin\/codegen\.mjs|dist\/cli\.js|src\/cli\.ts)$)/;

/**
 * The packages under `packagesDir` whose `generate` script runs the codegen CLI, with the CLI's
 * flags parsed as it parses them: the package.json files stay the one place they are written.
 */
export function findPackageTargets(packagesDir: string, config: ResolvedConfig): { packages: PackageTarget[]; skipped: string[] } {
  const packages: PackageTarget[] = [];
  const skipped: string[] = [];
  for (const entry of readdirSync(packagesDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(packagesDir, entry.name);
    const manifest = join(dir, "package.json");
    if (!entry.isDirectory() || !existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; scripts?: Record<string, string> };
    const script = pkg.scripts?.generate;
    if (!script) continue;
    const words = script.trim().split(/\s+/);
    const at = words.findIndex((w) => CLI.test(w));
    if (at < 0 || words.slice(at + 1).some((w) => /^(&&|\|\||;|\|)$/.test(w))) {
      skipped.push(`${pkg.name ?? entry.name}: its generate script is not one codegen CLI call`);
      continue;
    }
    const { values } = parseArgs({
      args: words.slice(at + 1),
      options: CODEGEN_OPTIONS,
      strict: false,
    });
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    const kind = str(values.package);
    if (kind) {
      // `--package <kind>`: everything comes from the project's config, as the CLI reads it.
      try {
        const g = packageGeneration(config, kind);
        packages.push({ name: g.pkg.name, dir, spec: g.spec, out: g.out, targets: g.targets, ...(g.typesImport ? { typesImport: g.typesImport } : {}), seed: g.seed, invalidExamples: g.invalidExamples });
      } catch (err) {
        skipped.push(`${pkg.name ?? entry.name}: ${(err as Error).message}`);
      }
      continue;
    }
    const spec = str(values.spec);
    const out = str(values.out);
    if (!spec || !out) {
      skipped.push(`${pkg.name ?? entry.name}: no --spec/--out in its generate script`);
      continue;
    }
    const targets = (str(values.targets) ?? ALL_TARGETS.join(",")).split(",").filter(Boolean) as Target[];
    const invalid = str(values["invalid-examples"]);
    const extension = str(values["import-extension"]);
    packages.push({
      name: pkg.name ?? entry.name,
      dir,
      spec: resolve(dir, spec),
      out: resolve(dir, out),
      targets,
      ...(str(values["types-import"]) ? { typesImport: str(values["types-import"]) } : {}),
      ...(str(values["zod-import"]) ? { zodImport: str(values["zod-import"]) } : {}),
      ...(IMPORT_EXTENSIONS.includes(extension as ImportExtension) ? { importExtension: extension as ImportExtension } : {}),
      ...(str(values.seed) !== undefined ? { seed: Number(values.seed) } : {}),
      ...(invalid === "warn" || invalid === "error" ? { invalidExamples: invalid } : {}),
    });
  }
  return { packages, skipped };
}
