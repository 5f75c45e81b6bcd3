// Install size and time of @specforge/client + @specforge/runtime for a consumer, next to
// openapi-fetch alone: every public package is published to a local Verdaccio (as test:release
// does; third-party packages proxied to the npm registry), then each case is installed by name
// with npm into a fresh project with an empty cache (cold: every tarball fetched) and again with
// that cache warm. Size is the installed node_modules (du, KiB) and the package count.
//   npx tsx bench/install/run.ts [--runs 3]   (from the repository root; needs the packages built)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startRegistry } from "../../test/support/registry.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);
const repo = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "specforge-install-bench-"));
const registry = await startRegistry(join(work, "registry"), "https://registry.npmjs.org/", ["@specforge/*", "create-specforge"]);
const env = { ...process.env, npm_config_userconfig: registry.npmrc, npm_config_registry: registry.url };
try {
  execFileSync("npx", ["-y", "pnpm@12.4.2", "exec", "changeset", "publish", "--no-git-tag"], { cwd: repo, env, stdio: "ignore" });
  const cases: Record<string, Record<string, string>> = {
    "@specforge/client + @specforge/runtime": { "@specforge/client": "0.1.0", "@specforge/runtime": "0.1.0" },
    "openapi-fetch": { "openapi-fetch": "0.17.0" },
  };
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows: string[] = [];
  for (const [label, dependencies] of Object.entries(cases)) {
    const cold: number[] = [];
    const warm: number[] = [];
    let kib = 0;
    let packages = 0;
    for (let i = 0; i < runs; i++) {
      const cache = join(work, `cache-${label.replace(/\W+/g, "-")}-${i}`);
      for (const times of [cold, warm]) {
        const app = join(work, `app-${i}-${times === cold ? "cold" : "warm"}-${label.replace(/\W+/g, "-")}`);
        mkdirSync(app);
        writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, dependencies }));
        const t = performance.now();
        execFileSync("npm", ["install", "--no-audit", "--no-fund", "--cache", cache, "--registry", registry.url], { cwd: app, env, stdio: "ignore" });
        times.push(performance.now() - t);
        kib = Number(execFileSync("du", ["-sk", join(app, "node_modules")], { encoding: "utf8" }).split("\t")[0]);
        const top = readdirSync(join(app, "node_modules")).filter((f) => !f.startsWith("."));
        packages = top.flatMap((f) => (f.startsWith("@") ? readdirSync(join(app, "node_modules", f)) : [f])).length;
      }
    }
    rows.push(`| ${label} | ${packages} | ${kib} KiB | ${(median(cold) / 1000).toFixed(1)} s | ${(median(warm) / 1000).toFixed(1)} s |`);
  }
  console.log(`npm ${execFileSync("npm", ["--version"], { encoding: "utf8" }).trim()}, Node ${process.version}, median of ${runs}, load ${(await import("node:os")).loadavg()[0]!.toFixed(1)}`);
  console.log("| installed | packages | node_modules | npm install, cold cache | warm cache |\n|---|---|---|---|---|\n" + rows.join("\n"));
} finally {
  await registry.stop();
  rmSync(work, { recursive: true, force: true });
}
