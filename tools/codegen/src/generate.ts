import { relative } from "node:path";
import { loadSpec, type LoadedSpec } from "./load/load-spec.js";
import { buildModel } from "./ir/build-model.js";
import type { IRDocument, IRWarning } from "./ir/types.js";
import { ALL_TARGETS, type EmitContext, type EmittedFile, type Target, type Emitter } from "./emit/emitter.js";
import { emitIndex } from "./emit/emit-index.js";
import { writeAtomically } from "./write/atomic-write.js";

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
}

export interface GenerateResult {
  model: IRDocument;
  files: EmittedFile[];
  warnings: IRWarning[];
  timings: Record<string, number>;
}

// Loaded on demand: openapi-typescript pulls in the TypeScript compiler, ~1 s of start-up.
const EMITTERS: Record<Exclude<Target, "types">, () => Promise<Emitter>> = {
  zod: async () => (await import("./emit/zod/emit-zod.js")).emitZod,
  client: async () => (await import("./emit/client/emit-client.js")).emitClient,
  mocks: async () => (await import("./emit/mocks/emit-mocks.js")).emitMocks,
};

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
  const targets = options.targets ?? ALL_TARGETS;
  progress(`loading ${options.spec}`);
  const spec = await time("load", () => loadSpec(options.spec));
  // openapi-typescript (the slowest part) starts now in a worker and overlaps everything else.
  const typesText = targets.includes("types") ? import("./emit/types/emit-types.js").then((m) => m.startTypes(spec.document, spec.file)) : undefined;
  typesText?.catch(() => {}); // awaited below; avoid an unhandled rejection while the model builds
  const model = await time("model", () => buildModel(spec));
  progress(`model: ${model.schemas.length} schemas, ${model.operations.length} operations, ${model.webhooks.length} webhooks`);
  const { files, warnings } = await emitTargets({ ...options, spec, model, targets, typesText, specLabel: specLabel(spec.file), time });
  await time("write", () => writeAtomically(options.out, files));
  return { model, files, warnings, timings };
}

/** A spec path as the generated headers show it: relative to `cwd`, so output does not depend on where it runs. */
export function specLabel(file: string, cwd = process.cwd()): string {
  return relative(cwd, file).split("\\").join("/") || file;
}

export interface EmitTargetsOptions extends Omit<GenerateOptions, "spec" | "out" | "targets"> {
  spec: LoadedSpec;
  model: IRDocument;
  targets: Target[];
  /** openapi-typescript's output for the "types" target (see startTypes), started by the caller. */
  typesText?: Promise<string>;
  specLabel: string;
  time?: <T>(phase: string, fn: () => T | Promise<T>) => Promise<T>;
}

/**
 * Runs the emitters of `targets` on a loaded spec and its model: the files of one output folder,
 * in memory. The model and document are only read, so one model can serve several folders.
 */
export async function emitTargets(options: EmitTargetsOptions): Promise<{ files: EmittedFile[]; warnings: IRWarning[] }> {
  const { model, targets } = options;
  const progress = options.onProgress ?? (() => {});
  const time = options.time ?? (async <T>(_phase: string, fn: () => T | Promise<T>) => fn());
  const warnings = [...model.warnings];
  const ctx: EmitContext = {
    model,
    document: options.spec.document,
    options: {
      typesImport: options.typesImport ?? "./types.gen.js",
      zodImport: options.zodImport ?? "./zod.gen.js",
      specLabel: options.specLabel,
      seed: options.seed ?? 1,
      ...(options.invalidExamples ? { invalidExamples: options.invalidExamples } : {}),
      warn: (pointer, message) => warnings.push({ pointer, message }),
    },
  };
  // openapi-typescript runs in parallel with our own emitters: it is the slowest part.
  const results = await Promise.all(
    targets.map((t) =>
      time(t, async () => {
        const files =
          t === "types"
            ? await (await import("./emit/types/emit-types.js")).emitTypes(ctx, options.typesText!)
            : await (await EMITTERS[t]())(ctx);
        progress(`emitted ${t}: ${files.length} file(s)`);
        return files;
      }),
    ),
  );
  return { files: [...results.flat(), ...emitIndex(ctx, targets)], warnings };
}
