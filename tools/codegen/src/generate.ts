import { relative } from "node:path";
import { statSync } from "node:fs";
import { loadSpec, type LoadedSpec } from "./load/load-spec.js";
import { buildModel } from "./ir/build-model.js";
import type { IRDocument, IRWarning } from "./ir/types.js";
import { ALL_TARGETS, IMPORT_EXTENSIONS, type EmitOptions, type EmittedFile, type ImportExtension, type Target } from "./emit/emitter.js";
import { emitTarget, type OwnTarget } from "./emit/emit-target.js";
import { emitIndex } from "./emit/emit-index.js";
import { summarize, type ModelSummary } from "./emit/summary.js";
import { createStaging, discardStaging, swapIn, writeFiles, type WrittenFile } from "./write/atomic-write.js";
import { runJob, type Job } from "./workers/run-job.js";
import type { EmitJobInput, EmitJobOutput } from "./emit/emit-job.js";

export interface GenerateOptions {
  spec: string;
  out: string;
  targets?: Target[];
  /** Default: `./types.gen.<importExtension>`. */
  typesImport?: string;
  /** Default: `./zod.gen.<importExtension>`. */
  zodImport?: string;
  /**
   * Extension of the relative specifiers the generated modules write: "js" (default) or "ts", for
   * projects that run TypeScript directly (Node's type stripping). A module emitted as JavaScript
   * (the client of declaration output) is still imported as `.js`.
   */
  importExtension?: ImportExtension;
  seed?: number;
  /** What an invalid spec example is: "error" (default) or "warn" (generated fixtures replace it). */
  invalidExamples?: "error" | "warn";
  /**
   * How the generated headers name the spec (`from <label>`); default: its path relative to the
   * working directory. The CLI passes one that does not depend on where it runs.
   */
  specLabel?: string;
  /** Called at each phase with a short message (the CLI prints them on stderr). */
  onProgress?: (message: string) => void;
  /**
   * Worker threads: "auto" (default) runs openapi-typescript in one and, for specs of 1 MB and
   * more, our emitters in another; true always uses both; false runs everything in this thread.
   */
  workers?: "auto" | boolean;
}

export interface GenerateResult {
  summary: ModelSummary;
  /** Every file written, in target order, then index.ts. */
  files: WrittenFile[];
  warnings: IRWarning[];
  /** Milliseconds per phase; phases in workers overlap the others. */
  timings: Record<string, number>;
}

// Below this the cost of starting a worker (~0.1 s) outweighs what it saves.
const WORKER_MIN_SPEC_BYTES = 1 << 20;

