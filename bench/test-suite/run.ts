// The README test command on fresh clones of two commits, side by side in one run: the time a new
// contributor waits, and what a second run with no change costs (turbo's cache).
//
//   npx tsx bench/test-suite/run.ts [--base <ref>] [--head <ref>] [--rounds <n>] [--no-rerun]
//
// Each side: `git clone` of the commit into a temporary folder, `pnpm install --frozen-lockfile`
// (from the machine's pnpm store, as a developer's second project would), then the README's test
// command, timed as a whole process tree (wall and CPU from /usr/bin/time). With --rounds > 1 the
// sides alternate (base, head, head, base, …) so load drifts hit both. The head side then runs the
// test command again with no change (the cached re-run). Test counts come from vitest's summaries.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { loadavg, tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sampleCpu } from "./cpu-by-process.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
// The last commit before the test suite was split into cached per-suite tasks (issue 12).
const BEFORE_SPLIT = "9fdf78c";
const PNPM = ["-y", "pnpm@12.4.2"];

const { values } = parseArgs({
  options: {
    base: { type: "string", default: BEFORE_SPLIT },
    head: { type: "string", default: "HEAD" },
    rounds: { type: "string", default: "1" },
    "no-rerun": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});

interface Timed {
  wall: number;
  cpu: number;
  code: number;
  passed: number;
  skipped: number;
  failed: number;
  fullTurbo: boolean;
  load: [number, number];
  /** CPU seconds by kind of process (tsc, vitest, prism, …). */
  byKind: Record<string, number>;
}

const time = existsSync("/usr/bin/time");
const log = (s: string) => process.stderr.write(`${s}\n`);

/** Runs a command to completion, timing the whole process tree and sampling its CPU by kind. */
async function run(cmd: string, args: string[], cwd: string, logFile: string): Promise<Pick<Timed, "wall" | "cpu" | "code" | "byKind"> & { out: string }> {
  const t0 = performance.now();
  const argv = time ? ["-f", "\n@@time %e %U %S", cmd, ...args] : args;
  const child = spawn(time ? "/usr/bin/time" : cmd, argv, { cwd, env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } });
  const sampler = sampleCpu(child.pid);
  let out = "";
  child.stdout.on("data", (c) => (out += String(c)));
  child.stderr.on("data", (c) => (out += String(c)));
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const byKind = sampler.stop();
  writeFileSync(logFile, out);
  const m = /@@time ([\d.]+) ([\d.]+) ([\d.]+)/.exec(out);
  return { wall: m ? Number(m[1]) : (performance.now() - t0) / 1000, cpu: m ? Number(m[2]) + Number(m[3]) : NaN, code, out, byKind };
}

/** Totals of vitest's "Tests  N passed | M skipped (T)" lines, one per task. */
function counts(out: string): { passed: number; skipped: number; failed: number } {
  const c = { passed: 0, skipped: 0, failed: 0 };
  for (const line of out.split("\n")) {
    if (!/^\S*\s*Tests\s+\d/.test(line.replace(/^@[^ ]+:\s*/, ""))) continue;
    for (const [, n, kind] of line.matchAll(/(\d+) (passed|skipped|failed)/g)) c[kind as keyof typeof c] += Number(n);
  }
  return c;
}

async function side(ref: string, label: string, work: string, round: number): Promise<{ fresh: Timed; rerun?: Timed }> {
  const dir = join(work, `${label}-${round}`);
  const sha = spawnSync("git", ["rev-parse", ref], { cwd: repo, encoding: "utf8" }).stdout.trim();
  spawnSync("git", ["clone", "--quiet", "--no-checkout", repo, dir]);
  spawnSync("git", ["checkout", "--quiet", "--detach", sha], { cwd: dir });
  log(`${label} ${sha.slice(0, 9)} (round ${round}): install`);
  const install = await run("npx", [...PNPM, "install", "--frozen-lockfile"], dir, join(work, `${label}-${round}-install.log`));
  if (install.code !== 0) throw new Error(`${label}: install failed, see ${work}`);
  const once = async (what: string): Promise<Timed> => {
    const load = loadavg().slice(0, 1)[0]!;
    log(`${label}: ${what} (load ${load.toFixed(2)})`);
    const r = await run("npx", [...PNPM, "test"], dir, join(work, `${label}-${round}-${what}.log`));
    const t = { ...r, ...counts(r.out), fullTurbo: /FULL TURBO/.test(r.out), load: [load, loadavg()[0]!] as [number, number] };
    log(`${label}: ${what} ${t.wall.toFixed(1)} s wall, ${t.cpu.toFixed(1)} s CPU, exit ${t.code}, ${t.passed} passed, ${t.skipped} skipped, ${t.failed} failed`);
    return t;
  };
  const fresh = await once("fresh");
  const rerun = values["no-rerun"] || label === "base" ? undefined : await once("rerun");
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  return { fresh, ...(rerun ? { rerun } : {}) };
}

const work = mkdtempSync(join(tmpdir(), "specforge-bench-tests-"));
const rounds = Number(values.rounds);
const results: { base: Timed[]; head: Timed[]; rerun: Timed[] } = { base: [], head: [], rerun: [] };
for (let i = 0; i < rounds; i++) {
  const order = i % 2 === 0 ? (["base", "head"] as const) : (["head", "base"] as const);
  for (const label of order) {
    const r = await side(label === "base" ? values.base! : values.head!, label, work, i + 1);
    results[label].push(r.fresh);
    if (r.rerun) results.rerun.push(r.rerun);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (name: string, ts: Timed[], base?: number) => {
  const wall = median(ts.map((t) => t.wall));
  const cpu = median(ts.map((t) => t.cpu));
  const last = ts[ts.length - 1]!;
  return `| ${name} | ${wall.toFixed(1)} s | ${cpu.toFixed(1)} s | ${base ? `${(wall / base).toFixed(2)}×` : "1.00×"} | ${last.passed} / ${last.skipped} / ${last.failed} | ${last.code} | ${ts.map((t) => `${t.load[0].toFixed(1)}→${t.load[1].toFixed(1)}`).join(", ")} |`;
};
const baseWall = median(results.base.map((t) => t.wall));
const report = [
  `README test command on fresh clones, ${rounds} round(s), ${cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z`,
  "",
  "| side | wall | CPU (user+sys) | wall vs base | passed / skipped / failed | exit | load (1 min, start→end) |",
  "|---|---|---|---|---|---|---|",
  row(`base ${values.base}`, results.base),
  row(`head ${values.head}`, results.head, baseWall),
  ...(results.rerun.length ? [row(`head again, no change${results.rerun.every((t) => t.fullTurbo) ? " (FULL TURBO)" : ""}`, results.rerun, baseWall)] : []),
  "",
  "CPU seconds by kind of process (sampled from /proc), medians:",
  "",
  `| kind | ${["base", "head"].join(" | ")} |`,
  "|---|---|---|",
  ...[...new Set([...results.base, ...results.head].flatMap((t) => Object.keys(t.byKind)))]
    .sort()
    .map((k) => `| ${k} | ${median(results.base.map((t) => t.byKind[k] ?? 0)).toFixed(1)} | ${median(results.head.map((t) => t.byKind[k] ?? 0)).toFixed(1)} |`),
].join("\n");
console.log(report);
mkdirSync(join(repo, "bench/.results"), { recursive: true });
writeFileSync(join(repo, "bench/.results", `test-suite-${Date.now()}.md`), report + "\n");
log(`logs: ${work}`);
