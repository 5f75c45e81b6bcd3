import { loadSpec } from "../load/load-spec.js";
import { buildModel } from "../ir/build-model.js";
import { collectFixtures } from "../emit/mocks/collect.js";
import { message, SpecError } from "../load/spec-error.js";

/**
 * `--invalid-examples error` when the mocks are not generated: the mocks emitter is where the
 * examples are checked, so without it a broken example passed with exit 0. The examples are the
 * spec's, whatever is generated from it; this runs the same check (a second load of the spec,
 * paid only in this case) and fails as the mocks emitter would, before anything is written.
 */
export async function checkExamples(spec: string, seed: number): Promise<void> {
  const model = buildModel(await loadSpec(spec));
  const invalid = collectFixtures(model, seed, () => {}).invalidExamples;
  if (invalid.length === 0) return;
  const list = invalid.map((e) => message`\n  - ${e.pointer}: ${e.problem}`);
  throw new SpecError(
    spec,
    invalid[0]!.pointer,
    message`${invalid.length} example(s) do not match their schema:${list}\n(fix the examples, or use generated fixtures instead: \`--invalid-examples warn\` on the CLI, \`codegen.invalidExamples: "warn"\` in specforge.config.ts, or SPECFORGE_INVALID_EXAMPLES=warn)`,
  );
}
