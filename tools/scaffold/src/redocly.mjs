// Redocly's CLI as this repository installs it, run as a child with telemetry and colours off.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";

function redoclyCli(repo) {
  return join(createRequire(join(repo, "spec", "package.json")).resolve("@redocly/cli/package.json"), "..", "bin", "cli.js");
}

// Redocly's `split` writes no root file when NODE_ENV is "test" (as under a test runner).
const { NODE_ENV: _n, VITEST: _v, ...ENV } = process.env;

/** `stdout` alone too: --format=json writes there, and its banners go to stderr. */
export function redocly(repo, args, cwd) {
  const r = spawnSync(process.execPath, [redoclyCli(repo), ...args], { cwd, encoding: "utf8", env: { ...ENV, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" }, maxBuffer: 256 << 20 });
  return { code: r.status ?? 1, stdout: r.stdout ?? "", output: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}
