// Our emitters, run in a worker thread on a model the worker builds itself (see generate.ts). Files
// go straight into the staging folder, so no output text crosses threads, and the worker's whole
// heap is returned to the system when it ends, before openapi-typescript's peak in its own worker.
import { loadSpec } from "../load/load-spec.js";
import { buildModel } from "../ir/build-model.js";
import type { IRWarning } from "../ir/types.js";
import { writeFiles, type WrittenFile } from "../write/atomic-write.js";
import { emitTarget, type OwnTarget } from "./emit-target.js";
import { summarize, type ModelSummary } from "./summary.js";
import type { EmitOptions, Target } from "./emitter.js";

export interface EmitJobInput {
  spec: string;
  staging: string;
  targets: OwnTarget[];
  options: Omit<EmitOptions, "warn">;
}

export interface EmitJobOutput {
  summary: ModelSummary;
  modelWarnings: IRWarning[];
  files: Partial<Record<Target, WrittenFile[]>>;
  warnings: Partial<Record<Target, IRWarning[]>>;
  timings: Record<string, number>;
}

export async function run(input: EmitJobInput): Promise<EmitJobOutput> {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const spec = await loadSpec(input.spec);
  const model = buildModel(spec);
  timings.model = performance.now() - t0;
  const out: EmitJobOutput = { summary: summarize(model), modelWarnings: model.warnings, files: {}, warnings: {}, timings };
  for (const t of input.targets) {
    t0 = performance.now();
    const { files, warnings } = await emitTarget(t, model, spec.document, input.options);
    out.files[t] = writeFiles(input.staging, files);
    out.warnings[t] = warnings;
    timings[t] = performance.now() - t0;
  }
  return out;
}
