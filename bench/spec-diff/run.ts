/**
 * spec:diff on GitHub's REST description, 22.0.0 → 23.0.2 of @octokit/openapi (two 12–13 MB
 * specs): wall time, CPU time and peak RSS of the CLI as `pnpm spec:diff` runs it (tsx), from GNU
 * `/usr/bin/time`, with the load average before and after every run (the machine is shared: CPU
 * time is the figure that load does not inflate). A benchmark, not a test: it fails only when the bench itself breaks.
 *
 *   npx tsx bench/spec-diff/run.ts [--runs 3] [--ref <git-ref>]…
 *
 * `--ref` also measures spec-diff as it was at that commit (its `tools/spec-diff` from `git
 * archive`, run against today's codegen), for "our own earlier runs". Reference: oasdiff 1.x
 * `breaking` took 7.4 s and 313 MB on this machine for the same pair (a Go binary that cannot be
 * installed here). The report goes to stdout and to bench/.results/spec-diff-<time>.md.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { fetchSpec, type NpmSpec } from "../../tools/spec-diff/test/corpus/npm-specs.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const TSX = join(REPO, "node_modules/.bin/tsx");
const OASDIFF = { wallS: 7.4, peakMB: 313 };
const TARGET = { wallS: 6, peakMB: 400 };
const github = (version: string): NpmSpec => ({ pkg: "@octokit/openapi", version, file: "generated/api.github.com.json" });

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, ref: { type: "string", multiple: true, default: [] } } });
const runs = Number(values.runs);
const log = (m: string) => process.stderr.write(`${m}\n`);

/** One run: wall time, peak RSS and CPU (user + system, every thread: GC and JIT included) from GNU time. */
interface Measurement {
  code: number | null;
  wallS: number;
  peakMB: number;
  cpuS: number;
  stderr: string;
}

function measure(cli: string, base: string, head: string, cwd: string): Promise<Measurement> {
  const timeFile = join(cwd, "time.txt");
  const child = spawn("/usr/bin/time", ["-f", "%e %M %U %S", "-o", timeFile, TSX, cli, "--base-spec", base, "--spec", head], { cwd, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    child.on("close", (code) => {
      const [wall, kb, user, sys] = readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
      // The first line that says what went wrong (a stack trace follows it).
      const said = stderr.split("\n").find((l) => /error/i.test(l)) ?? stderr.trim().split("\n")[0] ?? "";
      resolve({ code, wallS: wall!, peakMB: kb! / 1024, cpuS: user! + sys!, stderr: said.trim() });
    });
  });
}

interface Row {
  version: string;
  run: number;
  m: Measurement;
  loadBefore: number[];
  loadAfter: number[];
}

/** The spec-diff CLI of `ref` in a temporary folder: its sources, resolving packages through today's node_modules. */
function checkout(ref: string): { cli: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "bench-spec-diff-"));
  const tar = execFileSync("git", ["archive", ref, "tools/spec-diff/src", "tools/spec-diff/package.json"], { cwd: REPO, maxBuffer: 64 << 20 });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  symlinkSync(join(REPO, "tools/spec-diff/node_modules"), join(dir, "tools/spec-diff/node_modules"));
  return { cli: join(dir, "tools/spec-diff/src/cli.ts"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  log("fetching @octokit/openapi 22.0.0 and 23.0.2 (npm pack, cached in tools/spec-diff/.cache) …");
  const [base, head] = [await fetchSpec(github("22.0.0")), await fetchSpec(github("23.0.2"))];
  // Outside the repository: no ignore file or changeset applies.
  const cwd = mkdtempSync(join(tmpdir(), "bench-spec-diff-cwd-"));
  const versions = [{ version: "working tree", cli: join(REPO, "tools/spec-diff/src/cli.ts"), cleanup: () => {} }, ...values.ref!.map((ref) => ({ version: ref, ...checkout(ref) }))];
  const rows: Row[] = [];
  try {
    for (const v of versions) {
      // One unmeasured run fills the page cache and tsx's transform cache.
      await measure(v.cli, base, head, cwd);
      for (let run = 1; run <= runs; run++) {
        const loadBefore = loadavg();
        const m = await measure(v.cli, base, head, cwd);
        const row = { version: v.version, run, m, loadBefore, loadAfter: loadavg() };
        rows.push(row);
        log(`${v.version} ${run}/${runs}: ${status(m)} ${m.wallS.toFixed(2)} s, ${m.cpuS.toFixed(2)} s CPU, ${m.peakMB.toFixed(0)} MB (load ${fmtLoad(loadBefore)} → ${fmtLoad(row.loadAfter)})`);
      }
    }
  } finally {
    for (const v of versions) v.cleanup();
    rmSync(cwd, { recursive: true, force: true });
  }
  const report = render(rows);
  process.stdout.write(report);
  const out = join(REPO, "bench/.results");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `spec-diff-${new Date().toISOString().replace(/[:.]/g, "-")}.md`), report);
}

// spec:diff exits 1 on this pair (it has breaking changes); 2 is a crash.
const status = (m: Measurement) => (m.code === 0 || m.code === 1 ? `exit ${m.code}` : `CRASH (exit ${m.code}: ${m.stderr.slice(0, 120)})`);

function render(rows: Row[]): string {
  const lines = [
    `# spec:diff on GitHub REST 22.0.0 → 23.0.2 (${new Date().toISOString()})`,
    "",
    `Machine: ${execFileSync("nproc").toString().trim()} cores; \`uptime\` at the end: ${execFileSync("uptime").toString().trim()}`,
    "",
    "| version | run | result | wall s | CPU s | peak MB | load (1/5/15 min) before | after |",
    "|---|---:|---|---:|---:|---:|---|---|",
    ...rows.map((r) => `| ${r.version} | ${r.run} | ${status(r.m)} | ${r.m.wallS.toFixed(2)} | ${r.m.cpuS.toFixed(2)} | ${r.m.peakMB.toFixed(0)} | ${fmtLoad(r.loadBefore)} | ${fmtLoad(r.loadAfter)} |`),
    "",
    "| version | median wall s | median CPU s | max peak MB | vs oasdiff (7.4 s, 313 MB) | target (≤ 6 s, ≤ 400 MB) |",
    "|---|---:|---:|---:|---|---|",
  ];
  for (const version of [...new Set(rows.map((r) => r.version))]) {
    const mine = rows.filter((r) => r.version === version && (r.m.code === 0 || r.m.code === 1));
    if (!mine.length) {
      lines.push(`| ${version} | – | – | – | crashed | – |`);
      continue;
    }
    const wall = median(mine.map((r) => r.m.wallS));
    const peak = Math.max(...mine.map((r) => r.m.peakMB));
    const cpu = median(mine.map((r) => r.m.cpuS));
    const speed = OASDIFF.wallS / wall;
    const vs = `${speed >= 1 ? `${speed.toFixed(1)}× faster` : `${(1 / speed).toFixed(1)}× slower`}, ${((100 * peak) / OASDIFF.peakMB).toFixed(0)}% of its memory`;
    const met = wall <= TARGET.wallS && peak <= TARGET.peakMB ? "met" : "missed";
    lines.push(`| ${version} | ${wall.toFixed(2)} | ${cpu.toFixed(2)} | ${peak.toFixed(0)} | ${vs} | ${met} |`);
  }
  return lines.join("\n") + "\n";
}

await main();
