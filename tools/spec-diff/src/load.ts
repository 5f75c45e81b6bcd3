import { loadSpec, buildModel } from "@specforge/codegen/model";
import type { SpecVersion } from "./diff.js";

/** Loads a spec (any file of a multi-file spec tree, `$ref`s resolved) with the generator's loader. */
export async function loadVersion(file: string): Promise<SpecVersion> {
  const loaded = await loadSpec(file);
  // With callbacks: what the API sends to a caller's URL is compared like a webhook.
  return { model: buildModel(loaded, { callbacks: true }), document: loaded.document };
}
