/**
 * Codegen speed: our codegen vs openapi-typescript, hey-api, Orval, Kubb (and openapi-zod-client)
 * side by side in ONE run, on GitHub's REST spec and on a real spec from ../shared/specs/real/.
 * Wall time and peak RSS of each generator (a child process each), output size, and
 * `tsc --noEmit --strict --skipLibCheck` time + error count of each output; the targets of the
 * issue are printed PASS/FAIL. A bench, not a test: exit 0 whatever the numbers, non-zero only when
 * the bench itself broke.
 *
 *   npx tsx bench/codegen/run.ts [--quick] [--spec github,openai] [--runs 1] [--timeout 600]
 *   (or: cd bench && npx -y pnpm@12.4.2 bench:codegen -- …)
 *
 * Peers are installed on demand into bench/.peers/ (ignored), see peers.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { hasGnuTime, measure, type Measurement } from "./measure.js";
import { ensureGithubSpec, ensureGroup, installedVersion, PEER_JOBS, type Group, type InstallResult, type PeerJob } from "./peers.js";
import { buildOursJs, CODEGEN, oursCommand, oursTscInclude, REPO, runtimePaths, snapshotOurs, timedCommand, type OursTargets, type Snapshot } from "./ours.js";
import { TSC_VERSION, tscCheck, type TscResult } from "./tsc-check.js";
import { fmtBytes, fmtMB, fmtS, fmtX, median, renderTable, tscResult, type Row, type TscSummary } from "./table.js";

const USAGE = `Usage: tsx bench/codegen/run.ts [options]

  --quick             ours (tsx + JS) + openapi-typescript + hey-api zod only
  --spec <list>       comma-separated: github (default, fetched with npm pack), a name in
                      ../shared/specs/real/ (openai, ory-kratos, …) or a path (default: github,openai)
  --runs <n>          runs of every generator, medians reported (default 1, --quick: 3)
  --tsc-runs <n>      runs of tsc per output (default 1; the pair of target 3 — our zod.gen.ts
                      and hey-api's — always runs max(--runs, --tsc-runs) times, alternating)
  --timeout <s>       per generator / tsc run (default 600)
  --no-tsc            skip type-checking the outputs
  --no-warmup         skip the unmeasured warm-up of every generator on a 1-operation spec
  -h, --help`;

const { values } = parseArgs({
  options: {
    quick: { type: "boolean" },
    spec: { type: "string" },
    runs: { type: "string" },
    "tsc-runs": { type: "string" },
    timeout: { type: "string" },
    "no-tsc": { type: "boolean" },
    "no-warmup": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
  strict: true,
  allowPositionals: false,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const QUICK = values.quick === true;
const RUNS = Math.max(1, Number(values.runs ?? (QUICK ? 3 : 1)) || 1);
const TSC_RUNS = Math.max(1, Number(values["tsc-runs"] ?? 1) || 1);
/** Generators measured back to back (order alternating between runs): the ratios of the targets. */
const PAIRS: [string, string][] = [
  ["ours-js-all", "ots-types"],
  ["ours-js-zod-client-mocks", "hey-api-zod"],
];
const TSC_PAIR: [string, string] = ["ours-tsx-zod", "hey-api-zod"];
const TIMEOUT_MS = Math.max(10, Number(values.timeout ?? 600) || 600) * 1000;
const SPECS = (values.spec ?? "github,openai").split(",").map((s) => s.trim()).filter(Boolean);
const PEERS_DIR = join(REPO, "bench", ".peers");
const REAL_DIR = join(REPO, "..", "shared", "specs", "real");
const JS_DIR = join(PEERS_DIR, "ours-js");
const SRC_DIR = join(PEERS_DIR, "ours-src");
const OURS_ENV = { SPECFORGE_INVALID_EXAMPLES: "warn" };

const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
let broken = false;
let snapshot: Snapshot | undefined;

// ---- load average, sampled through the whole bench -------------------------------------------
const loadSamples: number[] = [];
const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 2000);
sampler.unref();
const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");
const loadAtStart = loadavg();

// ---- jobs -------------------------------------------------------------------------------------
interface Job {
  id: string;
  tool: string;
  task: string;
  compare: string;
  group: Group;
  peer?: PeerJob;
  ours?: { mode: "tsx" | "js"; targets: OursTargets };
}

