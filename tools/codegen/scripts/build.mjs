// Compiles src/ to dist/ (plain node runs it: ~0.5 s less start-up and ~30 MB less than tsx), with
// the mock engine it runs at generation time (@specforge/runtime's src/mocks, imported by path from
// src/emit/mocks/mock-engine.ts) compiled beside it into dist/runtime-mocks/, and copies the .mjs
// modules the compiled code reads at run time. Declarations (.d.ts) are emitted beside the JS: the
// published package types its exports (`./model`, `./jit-flags`) with them.
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
// Build beside dist and swap, so a running CLI never sees half a build.
const staging = join(root, `.dist-${process.pid}`);
const out = join(root, `.dist-${process.pid}-out`);
rmSync(staging, { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
try {
  // rootDir is the repository (tsconfig.build.json): the engine lives in packages/runtime.
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", staging], { stdio: "inherit" });
  renameSync(join(staging, "tools/codegen/src"), out);
  renameSync(join(staging, "packages/runtime/src/mocks"), join(out, "runtime-mocks"));
  // The module and its declarations (published: what `@specforge/codegen/model` and friends type with).
  for (const shim of ["emit/mocks/mock-engine.js", "emit/mocks/mock-engine.d.ts"].map((f) => join(out, f))) {
    const text = readFileSync(shim, "utf8");
    const rewritten = text.replace(/"(\.\.\/)+packages\/runtime\/src\/mocks\/index\.js"/, '"../../runtime-mocks/index.js"');
    if (rewritten === text) throw new Error(`build: the mock engine's import in ${shim} was not found`);
    writeFileSync(shim, rewritten);
  }
  // Plain-JS modules (worker entries, shared options) are not emitted by tsc: copy them as they are,
  // with their hand-written declarations (the emitted .d.ts files import them).
  for (const f of readdirSync(join(root, "src"), { recursive: true })) if (f.endsWith(".mjs") || f.endsWith(".d.mts")) cpSync(join(root, "src", f), join(out, f));
  rmSync(staging, { recursive: true, force: true });
  rmSync(join(root, "dist"), { recursive: true, force: true });
  try {
    renameSync(out, join(root, "dist"));
  } catch (err) {
    // Another build (a parallel `codegen` run) swapped its dist in first: same sources, keep it.
    if (err.code !== "ENOTEMPTY" && err.code !== "EEXIST") throw err;
    rmSync(out, { recursive: true, force: true });
  }
} catch (err) {
  rmSync(staging, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  throw err;
}