/**
 * Loads a spec, builds the model, runs the emitters and swaps the output folder in whole.
 * openapi-typescript always runs in a worker. On big specs our emitters run beside it in a second
 * worker, which writes into the staging folder and frees its heap before openapi-typescript peaks.
 */
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
  const own = targets.filter((t): t is OwnTarget => t !== "types");
  const emitOptions = emitOptionsOf(options, options.specLabel ?? specLabel(options.spec));
  // With types, openapi-typescript has one core and our emitters the other. Without, everything
  // stays on this thread: splitting our emitters over two threads measured slower (each rebuilds
  // the model, and V8's concurrent GC already keeps the second core busy).
  const inWorker = own.length > 0 && targets.includes("types") && useWorkers(options);

  const staging = createStaging(options.out);
  const jobs: Job<unknown>[] = [];
  try {
    // openapi-typescript (the slowest part) starts first and overlaps everything else.
    const types = targets.includes("types") ? (await import("./emit/types/emit-types.js")).startTypes(options.spec, options.workers === false) : undefined;
    if (types) jobs.push(types);
    const emitJob = inWorker
      ? runJob<EmitJobOutput>("emit/emit-job", { spec: options.spec, staging, targets: own, options: emitOptions } satisfies EmitJobInput)
      : undefined;
    if (emitJob) jobs.push(emitJob);

    let files: Partial<Record<Target, WrittenFile[]>> = {};
    let warnings: Partial<Record<Target, IRWarning[]>> = {};
    let summary: ModelSummary;
    let modelWarnings: IRWarning[];
    if (emitJob) {
      progress(`loading ${options.spec}; emitting ${own.join(", ")} in a worker`);
      const out = await time("worker", () => emitJob.result);
      for (const [phase, ms] of Object.entries(out.timings)) timings[`worker:${phase}`] = ms;
      ({ summary, modelWarnings, files, warnings } = out);
      progress(`emitted ${own.map((t) => `${t}: ${files[t]?.length ?? 0} file(s)`).join(", ")}`);
    } else {
      progress(`loading ${options.spec}`);
      const spec = await time("load", () => loadSpec(options.spec));
      const model = await time("model", () => buildModel(spec));
      progress(`model: ${model.schemas.length} schemas, ${model.operations.length} operations, ${model.webhooks.length} webhooks`);
      summary = summarize(model);
      modelWarnings = model.warnings;
      for (const t of own) {
        const out = await time(t, () => emitTarget(t, model, spec.document, emitOptions));
        files[t] = writeFiles(staging, out.files);
        warnings[t] = out.warnings;
        progress(`emitted ${t}: ${files[t].length} file(s)`);
      }
    }
    if (types) {
      const body = await time("types", () => types.result);
      files.types = writeFiles(staging, (await import("./emit/types/emit-types.js")).typesFiles({ options: emitOptions }, body, summary.operations));
      progress(`emitted types: ${files.types.length} file(s)`);
    }
    // Target order, whichever thread finished first: the result stays deterministic.
    const emitted = targets.flatMap((t) => files[t] ?? []);
    const written = [...emitted, ...writeFiles(staging, emitIndex({ options: emitOptions }, targets, emitted.map((f) => f.path)))];
    await time("write", () => swapIn(staging, options.out));
    return { summary, files: written, warnings: [...modelWarnings, ...targets.flatMap((t) => warnings[t] ?? [])], timings };
  } catch (err) {
    for (const j of jobs) j.cancel();
    discardStaging(staging);
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

/** A spec path as the generated headers show it: relative to `cwd`, so output does not depend on where it runs. */
export function specLabel(file: string, cwd = process.cwd()): string {
  return relative(cwd, file).split("\\").join("/") || file;
}

export interface EmitTargetsOptions extends Omit<GenerateOptions, "spec" | "out" | "targets" | "workers" | "specLabel"> {
  spec: LoadedSpec;
  model: IRDocument;
  targets: Target[];
  /** openapi-typescript's output for the "types" target, produced by the caller. */
  typesText?: Promise<string>;
  specLabel: string;
  /** Wraps each target's emitting (the dev loop times phases with it). */
  time?: <T>(phase: string, fn: () => T | Promise<T>) => Promise<T>;
}

/**
 * Runs the emitters of `targets` on a loaded spec and its model, in this thread: the files of one
 * output folder, in memory (the dev loop's path: one model serves several folders).
 */
export async function emitTargets(options: EmitTargetsOptions): Promise<{ files: EmittedFile[]; warnings: IRWarning[] }> {
  const progress = options.onProgress ?? (() => {});
  const time = options.time ?? (async <T>(_phase: string, fn: () => T | Promise<T>) => fn());
  const emitOptions = emitOptionsOf(options, options.specLabel);
  const files: EmittedFile[] = [];
  const warnings = [...options.model.warnings];
  for (const t of ALL_TARGETS.filter((x) => options.targets.includes(x))) {
    const out = await time(t, async () =>
      t === "types"
        ? { files: (await import("./emit/types/emit-types.js")).typesFiles({ options: emitOptions }, await options.typesText!, options.model.operations.length), warnings: [] }
        : emitTarget(t, options.model, options.spec.document, emitOptions),
    );
    files.push(...out.files);
    warnings.push(...out.warnings);
    progress(`emitted ${t}: ${out.files.length} file(s)`);
  }
  return { files: [...files, ...emitIndex({ options: emitOptions }, options.targets, files.map((f) => f.path))], warnings };
}

function emitOptionsOf(options: Omit<GenerateOptions, "spec" | "out">, label: string): Omit<EmitOptions, "warn"> {
  const extension = options.importExtension ?? "js";
  if (!IMPORT_EXTENSIONS.includes(extension)) throw new TypeError(`importExtension must be ${IMPORT_EXTENSIONS.map((e) => `"${e}"`).join(" or ")} (got ${JSON.stringify(extension)})`);
  return {
    typesImport: options.typesImport ?? `./types.gen.${extension}`,
    zodImport: options.zodImport ?? `./zod.gen.${extension}`,
    importExtension: extension,
    specLabel: label,
    seed: options.seed ?? 1,
    ...(options.invalidExamples ? { invalidExamples: options.invalidExamples } : {}),
  };
}