const oursJob = (mode: "tsx" | "js", targets: OursTargets, task: string, compare: string): Job => ({
  id: `ours-${mode}-${task.replace(/\W+/g, "-")}`,
  tool: mode === "tsx" ? "ours (tsx, sources)" : "ours",
  task,
  compare,
  group: "main",
  ours: { mode, targets },
});

const jobs: Job[] = [
  oursJob("tsx", "types,zod,client,mocks", "all", "types"),
  oursJob("tsx", "zod,client,mocks", "zod+client+mocks", "zod"),
  oursJob("tsx", "zod", "zod", "zod"),
  ...(QUICK ? [] : [oursJob("tsx", "types", "types", "types"), oursJob("tsx", "client", "client", "client"), oursJob("tsx", "mocks", "mock", "mock")]),
  oursJob("js", "types,zod,client,mocks", "all", "types"),
  oursJob("js", "zod,client,mocks", "zod+client+mocks", "zod"),
  ...PEER_JOBS.filter((p) => !QUICK || p.quick).map((p) => ({ id: `${p.tool.toLowerCase()}-${p.task}`, tool: p.tool, task: p.task, compare: p.task, group: p.group, peer: p })),
];

// ---- helpers ----------------------------------------------------------------------------------
function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, files };
}

function resolveSpec(name: string): { key: string; file: string } | { key: string; skip: string } {
  if (existsSync(name) && statSync(name).isFile()) return { key: basename(name).replace(/\.(ya?ml|json)$/, ""), file: resolve(name) };
  for (const ext of ["", ".yaml", ".yml", ".json"]) {
    const f = join(REAL_DIR, name + ext);
    if (existsSync(f)) return { key: name.replace(/\.(ya?ml|json)$/, ""), file: f };
  }
  return { key: name, skip: existsSync(REAL_DIR) ? `${name} not found in ${REAL_DIR}` : `${REAL_DIR} absent` };
}

function commandOf(job: Job, spec: string, out: string, prefix: string): { cmd: string; args: string[]; cwd: string; env?: Record<string, string> } {
  if (job.ours) return { ...oursCommand(job.ours.mode, job.ours.mode === "tsx" ? SRC_DIR : JS_DIR, spec, out, job.ours.targets), cwd: REPO, env: OURS_ENV };
  const cfgDir = join(prefix, "cfg");
  mkdirSync(cfgDir, { recursive: true });
  return { ...job.peer!.command({ spec, out, prefix, cfgDir, name: `${job.id}-${basename(out)}` }), cwd: prefix };
}

const WARMUP_SPEC = {
  openapi: "3.0.3",
  info: { title: "warm-up", version: "1.0.0" },
  paths: {
    "/things/{id}": {
      get: {
        operationId: "getThing",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
      },
    },
  },
  components: { schemas: { Thing: { type: "object", required: ["id"], properties: { id: { type: "string" }, n: { type: "integer" } } } } },
};

// ---- main -------------------------------------------------------------------------------------
interface SpecResult {
  key: string;
  file: string;
  bytes: number;
  rows: Row[];
  load: { start: number[]; end: number[] };
  timings: Record<string, { totalMs: number; timings: Record<string, number>; wallS: number; peakMB: number | null } | { error: string }>;
}

