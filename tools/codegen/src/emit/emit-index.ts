import { generatedHeader, siblingModule, type EmitOptions, type EmittedFile, type Target } from "./emitter.js";

const MODULES: Record<Target, string> = { types: "types.gen", zod: "zod.gen", client: "client.gen", mocks: "mocks.gen" };

/**
 * `index.ts` re-exports every module. Types go through `export type *` (openapi-typescript's
 * `paths`, `components`, `operations`); zod and mocks are namespaced because each module
 * exports per-component names that would collide when flattened. `emitted`: the paths the targets
 * wrote, so a module written as JavaScript (the client of declaration output) is imported as `.js`
 * whatever the import extension.
 */
export function emitIndex(ctx: { options: Pick<EmitOptions, "specLabel" | "importExtension"> }, targets: Target[], emitted: readonly string[]): EmittedFile[] {
  const module = (t: Target) => (emitted.includes(`${MODULES[t]}.js`) ? `./${MODULES[t]}.js` : siblingModule(ctx.options, MODULES[t]));
  const lines = [generatedHeader(ctx, "Entry point of the generated modules.")];
  if (targets.includes("types")) lines.push(`export type * from "${module("types")}";`);
  if (targets.includes("client")) lines.push(`export * from "${module("client")}";`);
  if (targets.includes("zod")) lines.push(`export * as zod from "${module("zod")}";`);
  if (targets.includes("mocks")) lines.push(`export * as mocks from "${module("mocks")}";`);
  return [{ path: "index.ts", content: lines.join("\n") + "\n" }];
}
