#!/usr/bin/env node
// The `specforge-spec-diff` command: the compiled CLI (dist/, built by the package's `build`
// script and shipped built). In the repository, `pnpm spec:diff` runs the sources instead.
import { existsSync } from "node:fs";

const built = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(built)) {
  process.stderr.write("spec-diff: dist/cli.js is missing: this copy of @specforge/spec-diff was not built (npx -y pnpm@12.4.2 --filter @specforge/spec-diff build)\n");
  process.exit(2);
}
await import(built.href);