async function main(): Promise<void> {
  const started = new Date();
  log(`${QUICK ? "quick" : "full"} run, specs ${SPECS.join(", ")}, ${RUNS} run(s), tsc ${values["no-tsc"] ? "off" : `${TSC_RUNS} run(s)`}, timeout ${TIMEOUT_MS / 1000} s; load ${fmtLoad(loadAtStart)}`);
  mkdirSync(PEERS_DIR, { recursive: true });

  // Install the peer groups the jobs need.
  const installs = new Map<Group, InstallResult>();
  for (const g of new Set(jobs.map((j) => j.group))) {
    const r = await ensureGroup(PEERS_DIR, g, TIMEOUT_MS, log);
    installs.set(g, r);
    if (!r.ok) log(`install of ${g} FAILED: ${r.reason} — its generators are reported FAIL`);
    else if (r.seconds) log(`installed ${g} in ${r.seconds.toFixed(0)} s`);
  }
  const prefixOf = (g: Group) => installs.get(g)!.prefix;

  // Our codegen: one snapshot of the sources for the whole run, and its JS transpilation (~1 s).
  snapshot = snapshotOurs(SRC_DIR);
  log(`ours: snapshot of tools/codegen/src at ${snapshot.commit}${snapshot.dirty.length ? ` + ${snapshot.dirty.length} uncommitted file(s)` : ""} → ${SRC_DIR}`);
  const built = buildOursJs(SRC_DIR, JS_DIR);
  log(`ours transpiled to JS: ${built.files} files in ${built.seconds.toFixed(1)} s → ${JS_DIR}`);

  // Specs.
  const specs: { key: string; file: string }[] = [];
  const skipped: string[] = [];
  for (const s of SPECS) {
    if (s === "github") {
      try {
        specs.push({ key: "github", file: await ensureGithubSpec(PEERS_DIR, TIMEOUT_MS, log) });
      } catch (err) {
        broken = true;
        skipped.push(`github: fetching the spec failed: ${(err as Error).message.split("\n")[0]}`);
      }
      continue;
    }
    const r = resolveSpec(s);
    if ("skip" in r) skipped.push(`${s}: skipped (${r.skip})`);
    else specs.push(r);
  }
  for (const s of skipped) log(s);

  // Warm-up: every generator once on a 1-operation spec (page cache, tsx transform cache), unmeasured.
  if (!values["no-warmup"]) {
    const wdir = join(PEERS_DIR, "main", "out", "_warmup");
    rmSync(wdir, { recursive: true, force: true });
    mkdirSync(wdir, { recursive: true });
    const wspec = join(wdir, "warmup.json");
    writeFileSync(wspec, JSON.stringify(WARMUP_SPEC));
    for (const job of jobs) {
      if (!installs.get(job.group)!.ok) continue;
      const out = join(PEERS_DIR, job.group, "out", "_warmup", job.id);
      if (!job.ours) mkdirSync(out, { recursive: true });
      const c = commandOf(job, wspec, out, prefixOf(job.group));
      const m = await measure(c.cmd, c.args, { cwd: c.cwd, env: c.env, timeoutMs: TIMEOUT_MS, logFile: join(PEERS_DIR, "logs", "_warmup", `${job.id}.log`) });
      log(`warm-up ${job.tool} ${job.task}: ${m.ok ? "ok" : `FAIL (${m.reason})`} ${m.wallS.toFixed(2)} s`);
    }
  }

  const results: SpecResult[] = [];
  for (const spec of specs) {
    readFileSync(spec.file); // page cache
    const load = { start: loadavg(), end: [] as number[] };
    log(`== ${spec.key}: ${spec.file} (${fmtBytes(statSync(spec.file).size)}), load ${fmtLoad(load.start)}`);
    const outDir = (job: Job) => join(PEERS_DIR, job.group, "out", spec.key, job.id);
    const measured = new Map<string, Measurement[]>();
    for (let run = 0; run < RUNS; run++) {
      // The pairs of the targets first, back to back, their order alternating between runs (the
      // load on a shared machine drifts: a pair sees the same load); the rest rotates.
      const paired = PAIRS.flatMap((p) => (run % 2 ? [p[1], p[0]] : p)).map((id) => jobs.find((j) => j.id === id)).filter((j): j is Job => !!j);
      const rest = jobs.filter((j) => !paired.includes(j));
      const order = [...paired, ...rest.map((_, i) => rest[(i + run * 3) % rest.length]!)];
      for (const job of order) {
        const list = measured.get(job.id) ?? [];
        measured.set(job.id, list);
        const inst = installs.get(job.group)!;
        if (!inst.ok) {
          list.push({ ok: false, wallS: 0, peakMB: null, code: null, signal: null, timedOut: false, oom: false, reason: "install failed", logFile: "" });
          continue;
        }
        const out = outDir(job);
        rmSync(out, { recursive: true, force: true });
        if (!job.ours) mkdirSync(out, { recursive: true });
        const c = commandOf(job, spec.file, out, inst.prefix);
        const m = await measure(c.cmd, c.args, { cwd: c.cwd, env: c.env, timeoutMs: TIMEOUT_MS, logFile: join(PEERS_DIR, "logs", spec.key, `${job.id}.run${run + 1}.log`) });
        if (m.ok && dirSize(out).files === 0) {
          m.ok = false;
          m.reason = "no output";
        }
        list.push(m);
        log(`[${spec.key} ${run + 1}/${RUNS}] ${job.tool} ${job.task}: ${m.ok ? "ok" : `FAIL (${m.reason})`} ${m.wallS.toFixed(2)} s, ${fmtMB(m.peakMB)} MB (load ${loadavg()[0]!.toFixed(2)})`);
      }
    }

    // Rows (medians over runs; a generator failing in any run is reported FAIL).
    const rows: Row[] = jobs.map((job) => {
      const ms = measured.get(job.id)!;
      const failed = ms.find((m) => !m.ok);
      const size = failed ? null : dirSize(outDir(job));
      return {
        id: job.id,
        tool: job.tool,
        task: job.task,
        compare: job.compare,
        ours: !!job.ours,
        ok: !failed,
        reason: failed?.reason ?? "",
        wallS: failed ? failed.wallS : median(ms.map((m) => m.wallS)),
        peakMB: median(ms.map((m) => m.peakMB).filter((x): x is number => x != null)),
        walls: ms.map((m) => m.wallS),
        peaks: ms.map((m) => m.peakMB).filter((x): x is number => x != null),
        bytes: size?.bytes ?? null,
        files: size?.files ?? null,
        tsc: null,
      };
    });

    // tsc --noEmit of every output (the pair of target 3 alternating, back to back).
    if (!values["no-tsc"]) {
      const allTsx = rows.find((r) => r.id === "ours-tsx-all")!;
      const checks = new Map<string, TscResult[]>();
      const checkOne = async (job: Job, i: number) => {
        const row = rows.find((r) => r.id === job.id)!;
        const done = checks.get(job.id) ?? [];
        checks.set(job.id, done);
        if (!row.ok || done.some((c) => c.errors == null)) return;
        // Our per-target outputs are checked inside the all-targets output (client and mocks
        // import types.gen.ts, which only the types target writes).
        const include = job.ours
          ? oursTscInclude(job.ours.targets).map((p) => `${allTsx.ok ? "ours-tsx-all" : job.id}/${p}`)
          : [`${job.id}/**/*.ts`, `${job.id}/**/*.tsx`];
        const r = await tscCheck({
          configDir: join(PEERS_DIR, job.group, "out", spec.key),
          name: job.id,
          include,
          ...(job.ours ? { paths: runtimePaths() } : {}),
          timeoutMs: TIMEOUT_MS,
          logFile: join(PEERS_DIR, "logs", spec.key, `${job.id}.tsc${i + 1}.log`),
        });
        done.push(r);
        log(`[${spec.key}] tsc ${job.tool} ${job.task}: ${fmtS(r.m.wallS)} s, ${r.errors == null ? `FAIL (${r.m.reason})` : r.errors === 0 ? "clean" : `${r.errors} errors`}${r.firstErrors[0] ? ` — ${r.firstErrors[0].slice(0, 140)}` : ""}`);
      };
      const pairJobs = TSC_PAIR.map((id) => jobs.find((j) => j.id === id)).filter((j): j is Job => !!j);
      for (let i = 0; i < Math.max(RUNS, TSC_RUNS); i++) for (const job of i % 2 ? [...pairJobs].reverse() : pairJobs) await checkOne(job, i);
      for (let i = 0; i < TSC_RUNS; i++) for (const job of jobs) if (!pairJobs.includes(job) && !job.ours?.mode.startsWith("js")) await checkOne(job, i);
      for (const job of jobs) {
        const row = rows.find((r) => r.id === job.id)!;
        if (!row.ok) continue;
        if (job.ours?.mode === "js") {
          row.tsc = { seconds: null, peakMB: null, errors: null, reason: "", firstErrors: [], runs: [], sameAs: "tsx" };
          continue;
        }
        const done = checks.get(job.id) ?? [];
        const last = done[done.length - 1];
        if (!last) continue;
        const failed = done.find((c) => c.errors == null);
        row.tsc = {
          seconds: failed ? null : median(done.map((c) => c.m.wallS)),
          peakMB: median(done.map((c) => c.m.peakMB).filter((x): x is number => x != null)),
          errors: failed ? null : last.errors,
          reason: failed?.m.reason ?? "",
          firstErrors: last.firstErrors,
          runs: done.map((c) => c.m.wallS),
        };
      }
    }

    // Our per-phase timings (one extra, separately timed run each).
    const timings: SpecResult["timings"] = {};
    for (const targets of ["types,zod,client,mocks", "zod,client,mocks"] as const) {
      const out = join(PEERS_DIR, "main", "out", spec.key, `ours-timed-${targets === "zod,client,mocks" ? "emitters" : "all"}`);
      const json = `${out}.json`;
      rmSync(out, { recursive: true, force: true });
      rmSync(json, { force: true });
      const c = timedCommand(SRC_DIR, spec.file, out, targets, json);
      const m = await measure(c.cmd, c.args, { cwd: REPO, env: OURS_ENV, timeoutMs: TIMEOUT_MS, logFile: join(PEERS_DIR, "logs", spec.key, `ours-timed-${targets}.log`) });
      if (m.ok && existsSync(json)) {
        const t = JSON.parse(readFileSync(json, "utf8")) as { totalMs: number; timings: Record<string, number> };
        timings[targets] = { totalMs: t.totalMs, timings: t.timings, wallS: m.wallS, peakMB: m.peakMB };
      } else timings[targets] = { error: m.reason || "no timings written" };
    }

    load.end = loadavg();
    results.push({ key: spec.key, file: spec.file, bytes: statSync(spec.file).size, rows, load, timings });
  }

  // ---- report ---------------------------------------------------------------------------------
  const md: string[] = [];
  const versions = {
    ...installs.get("main")?.versions,
    ...installs.get("ozc")?.versions,
  };
  const pick = (k: string) => versions[k] ?? installedVersion(join(PEERS_DIR, "main"), k) ?? installedVersion(join(PEERS_DIR, "ozc"), k) ?? "(not installed)";
  const oursTs = installedVersion(CODEGEN, "openapi-typescript") ?? "?";
  const samples = loadSamples.length ? loadSamples : [loadavg()[0]!];
  md.push(`## Codegen speed — ${started.toISOString().slice(0, 16).replace("T", " ")} UTC${QUICK ? " (--quick)" : ""}`);
  md.push("");
  md.push(
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, tsc ${TSC_VERSION}. ` +
      `Runs: ${RUNS} per generator (median), tsc ${values["no-tsc"] ? "skipped" : `${TSC_RUNS} per output (our zod.gen.ts and hey-api's: ${Math.max(RUNS, TSC_RUNS)}, alternating)`}, timeout ${TIMEOUT_MS / 1000} s. ` +
      `Peak RSS from ${hasGnuTime ? "/usr/bin/time %M" : "/proc VmHWM polling"}.`,
  );
  md.push(
    `Load average (1 min) during the bench: min ${Math.min(...samples).toFixed(2)}, median ${median(samples)!.toFixed(2)}, max ${Math.max(...samples).toFixed(2)} ` +
      `(1/5/15 at start ${fmtLoad(loadAtStart)}, at end ${fmtLoad(loadavg())}).`,
  );
  md.push(
    `Versions: openapi-typescript ${pick("openapi-typescript")} (ours embeds ${oursTs}), @hey-api/openapi-ts ${pick("@hey-api/openapi-ts")}, orval ${pick("orval")}, ` +
      `Kubb ${pick("@kubb/core")}, openapi-zod-client ${pick("openapi-zod-client")}; outputs checked with zod ${pick("zod")}, msw ${pick("msw")}, @faker-js/faker ${pick("@faker-js/faker")}.`,
  );
  md.push(
    `Ours: tools/codegen/src at commit ${snapshot?.commit ?? "?"}${snapshot?.dirty.length ? ` with uncommitted changes in ${snapshot.dirty.join(", ")}` : " (clean)"}, snapshotted for the whole run; ` +
      `SPECFORGE_INVALID_EXAMPLES=warn.`,
  );
  for (const s of skipped) md.push(`\n> ${s}`);
  for (const [g, r] of installs) if (!r.ok) md.push(`\n> install of ${g} failed: ${r.reason}`);

  for (const r of results) {
    md.push("");
    md.push(`### ${r.key} — ${basename(r.file)} (${fmtBytes(r.bytes)}); load at start ${fmtLoad(r.load.start)}, at end ${fmtLoad(r.load.end)}`);
    md.push("");
    md.push(renderTable(r.rows));
    const errs = r.rows.filter((x) => x.tsc?.firstErrors.length);
    if (errs.length) {
      md.push("");
      md.push("<details><summary>first tsc errors</summary>\n");
      for (const x of errs) md.push(`- ${x.tool} ${x.task}: \`${x.tsc!.firstErrors[0]!.replace(/`/g, "'")}\``);
      md.push("\n</details>");
    }
    md.push("");
    md.push(...renderTimings(r));
  }

  // Targets: on GitHub's spec (or the first spec run, flagged as indicative).
  const target = results.find((r) => r.key === "github") ?? results[0];
  if (target) {
    md.push("");
    md.push(...renderTargets(target));
  }
  const text = md.join("\n") + "\n";
  process.stdout.write("\n" + text);
  const resultsDir = join(PEERS_DIR, "results");
  mkdirSync(resultsDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, "-").slice(0, 19);
  writeFileSync(join(resultsDir, `codegen-${stamp}.md`), text);
  writeFileSync(join(resultsDir, `codegen-${stamp}.json`), JSON.stringify({ started, quick: QUICK, runs: RUNS, versions, load: { start: loadAtStart, samples }, results }, null, 2));
  log(`results written to ${join(resultsDir, `codegen-${stamp}.md`)} (+ .json); logs in ${join(PEERS_DIR, "logs")}`);
  if (!results.length) broken = true;
}

