import { generatedHeader, type EmitOptions, type EmittedFile, type Target } from "./emitter.js";

const MODULES: Record<Target, string> = { types: "types.gen.js", zod: "zod.gen.js", client: "client.gen.js", mocks: "mocks.gen.js" };

/**
 * `index.ts` re-exports every module. Types go through `export type *` (openapi-typescript's
 * `paths`, `components`, `operations`); zod and mocks are namespaced because each module
 * exports per-component names that would collide when flattened.
 */
export function emitIndex(ctx: { options: Pick<EmitOptions, "specLabel"> }, targets: Target[]): EmittedFile[] {
  const lines = [generatedHeader(ctx, "Entry point of the generated modules.")];
  if (targets.includes("types")) lines.push(`export type * from "./${MODULES.types}";`);
  if (targets.includes("client")) lines.push(`export * from "./${MODULES.client}";`);
  if (targets.includes("zod")) lines.push(`export * as zod from "./${MODULES.zod}";`);
  if (targets.includes("mocks")) lines.push(`export * as mocks from "./${MODULES.mocks}";`);
  return [{ path: "index.ts", content: lines.join("\n") + "\n" }];
}
