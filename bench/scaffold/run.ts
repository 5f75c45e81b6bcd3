// Scaffold time: a spec in → the first mock response of the new project, as a team gets it
// (`pnpm scaffold`, then in a fresh clone the README's first command: install and `pnpm start`,
// until Prism answers a GET of the spec with 2xx). Side by side, in one run, with the baseline of
// no tool at all: Prism mocking the raw spec file (what `prism mock <spec>` gives before any
// project exists). Installs come from the machine's pnpm store, as on a developer's machine
// after the first project; the first install on a new machine downloads more.
//
//   npx tsx bench/scaffold/run.ts [--spec ../shared/specs/real/openai.yaml] [--runs 1]
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { probe } from "../../tools/scaffold/test/support/probe.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
// The codegen's YAML parser (JSON is YAML too): the bench needs no dependency of its own.
const YAML = createRequire(join(repo, "tools/codegen/package.json"))("yaml") as { parse(text: string, options: { maxAliasCount: number }): unknown };
const { values } = parseArgs({ options: { spec: { type: "string", default: join(repo, "../shared/specs/real/openai.yaml") }, runs: { type: "string", default: "1" } } });
const spec = resolve(values.spec!);
const log = (m: string) => process.stderr.write(`bench:scaffold: ${m}\n`);
if (!existsSync(spec)) {
  log(`skipped — ${spec} is missing (the shared/specs/real folder beside the repository; --spec picks another)`);
  process.exit(0);
}
const PNPM = "npx -y pnpm@12.4.2";
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", NO_COLOR: "1", CI: "1" };

/** Runs `command` in a shell group until a GET of the probe answers 2xx; the ms it took, then stops it. */
async function untilMocked(command: string, cwd: string, bundleOf: () => Record<string, unknown> | undefined, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn("sh", ["-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  child.stdout.on("data", (c) => (out += String(c)));
  child.stderr.on("data", (c) => (out += String(c)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}:\n${out.slice(-3000)}`);
      if (performance.now() - t0 > 1_800_000) throw new Error(`${command}: no mock response in 30 min`);
      const bundle = bundleOf();
      const get = bundle && probe(bundle);
      const res = get && (await fetch(`http://127.0.0.1:${port}${get.path}`, { headers: get.headers }).catch(() => undefined));
      if (res && res.status >= 200 && res.status < 300) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
  }
}

const readJson = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined);
let port = 14010;
const rows: Array<{ run: number; baselineMs: number; scaffoldMs: number; mockMs: number }> = [];
for (let run = 1; run <= Number(values.runs); run++) {
  const work = mkdtempSync(join(tmpdir(), "specforge-bench-scaffold-"));
  try {
    // Baseline: Prism on the raw file (it parses YAML or JSON itself).
    const document = YAML.parse(readFileSync(spec, "utf8"), { maxAliasCount: -1 }) as Record<string, unknown>;
    const baselineMs = await untilMocked(`"${join(repo, "node_modules/.bin/prism")}" mock -h 127.0.0.1 -p ${++port} "${spec}"`, work, () => document, port);

    const t0 = performance.now();
    execFileSync(process.execPath, [join(repo, "tools/scaffold/bin/scaffold.mjs"), "--spec", spec, "--scope", "@acme", "--out", join(work, "api")], { env, stdio: "ignore" });
    const scaffoldMs = performance.now() - t0;
    execFileSync("git", ["clone", "-q", join(work, "api"), join(work, "clone")]);
    const clone = join(work, "clone");
    const mockMs = await untilMocked(`${PNPM} install --frozen-lockfile && ${PNPM} start --port ${++port}`, clone, () => readJson(join(clone, "spec/dist/openapi.json")), port);
    rows.push({ run, baselineMs, scaffoldMs, mockMs });
    log(`run ${run}: prism on the raw spec ${(baselineMs / 1000).toFixed(1)} s; scaffold ${(scaffoldMs / 1000).toFixed(1)} s + install and start ${(mockMs / 1000).toFixed(1)} s`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`\n## Scaffold time: ${spec.split("/").pop()} (${(readFileSync(spec).length / 1e6).toFixed(1)} MB), ${rows.length} run(s)\n`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(1)).join(" ")} at the end.\n`);
console.log("| run | baseline: prism mock of the raw spec | scaffold | install + start → first 2xx | spec in → first mock response | ratio to baseline |");
console.log("|---:|---:|---:|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.run} | ${s(r.baselineMs)} | ${s(r.scaffoldMs)} | ${s(r.mockMs)} | ${s(r.scaffoldMs + r.mockMs)} | ${((r.scaffoldMs + r.mockMs) / r.baselineMs).toFixed(1)}× |`);