function renderTimings(r: SpecResult): string[] {
  const out: string[] = [];
  const entries = Object.entries(r.timings);
  if (!entries.length) return out;
  const phases = ["load", "model", "types", "zod", "client", "mocks", "write"];
  out.push(`Our phases on ${r.key} (ms, \`generate().timings\`; separate tsx run; \`types\` runs in a worker in parallel with model/zod/client/mocks, so phases overlap):`);
  out.push("");
  out.push(`| targets | ${phases.join(" | ")} | generate() total | process wall s | peak MB |`);
  out.push(`|---|${phases.map(() => "---:").join("|")}|---:|---:|---:|`);
  for (const [targets, t] of entries) {
    if ("error" in t) {
      out.push(`| ${targets} | FAIL: ${t.error} |`);
      continue;
    }
    out.push(`| ${targets} | ${phases.map((p) => (t.timings[p] == null ? "—" : Math.round(t.timings[p]!).toString())).join(" | ")} | ${Math.round(t.totalMs)} | ${fmtS(t.wallS)} | ${fmtMB(t.peakMB)} |`);
  }
  return out;
}

/** Median over runs of a.walls[i] / b.walls[i] (paired: same run, same load). */
function pairedRatio(a: number[], b: number[]): number | null {
  const n = Math.min(a.length, b.length);
  const rs: number[] = [];
  for (let i = 0; i < n; i++) if (a[i]! > 0 && b[i]! > 0) rs.push(a[i]! / b[i]!);
  return median(rs);
}

