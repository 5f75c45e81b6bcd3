import type { IRDocument, IRWarning } from "../ir/types.js";
import type { EmitContext, EmitOptions, EmittedFile, Target } from "./emitter.js";
import { specWarning } from "../load/spec-error.js";

export type OwnTarget = Exclude<Target, "types">;

// Loaded on demand: each emitter's modules cost start-up only when its target is asked for.
const EMITTERS = {
  zod: async () => (await import("./zod/emit-zod.js")).emitZod,
  client: async () => (await import("./client/emit-client.js")).emitClient,
  mocks: async () => (await import("./mocks/emit-mocks.js")).emitMocks,
};

/** Runs one of our emitters (types is openapi-typescript: emit-types.ts), with its own warnings. */
export async function emitTarget(
  target: OwnTarget,
  model: IRDocument,
  document: Record<string, unknown>,
  options: Omit<EmitOptions, "warn">,
): Promise<{ files: EmittedFile[]; warnings: IRWarning[] }> {
  const warnings: IRWarning[] = [];
  const ctx: EmitContext = { model, document, options: { ...options, warn: (pointer, message) => warnings.push(specWarning(pointer, message)) } };
  return { files: await (await EMITTERS[target]())(ctx), warnings };
}
