import { relative } from "node:path";
import { statSync } from "node:fs";
import { loadSpec } from "./load/load-spec.js";
import { buildModel } from "./ir/build-model.js";
import type { IRDocument, IRWarning } from "./ir/types.js";
import { ALL_TARGETS, type EmitContext, type EmitOptions, type EmittedFile, type Target } from "./emit/emitter.js";
import { EMITTERS } from "./emit/emitters.js";
import { emitIndex } from "./emit/emit-index.js";
import { writeAtomically } from "./write/atomic-write.js";
import { runJob, type Job } from "./workers/run-job.js";
import type { EmitJobInput, EmitJobOutput } from "./emit/emit-job.js";

export interface GenerateOptions {
  spec: string;
  out: string;
  targets?: Target[];
  typesImport?: string;
  zodImport?: string;
  seed?: number;
  /** What an invalid spec example is: "error" (default) or "warn" (generated fixtures replace it). */
  invalidExamples?: "error" | "warn";
  /** Called at each phase with a short message (the CLI prints them on stderr). */
  onProgress?: (message: string) => void;
  /** Run independent phases in worker threads: "auto" (default: for specs of 1 MB and more), or always/never. */
  workers?: "auto" | boolean;
}

export interface GenerateResult {
  model: IRDocument;
  files: EmittedFile[];
  warnings: IRWarning[];
  timings: Record<string, number>;
}

// Below this the cost of starting a worker (~0.1 s) outweighs what it saves.
const WORKER_MIN_SPEC_BYTES = 1 << 20;

/** Loads a spec, builds the model, runs the emitters and swaps the output folder in whole. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const progress = options.onProgress ?? (() => {});
  const timings: Record<string, number> = {};
  const time = async <T>(phase: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    timings[phase] = performance.now() - t0;
    return out;
  };
  const targets = ALL_TARGETS.filter((t) => (options.targets ?? ALL_TARGETS).includes(t));
  const emitOptions: Omit<EmitOptions, "warn"> = {
    typesImport: options.typesImport ?? "./types.gen.js",
    zodImport: options.zodImport ?? "./zod.gen.js",
    specLabel: relative(process.cwd(), options.spec).split("\\").join("/") || options.spec,
    seed: options.seed ?? 1,
    ...(options.invalidExamples ? { invalidExamples: options.invalidExamples } : {}),
  };
  const jobs: Job<unknown>[] = [];
  // openapi-typescript (the slowest part) starts first, in a worker, and overlaps everything else.
  const types = targets.includes("types") ? (await import("./emit/types/emit-types.js")).startTypes(options.spec) : undefined;
  if (types) jobs.push(types);
  // Without it the second core is free: the zod module is built there while this thread does the mocks.
  const offloaded = !types && targets.includes("zod") && targets.includes("mocks") && useWorkers(options) ? (["zod"] as const) : [];
  const emitJob = offloaded.length
    ? runJob<EmitJobOutput>("emit/emit-job", { spec: options.spec, targets: [...offloaded], options: emitOptions } satisfies EmitJobInput)
    : undefined;
  if (emitJob) jobs.push(emitJob);
  try {
    progress(`loading ${options.spec}`);
    const spec = await time("load", () => loadSpec(options.spec));
    const model = await time("model", () => buildModel(spec));
    progress(`model: ${model.schemas.length} schemas, ${model.operations.length} operations, ${model.webhooks.length} webhooks`);
    const perTarget: Partial<Record<Target, { files: EmittedFile[]; warnings: IRWarning[] }>> = {};
    for (const t of targets) {
      if (t === "types" || (offloaded as readonly Target[]).includes(t)) continue;
      const warnings: IRWarning[] = [];
      const ctx: EmitContext = { model, document: spec.document, options: { ...emitOptions, warn: (pointer, message) => warnings.push({ pointer, message }) } };
      const files = await time(t, async () => (await EMITTERS[t]())(ctx));
      perTarget[t] = { files, warnings };
      progress(`emitted ${t}: ${files.length} file(s)`);
    }
    if (emitJob) {
      const out = await time("worker", () => emitJob.result);
      for (const t of offloaded) {
        perTarget[t] = { files: out.files[t] ?? [], warnings: out.warnings[t] ?? [] };
        progress(`emitted ${t}: ${perTarget[t].files.length} file(s) (worker)`);
      }
    }
    if (types) {
      const ctx: EmitContext = { model, document: spec.document, options: { ...emitOptions, warn: () => {} } };
      const files = await time("types", async () => (await import("./emit/types/emit-types.js")).emitTypes(ctx, types.result));
      perTarget.types = { files, warnings: [] };
      progress(`emitted types: ${files.length} file(s)`);
    }
    // Target order, whichever thread finished first: output and warnings stay deterministic.
    const ctx: EmitContext = { model, document: spec.document, options: { ...emitOptions, warn: () => {} } };
    const files = [...targets.flatMap((t) => perTarget[t]?.files ?? []), ...emitIndex(ctx, targets)];
    const warnings = [...model.warnings, ...targets.flatMap((t) => perTarget[t]?.warnings ?? [])];
    await time("write", () => writeAtomically(options.out, files));
    return { model, files, warnings, timings };
  } catch (err) {
    for (const j of jobs) j.cancel();
    throw err;
  }
}

function useWorkers(options: GenerateOptions): boolean {
  const mode = options.workers ?? "auto";
  if (mode !== "auto") return mode;
  try {
    return statSync(options.spec).size >= WORKER_MIN_SPEC_BYTES;
  } catch {
    return false; // loadSpec reports the unreadable file
  }
}
