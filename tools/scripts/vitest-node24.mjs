#!/usr/bin/env node
/**
 * Runs a package's vitest suite a second time on Node 24, with the same arguments, in the package
 * it is started from: `node ../../tools/scripts/vitest-node24.mjs run --project unit`.
 *
 * The repo's Node is 20; users run 22 and 24, whose fetch (undici 7) and HTTP server differ in
 * what the runtime and the BFF lean on (dispatch options, abort and socket errors, keep-alive).
 * Node 24 comes from the registry's `node` package through npx, as the release test gets it.
 * Without it (offline, no registry), the run is skipped with one line saying why.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";

const MAJOR = "24";

if (process.versions.node.split(".")[0] === MAJOR) process.exit(0); // the first run already was on Node 24

/** The Node 24 binary, or the reason there is none. Retried: npx installs race when two suites ask at once. */
function node24() {
  let why = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const path = execFileSync("npx", ["-y", `node@${MAJOR}`, "-p", "process.execPath"], { encoding: "utf8", timeout: 300_000, stdio: ["ignore", "pipe", "pipe"] }).trim();
      if (path) return { path };
    } catch (e) {
      const lines = String(e.stderr || e.message).split("\n");
      why = (lines.find((l) => /^npm error code /.test(l)) ?? lines.find((l) => l.trim()) ?? "no output").replace(/^npm error /, "").trim();
    }
  }
  return { why };
}

const found = node24();
if (!found.path) {
  console.log(`Node ${MAJOR} run skipped: \`npx -y node@${MAJOR}\` failed (${found.why}); it needs the npm registry once, then runs from npx's cache.`);
  process.exit(0);
}
const vitest = join(createRequire(join(process.cwd(), "package.json")).resolve("vitest/package.json"), "../vitest.mjs");
const version = execFileSync(found.path, ["-p", "process.version"], { encoding: "utf8" }).trim();
console.log(`Again on Node ${version}:`);
const run = spawnSync(found.path, [vitest, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