function renderTargets(r: SpecResult): string[] {
  const row = (id: string) => r.rows.find((x) => x.id === id);
  const out: string[] = [];
  const verdict = (pass: boolean | null) => (pass == null ? "N/A" : pass ? "PASS" : "FAIL");
  const note = r.key === "github" ? "" : " (not GitHub's spec: indicative only)";
  out.push(`### Targets on ${r.key}${note}`);
  out.push("");
  out.push(
    `Ratios from this one run: each is the median over the ${RUNS} run(s) of the ratio within a run, the two generators running back to back ` +
      `(order alternating). Ours = the compiled CLI (what \`pnpm codegen\` runs: \`node tools/codegen/bin/codegen.mjs\` → dist/); the same sources run through tsx in brackets, not paired.`,
  );
  out.push("");
  const line = (n: number, pass: boolean | null, text: string) => out.push(`${n}. **${verdict(pass)}** — ${text}`);
  // The verdicts use the compiled CLI (`ours`); tsx from sources is reported in brackets.
  const ours = { emit: row("ours-js-zod-client-mocks"), all: row("ours-js-all"), zod: row("ours-tsx-zod") };
  const tsx = { emit: row("ours-tsx-zod-client-mocks"), all: row("ours-tsx-all") };

  // (1) emitters ≥ 4× faster than the fastest peer zod that type-checks clean.
  const cleanZod = r.rows.filter((x) => !x.ours && x.task === "zod" && x.ok && x.tsc?.errors === 0).sort((a, b) => a.wallS! - b.wallS!)[0];
  if (!cleanZod || !ours.emit?.ok) {
    line(1, null, `emitters (zod,client,mocks) vs fastest clean peer zod: ${!cleanZod ? "no peer zod ran and type-checked clean" : `ours failed (${ours.emit?.reason})`}`);
  } else {
    const speed = pairedRatio(cleanZod.walls, ours.emit.walls)!;
    const speedTsx = tsx.emit?.ok ? pairedRatio(cleanZod.walls, tsx.emit.walls) : null;
    line(
      1,
      speed >= 4,
      `ours zod,client,mocks ${fmtS(ours.emit.wallS)} s [tsx ${fmtS(tsx.emit?.wallS)} s] vs ${cleanZod.tool} zod ${fmtS(cleanZod.wallS)} s (fastest peer zod that type-checks clean): ` +
        `**${speed.toFixed(2)}× faster** [tsx ${speedTsx?.toFixed(2) ?? "—"}×]; need ≥ 4×`,
    );
  }
  // (2) whole codegen ≤ 1.3× openapi-typescript alone.
  const ots = row("ots-types");
  if (!ots?.ok || !ours.all?.ok) line(2, null, `all targets vs openapi-typescript alone: ${!ots?.ok ? `ots failed (${ots?.reason})` : `ours failed (${ours.all?.reason})`}`);
  else {
    const ratio = pairedRatio(ours.all.walls, ots.walls)!;
    const ratioTsx = tsx.all?.ok ? pairedRatio(tsx.all.walls, ots.walls) : null;
    line(
      2,
      ratio <= 1.3,
      `ours all targets ${fmtS(ours.all.wallS)} s [tsx ${fmtS(tsx.all?.wallS)} s] vs openapi-typescript alone ${fmtS(ots.wallS)} s: **${fmtX(ratio)}** [tsx ${fmtX(ratioTsx)}]; need ≤ 1.30×`,
    );
  }
  // (3) tsc of our zod ≤ half of hey-api's zod's.
  const hey = row("hey-api-zod");
  const zodTsc = ours.zod?.tsc ?? null;
  if (!hey?.tsc || hey.tsc.seconds == null) line(3, null, `tsc of our zod vs hey-api's zod: hey-api zod ${hey?.ok ? "did not type-check" : `failed (${hey?.reason ?? "not run"})`}`);
  else if (!zodTsc || zodTsc.seconds == null) line(3, null, `tsc of our zod: not measured (${ours.zod?.reason || zodTsc?.reason || "tsc failed"})`);
  else {
    const ratio = pairedRatio(zodTsc.runs, hey.tsc.runs)!;
    line(
      3,
      ratio <= 0.5 && zodTsc.errors === 0,
      `tsc --noEmit of our zod.gen.ts ${fmtS(zodTsc.seconds)} s (${tscResult(zodTsc)}, ${fmtMB(zodTsc.peakMB)} MB) vs hey-api's zod.gen.ts ${fmtS(hey.tsc.seconds)} s (${tscResult(hey.tsc)}, ${fmtMB(hey.tsc.peakMB)} MB) ` +
        `over ${zodTsc.runs.length} alternating run(s): **${fmtX(ratio)}**; need ≤ 0.50× and clean`,
    );
  }
  // (4) peak memory < 500 MB: the worst run of any of our CLI runs.
  const oursRows = r.rows.filter((x) => x.id.startsWith("ours-js-") && x.peaks.length);
  if (!oursRows.length) line(4, null, "our peak memory: not measured");
  else {
    const worstOf = (x: Row | undefined) => (x?.peaks.length ? Math.max(...x.peaks) : null);
    const worst = oursRows.sort((a, b) => worstOf(b)! - worstOf(a)!)[0]!;
    line(
      4,
      worstOf(worst)! < 500,
      `our peak RSS **${fmtMB(worstOf(worst))} MB** (${worst.tool} ${worst.task}, worst run; all targets ${fmtMB(worstOf(ours.all))} MB [tsx ${fmtMB(worstOf(tsx.all))} MB], ` +
        `zod,client,mocks ${fmtMB(worstOf(ours.emit))} MB [tsx ${fmtMB(worstOf(tsx.emit))} MB]); need < 500 MB`,
    );
  }
  return out;
}

try {
  await main();
} catch (err) {
  broken = true;
  log(`bench broke: ${(err as Error).stack ?? String(err)}`);
}
clearInterval(sampler);
process.exitCode = broken ? 1 : 0;
