#!/usr/bin/env node
// The `codegen` command: runs the compiled CLI (dist/), building it first when it is missing or
// older than any source file, so a fresh clone and an edited generator both just work.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const built = join(root, "dist", "cli.js");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// The mock engine it runs is @specforge/runtime's src/mocks, compiled into the same build. An
// installed @specforge/codegen ships dist/ built (and no TypeScript sources): it just runs.
const engine = join(root, "../../packages/runtime/src/mocks");
const inRepo = existsSync(join(root, "tsconfig.build.json")) && existsSync(engine);
if (!inRepo && !existsSync(built)) {
  process.stderr.write(`codegen: ${built} is missing: this copy of @specforge/codegen was published without its build\n`);
  process.exit(1);
}
const stale =
  inRepo &&
  (!existsSync(built) ||
    statSync(built).mtimeMs < Math.max(newestSource(join(root, "src")), newestSource(engine), statSync(join(root, "tsconfig.build.json")).mtimeMs));
if (stale) {
  process.stderr.write("codegen: building the generator (src changed)…\n");
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit" });
}
await import(new URL("../dist/cli.js", import.meta.url).href);
