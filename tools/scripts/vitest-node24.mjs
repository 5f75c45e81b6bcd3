#!/usr/bin/env node
/**
 * Runs a package's vitest suite a second time on Node 24, with the same arguments, in the package
 * it is started from: `node ../../tools/scripts/vitest-node24.mjs run --project unit`.
 *
 * The repo's Node is 20; users run 22 and 24, whose fetch (undici 7) and HTTP server differ in
 * what the runtime and the BFF lean on (dispatch options, abort and socket errors, keep-alive).
 * Without Node 24 (offline, no registry), the run is skipped with one line saying why.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { node24 } from "./node24.mjs";

if (process.versions.node.split(".")[0] === "24") process.exit(0); // the first run already was on Node 24

const found = await node24();
if (!found.path) {
  console.log(`Node 24 run skipped: \`npx -y node@24\` failed (${found.why}); it needs the npm registry once, then runs from npx's cache.`);
  process.exit(0);
}
const vitest = join(createRequire(join(process.cwd(), "package.json")).resolve("vitest/package.json"), "../vitest.mjs");
const version = execFileSync(found.path, ["-p", "process.version"], { encoding: "utf8" }).trim();
console.log(`Again on Node ${version}:`);
const run = spawnSync(found.path, [vitest, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
