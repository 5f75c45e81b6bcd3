import { loadSpec } from "@specforge/codegen/src/load/load-spec.js";
import { buildModel } from "@specforge/codegen/src/ir/build-model.js";
import type { SpecVersion } from "./diff.js";

/** Loads a spec (any file of a multi-file spec tree, `$ref`s resolved) with the generator's loader. */
export async function loadVersion(file: string): Promise<SpecVersion> {
  const loaded = await loadSpec(file);
  return { model: buildModel(loaded), document: loaded.document };
}
