/** The engine sources (engine/*.ts), copied into the output as mock-engine/ for seeded factories. */
import { readdirSync, readFileSync } from "node:fs";
import { generatedHeader, type EmitContext, type EmittedFile } from "../emitter.js";

const dir = new URL("./engine/", import.meta.url);
let sources: { name: string; text: string }[] | undefined;

export function engineFiles(ctx: EmitContext): EmittedFile[] {
  sources ??= readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, dir), "utf8") }));
  return sources.map(({ name, text }) => ({
    path: `mock-engine/${name}`,
    content: generatedHeader(ctx, `Mock engine: ${name} (copied verbatim from @specforge/codegen's emit/mocks/engine).`) + text,
  }));
}
