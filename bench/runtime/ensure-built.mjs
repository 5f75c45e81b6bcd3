/**
 * The size check measures the runtime as published (`packages/runtime/dist`). Turbo builds it
 * first; run on its own (`pnpm --filter ./bench test` on a fresh clone, or after editing the
 * runtime), the check would read a missing or stale dist. This builds it then, and only then.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const runtime = fileURLToPath(new URL("../../packages/runtime/", import.meta.url));
const built = join(runtime, "dist/index.js");

/** Newest modification time among the files that go into the build. */
function newestSource() {
  const sources = readdirSync(join(runtime, "src"), { recursive: true }).map((f) => join(runtime, "src", String(f)));
  return Math.max(...[...sources, join(runtime, "tsconfig.build.json"), join(runtime, "package.json")].map((f) => statSync(f).mtimeMs));
}

if (!existsSync(built) || statSync(built).mtimeMs < newestSource()) {
  console.log(`Building @specforge/runtime first: ${existsSync(built) ? "its dist/ is older than its sources" : "it has no dist/ yet"}.`);
  const tsc = createRequire(join(runtime, "package.json")).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: runtime, stdio: "inherit" });
}
