// Watch-mode latency: a one-line schema edit → regenerated packages on disk, with `pnpm dev`'s loop,
// side by side with the baseline of running `npx -y pnpm@12.4.2 generate` (turbo + the Redocly and
// codegen CLIs) after the same edit, in one run. Both work on private copies of the repo: the real
// spec is never edited.
//
//   npx tsx bench/dev/run.ts [--edits 20] [--baseline-edits 5]    (or: cd bench && npx -y pnpm@12.4.2 bench:dev)
import { fork } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { copyDevRoot } from "../../tools/codegen/src/dev/copy-root.js";
import type { DevEvent } from "../../tools/codegen/src/dev/dev-loop.js";
import { pnpmGenerate, turboCopy } from "./turbo-copy.js";
import { report, type Sample } from "./report.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const { values } = parseArgs({ options: { edits: { type: "string", default: "20" }, "baseline-edits": { type: "string", default: "5" } } });
const edits = Number(values.edits);
const baselineEdits = Math.min(edits, Number(values["baseline-edits"]));
const SCHEMA = "spec/components/schemas/User.yaml";
const TYPES = "packages/types/src/generated/types.gen.ts";
const log = (m: string) => process.stderr.write(`bench:dev: ${m}\n`);

/** The one-line edit: the schema's description, made unique per edit so every edit regenerates. */
function edit(root: string, marker: string): void {
  const file = join(root, SCHEMA);
  const text = readFileSync(file, "utf8");
  const next = text.replace(/^description: A user account.*$/m, `description: A user account (${marker}).`);
  if (next === text) throw new Error(`${SCHEMA}: no "description: A user account" line to edit`);
  writeFileSync(file, next);
}
const regenerated = (root: string, marker: string) => readFileSync(join(root, TYPES), "utf8").includes(`(${marker}).`);

const work = mkdtempSync(join(tmpdir(), "specforge-bench-dev-"));
const devRoot = copyDevRoot(repo, join(work, "dev"));
const turboRoot = join(work, "turbo");
mkdirSync(turboRoot);
log(`copies in ${work}; installing the baseline's copy (offline, from the pnpm store)`);
await turboCopy(repo, turboRoot);

// ---- the dev loop, as `pnpm dev` runs it -----------------------------------------------------
const tsx = pathToFileURL(createRequire(join(repo, "package.json")).resolve("tsx")).href;
const loop = fork(join(repo, "tools/codegen/src/dev/main.ts"), ["--root", devRoot], { execArgv: ["--import", tsx], stdio: ["ignore", "ignore", "inherit", "ipc"], env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
let waiting: ((e: DevEvent) => void) | undefined;
loop.on("message", (e: DevEvent) => waiting?.(e));
const nextEvent = (pred: (e: DevEvent) => boolean) =>
  new Promise<DevEvent>((resolve, reject) => {
    loop.once("exit", (code) => reject(new Error(`the dev loop exited (${code})`)));
    waiting = (e) => pred(e) && resolve(e);
  });
const t0 = performance.now();
await nextEvent((e) => e.type === "warm");
log(`dev loop started and warmed up in ${Math.round(performance.now() - t0)} ms`);

async function devEdit(i: number): Promise<Sample> {
  const marker = `dev ${i}`;
  const done = nextEvent((e) => e.type === "cycle" && e.trigger.includes(SCHEMA));
  const load = loadavg()[0]!;
  const start = performance.now();
  edit(devRoot, marker);
  const e = await done;
  const ms = performance.now() - start;
  if (e.type !== "cycle" || !e.ok || !regenerated(devRoot, marker)) throw new Error(`dev edit ${i} did not regenerate: ${JSON.stringify(e)}`);
  return { ms, load, phases: e.timings };
}

// ---- the baseline ----------------------------------------------------------------------------
log("baseline warm-up: one `pnpm generate` (builds the compiled codegen once, fills turbo's cache)");
const warm = await pnpmGenerate(turboRoot);
if (warm.code !== 0) throw new Error(`baseline warm-up failed:\n${warm.output}`);
async function baselineEdit(i: number): Promise<Sample> {
  const marker = `turbo ${i}`;
  edit(turboRoot, marker);
  const load = loadavg()[0]!;
  const r = await pnpmGenerate(turboRoot);
  if (r.code !== 0 || !regenerated(turboRoot, marker)) throw new Error(`baseline edit ${i} failed:\n${r.output}`);
  return { ms: r.ms, load };
}

// ---- pairs, alternating which side goes first; then the remaining dev edits -------------------
const dev: Sample[] = [];
const baseline: Sample[] = [];
const pairs: number[] = [];
const pause = () => new Promise((r) => setTimeout(r, 300));
for (let i = 0; i < edits; i++) {
  if (i < baselineEdits) {
    const [a, b] = i % 2 === 0 ? [await devEdit(i), await baselineEdit(i)] : [await baselineEdit(i), await devEdit(i)].reverse();
    dev.push(a!);
    baseline.push(b!);
    pairs.push(b!.ms / a!.ms);
    log(`edit ${i + 1}/${edits}: dev ${Math.round(a!.ms)} ms, pnpm generate ${Math.round(b!.ms)} ms`);
  } else {
    dev.push(await devEdit(i));
    log(`edit ${i + 1}/${edits}: dev ${Math.round(dev.at(-1)!.ms)} ms`);
  }
  await pause();
}
loop.kill("SIGTERM");
await new Promise((r) => loop.once("exit", r));
rmSync(work, { recursive: true, force: true });

const md = report({ dev, baseline, pairs, cores: cpus().length, node: process.version });
process.stdout.write(md);
const out = join(repo, "bench/.peers/results");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, `dev-${new Date().toISOString().replace(/[:.]/g, "-")}.md`), md);
