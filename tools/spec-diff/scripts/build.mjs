// Compiles src/ to dist/ (what the published package runs: bin/spec-diff.mjs starts dist/cli.js).
// Without the `@specforge/source` condition (tsconfig.build.json), @specforge/codegen resolves as
// it does for an installed copy: its `./model` and `./jit-flags` exports are codegen's compiled
// dist/ and declarations, so codegen is built first (turbo: `^build`). dist/ is emptied first: a
// removed source file leaves nothing behind to publish.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
// The workspace root's typescript (a devDependency there, as for the other packages' builds).
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
rmSync(join(root, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
