import { loadSpec, buildModel } from "@specforge/codegen/model";
import type { SpecVersion } from "./diff.js";

/** Loads a spec (any file of a multi-file spec tree, `$ref`s resolved) with the generator's loader. */
export async function loadVersion(file: string): Promise<SpecVersion> {
  const loaded = await loadSpec(file);
  return { model: buildModel(loaded), document: loaded.document };
}
