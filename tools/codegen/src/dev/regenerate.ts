import { loadSpec } from "../load/load-spec.js";
import { buildModel } from "../ir/build-model.js";
import { emitTargets, specLabel } from "../generate.js";
import type { EmittedFile } from "../emit/emitter.js";
import type { IRWarning } from "../ir/types.js";
import type { PackageTarget } from "./targets.js";
import type { TypesWorker } from "./types-worker.js";

export interface Regenerated {
  outputs: { pkg: PackageTarget; files: EmittedFile[] }[];
  warnings: IRWarning[];
  timings: Record<string, number>;
}

/**
 * What every package's `generate` script would write, from the bundle text the dev loop has in
 * memory: the spec is parsed and the model built once for all packages, and openapi-typescript
 * runs once in the long-lived worker. Nothing is written.
 */
export async function regenerate(bundleFile: string, bundleJson: string, packages: PackageTarget[], typesWorker: TypesWorker): Promise<Regenerated> {
  const timings: Record<string, number> = {};
  const time = async <T>(phase: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    timings[phase] = (timings[phase] ?? 0) + performance.now() - t0;
    return out;
  };
  const spec = await time("load", () => loadSpec(bundleFile, JSON.parse(bundleJson) as Record<string, unknown>));
  const typesText = packages.some((p) => p.targets.includes("types")) ? typesWorker.types(spec.document, spec.file) : undefined;
  typesText?.catch(() => {}); // awaited by the types emitter; no unhandled rejection meanwhile
  const model = await time("model", () => buildModel(spec));
  // Side by side: the package waiting for openapi-typescript must not hold up the others.
  const outputs = await Promise.all(
    packages.map(async (pkg) => {
      const { files, warnings } = await emitTargets({
        spec,
        model,
        targets: pkg.targets,
        ...(typesText ? { typesText } : {}),
        specLabel: specLabel(spec.file, pkg.dir),
        ...(pkg.typesImport ? { typesImport: pkg.typesImport } : {}),
        ...(pkg.zodImport ? { zodImport: pkg.zodImport } : {}),
        ...(pkg.importExtension ? { importExtension: pkg.importExtension } : {}),
        ...(pkg.seed !== undefined ? { seed: pkg.seed } : {}),
        ...(pkg.invalidExamples ? { invalidExamples: pkg.invalidExamples } : {}),
        time,
      });
      return { pkg, files, warnings };
    }),
  );
  const warnings = new Map<string, IRWarning>();
  for (const o of outputs) for (const w of o.warnings) warnings.set(`${w.pointer}\0${w.message}`, w);
  return { outputs: outputs.map(({ pkg, files }) => ({ pkg, files })), warnings: [...warnings.values()], timings };
}
