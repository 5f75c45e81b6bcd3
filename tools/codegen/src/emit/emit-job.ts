// Our emitters, run in a worker thread on a model the worker builds itself (see generate.ts): on
// a big spec, rebuilding the model (~0.5 s on GitHub's) beside the main thread is cheaper than
// emitting one after the other on one core.
import { loadSpec } from "../load/load-spec.js";
import { buildModel } from "../ir/build-model.js";
import type { IRWarning } from "../ir/types.js";
import { EMITTERS } from "./emitters.js";
import type { EmitContext, EmitOptions, EmittedFile, Target } from "./emitter.js";

export interface EmitJobInput {
  spec: string;
  targets: Exclude<Target, "types">[];
  options: Omit<EmitOptions, "warn">;
}

export interface EmitJobOutput {
  files: Partial<Record<Target, EmittedFile[]>>;
  /** Emitter warnings per target; the model's own are the main thread's to report. */
  warnings: Partial<Record<Target, IRWarning[]>>;
}

export async function run(input: EmitJobInput): Promise<EmitJobOutput> {
  const spec = await loadSpec(input.spec);
  const model = buildModel(spec);
  const out: EmitJobOutput = { files: {}, warnings: {} };
  for (const t of input.targets) {
    const warnings: IRWarning[] = (out.warnings[t] = []);
    const ctx: EmitContext = { model, document: spec.document, options: { ...input.options, warn: (pointer, message) => warnings.push({ pointer, message }) } };
    out.files[t] = await (await EMITTERS[t]())(ctx);
  }
  return out;
}
