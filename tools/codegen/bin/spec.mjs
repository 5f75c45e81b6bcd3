#!/usr/bin/env node
// `specforge-spec lint|bundle|docs`: the spec package's tasks on the spec that specforge.config.ts
// names, with the project's own Redocly CLI (its `redocly.yaml` beside the spec's root file).
//
//   lint     redocly lint <entry>: zero errors, zero warnings, or exit 1
//   bundle   redocly bundle <entry> → dist/openapi.yaml and dist/openapi.json beside it; a number
//            JSON cannot carry (YAML's .inf, .nan) is an error naming its file, line and pointer
//   docs     redocly build-docs dist/openapi.json → dist/docs/index.html, made to work offline and
//            safe whatever the spec's descriptions hold (src/spec/docs-offline.mjs)
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { readFileSync, renameSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "../src/config/config.mjs";
import { formatNonFinite, nonFiniteFindings, nonFiniteInYaml } from "../src/spec/non-finite-numbers.mjs";
import { terminalText } from "../src/terminal-text.mjs";

const USAGE = "Usage: specforge-spec <lint|bundle|docs> [--config <file>]";
const [command, ...rest] = process.argv.slice(2);
if (!["lint", "bundle", "docs"].includes(command ?? "")) {
  console.error(command === "-h" || command === "--help" ? USAGE : `specforge-spec: unknown command ${JSON.stringify(command ?? "")}\n${USAGE}`);
  process.exit(command === "-h" || command === "--help" ? 0 : 2);
}
const at = rest.indexOf("--config");
let config;
try {
  config = await loadConfig(at >= 0 ? { file: rest[at + 1] } : {});
} catch (err) {
  console.error(`specforge-spec: error: ${terminalText(err instanceof ConfigError ? err.message : String(err))}`);
  process.exit(1);
}

const dir = config.spec.dir;
const entry = relative(dir, config.spec.entry);
// The project's Redocly CLI; else `redocly` on PATH (a copy of the spec folder has no node_modules).
let cli;
try {
  cli = [process.execPath, join(createRequire(join(dir, "package.json")).resolve("@redocly/cli/package.json"), "..", "bin", "cli.js")];
} catch {
  cli = ["redocly"];
}
const redocly = (...args) => {
  const r = spawnSync(cli[0], [...cli.slice(1), ...args, "--config", "redocly.yaml"], { cwd: dir, stdio: "inherit", env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
  if (r.error) {
    console.error(`specforge-spec: cannot run the Redocly CLI (${r.error.message}): add @redocly/cli to the devDependencies of ${terminalText(dir)}`);
    process.exit(1);
  }
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (command === "lint") redocly("lint", entry);
if (command === "bundle") {
  // Into a folder of its own first: a spec refused below leaves the last good bundle in place.
  const tmp = `dist/.bundle-${process.pid}`;
  const at = (f) => join(dir, tmp, f);
  process.on("exit", () => rmSync(join(dir, tmp), { recursive: true, force: true }));
  redocly("bundle", entry, "--output", `${tmp}/openapi.yaml`);
  const pointers = nonFiniteInYaml(readFileSync(at("openapi.yaml"), "utf8"));
  if (pointers.length) {
    for (const finding of nonFiniteFindings(pointers, dir, process.cwd(), join(relative(process.cwd(), dir), "dist/openapi.yaml"))) {
      console.error(`specforge-spec: error: ${terminalText(formatNonFinite(finding))}`);
    }
    process.exit(1);
  }
  redocly("bundle", entry, "--output", `${tmp}/openapi.json`);
  for (const f of ["openapi.yaml", "openapi.json"]) renameSync(at(f), join(dir, "dist", f));
  console.log(`specforge-spec: bundled ${entry} → dist/openapi.yaml, dist/openapi.json`);
}
if (command === "docs") {
  redocly("build-docs", "dist/openapi.json", "--inlineBundle", "--output", "dist/docs/.index.build.html");
  const offline = fileURLToPath(new URL("../src/spec/docs-offline.mjs", import.meta.url));
  const r = spawnSync(process.execPath, [offline, "dist/docs/.index.build.html", "dist/docs/index.html"], { cwd: dir, stdio: "inherit" });
  process.exit(r.status ?? 1);
}
