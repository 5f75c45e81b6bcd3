#!/usr/bin/env node
/**
 * The spec-diff command. Installed, `bin/spec-diff.mjs` runs the compiled copy of this file.
 *
 * From source (`tsx src/cli.ts`: `pnpm spec:diff`, the tests), @specforge/codegen must resolve
 * to its TypeScript sources, which its exports give only under the `@specforge/source` condition.
 * tsx does not set it, and without it `@specforge/codegen/model` is codegen's dist/ (missing in a
 * fresh clone, stale after an edit of the generator). So when run from source without it, this
 * adds the condition to every module resolution (a resolve hook) before the CLI is loaded.
 */
import { register } from "node:module";

const SOURCE_CONDITION = "@specforge/source";

/** Whether @specforge/codegen resolves to its sources already (vitest, `node --conditions=…`). */
function codegenFromSource(): boolean {
  try {
    return import.meta.resolve("@specforge/codegen/model").endsWith(".ts");
  } catch {
    return false; // a resolver that checks the file: dist/ is not built
  }
}

if (import.meta.url.endsWith(".ts") && !codegenFromSource()) {
  const hook = `const c = ${JSON.stringify(SOURCE_CONDITION)};
export const resolve = (specifier, context, next) =>
  next(specifier, context.conditions.includes(c) ? context : { ...context, conditions: [...context.conditions, c] });`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
await import("./main.js");
