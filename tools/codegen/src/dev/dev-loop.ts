import { statSync } from "node:fs";
import { relative } from "node:path";
import { loadDevPaths, type DevPaths } from "./paths.js";
import { createSpecEngine, type LintProblem, type SpecBundle, type SpecEngine } from "./spec-engine.js";
import { findPackageTargets, type PackageTarget } from "./targets.js";
import { startTypesWorker, type TypesWorker } from "./types-worker.js";
import { regenerate, type Regenerated } from "./regenerate.js";
import { writeChanged, writeFileIfChanged } from "./write-changed.js";
import { formatProblem, problemFromError, uniqueProblems } from "./problems.js";
import { terminalText } from "../terminal-text.mjs";
import { watchTree } from "./watch-tree.mjs";

export interface DevLoopOptions {
  /** Folder holding spec/ and packages/ (default: none, required). */
  root: string;
  /** The repository whose spec/node_modules has @redocly/cli (default: `root`). */
  repoRoot?: string;
  /** Run the Redocly CLI as child processes instead of its engine in-process (default false). */
  cli?: boolean;
  /** Quiet time after the last file event before a run starts, in ms (default 25). */
  debounceMs?: number;
  /** Where the human-readable lines go (default: stdout). */
  log?: (line: string) => void;
  /** Every run's outcome, for a supervisor, tests and the bench (default: none). */
  onEvent?: (event: DevEvent) => void;
}

export type DevEvent =
  | { type: "ready"; engine: string; packages: string[] }
  /** The warm-up pass after the first run is over: from now on a save is served at full speed. */
  | { type: "warm" }
  | { type: "cycle"; ok: true; ms: number; trigger: string[]; bundleChanged: boolean; written: string[]; timings: Record<string, number> }
  | { type: "cycle"; ok: false; ms: number; trigger: string[]; stage: "lint" | "bundle" | "generate"; problems: LintProblem[]; repeated: boolean };

export interface DevLoop {
  readonly paths: DevPaths;
  close(): Promise<void>;
}

// Spec sources: YAML/JSON files and the lint ignore file; dist/ is our own output.
const SOURCE = /\.(ya?ml|json)$/;
const CONFIG = /^(redocly\.yaml|\.redocly\.lint-ignore\.yaml)$/;

/**
 * The watch loop of `pnpm dev`: on a change under spec/, lint (worker thread) while bundling and
 * regenerating every package in memory, then — only if the lint and the generators passed —
 * write the bundle and the generated files whose bytes changed. On any error the last good
 * output stays, the problems are printed once, and the loop waits for the next change.
 */
export async function startDevLoop(options: DevLoopOptions): Promise<DevLoop> {
  const paths = await loadDevPaths(options.root);
  const log = options.log ?? ((line: string) => process.stdout.write(line + "\n"));
  const emit = options.onEvent ?? (() => {});
  const debounceMs = options.debounceMs ?? 25;
  const rel = (p: string) => relative(paths.root, p) || p;

  const { packages: all, skipped } = findPackageTargets(paths.packagesDir, paths.config);
  for (const s of skipped) log(`dev: not regenerated on save: ${s}`);
  const packages: PackageTarget[] = [];
  for (const p of all) {
    if (p.spec === paths.distJson) packages.push(p);
    else log(`dev: not regenerated on save: ${p.name} generates from ${rel(p.spec)}, not ${rel(paths.distJson)}`);
  }
  const engine: SpecEngine = await createSpecEngine(paths, { repoRoot: options.repoRoot ?? paths.root, ...(options.cli ? { cli: true } : {}) });
  const typesWorker: TypesWorker = startTypesWorker();

  let published: string | undefined; // bundle JSON of the last run that wrote its output
  let lastFailure: string | undefined;
  let lastWarnings = "";
  let pending = new Set<string>();
  let configChanged = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const fail = (t0: number, trigger: string[], stage: "lint" | "bundle" | "generate", problems: LintProblem[]) => {
    const list = uniqueProblems(problems);
    const text = list.map(formatProblem).join("\n");
    const repeated = text === lastFailure;
    const count = `${list.length} problem${list.length === 1 ? "" : "s"}`;
    if (repeated) log(`dev: ✗ ${stage}: the same ${count} as above — generated output unchanged`);
    else log(`dev: ✗ ${stage} failed (${count}) — generated output unchanged, fix and save\n${text}`);
    lastFailure = text;
    emit({ type: "cycle", ok: false, ms: performance.now() - t0, trigger, stage, problems: list, repeated });
  };

  const cycle = async (trigger: string[]) => {
    const t0 = performance.now();
    if (configChanged) {
      configChanged = false;
      try {
        await engine.reloadConfig();
      } catch (err) {
        return fail(t0, trigger, "lint", [problemFromError(err, paths.root, "config")]);
      }
    }
    // Milliseconds from the start of the run to the end of each phase (phases overlap).
    const at: Record<string, number> = {};
    const mark = (phase: string) => (at[phase] = performance.now() - t0);
    const linting = engine
      .lint()
      .catch((err: unknown) => [problemFromError(err, paths.root, "yaml")])
      .finally(() => mark("lint"));
    let bundle: SpecBundle;
    try {
      bundle = await engine.bundle();
    } catch (err) {
      bundle = { problems: [problemFromError(err, paths.root, "yaml")] };
    }
    mark("bundle");
    let generated: Regenerated | undefined;
    let genError: unknown;
    const bundleChanged = bundle.json !== undefined && bundle.json !== published;
    if (bundleChanged) {
      try {
        generated = await regenerate(paths.distJson, bundle.json!, packages, typesWorker);
      } catch (err) {
        genError = err;
      }
      mark("generate");
    }
    const lint = await linting;
    if (lint.some((p) => p.severity === "error")) return fail(t0, trigger, "lint", lint);
    if (bundle.json === undefined) return fail(t0, trigger, "bundle", bundle.problems);
    if (genError !== undefined) return fail(t0, trigger, "generate", [problemFromError(genError, paths.root, "codegen")]);

    const written: string[] = [];
    if (bundleChanged) {
      if (writeFileIfChanged(paths.distYaml, bundle.yaml!)) written.push(rel(paths.distYaml));
      if (writeFileIfChanged(paths.distJson, bundle.json)) written.push(rel(paths.distJson));
      for (const { pkg, files } of generated!.outputs) {
        const report = writeChanged(pkg.out, files);
        for (const f of [...report.written, ...report.removed]) written.push(rel(`${pkg.out}/${f}`));
      }
      published = bundle.json;
      mark("write");
    }
    const ms = performance.now() - t0;
    lastFailure = undefined;
    const warnings = [...lint, ...bundle.problems.filter((p) => p.severity === "warn")].map(formatProblem);
    for (const w of generated?.warnings ?? []) warnings.push(`  codegen warning: ${terminalText(`${w.pointer}: ${w.message}`, true)}`);
    const warningText = [...new Set(warnings)].join("\n");
    if (warningText && warningText !== lastWarnings) log(`dev: warnings:\n${warningText}`);
    lastWarnings = warningText;
    const what = !bundleChanged ? "bundle unchanged, nothing to regenerate" : written.length ? `wrote ${summarize(written)}` : "generated output already up to date";
    log(`dev: ✓ ${Math.round(ms)} ms (${trigger.join(", ") || "start"}): ${what}`);
    emit({ type: "cycle", ok: true, ms, trigger, bundleChanged, written, timings: at });
  };

  // One silent pass after the first run: the first save is then as fast as the ones after it
  // (V8 has optimised lint, bundle and the emitters). Changes meanwhile wait for it.
  const warmUp = async () => {
    const [, bundle] = await Promise.all([engine.lint(), engine.bundle()]);
    if (bundle.json !== undefined) await regenerate(paths.distJson, bundle.json, packages, typesWorker);
  };
  let warmed = false;

  const run = () => {
    timer = undefined;
    if (running || closed) return;
    const trigger = [...pending].sort();
    pending = new Set();
    running = cycle(trigger)
      .then(async () => {
        if (warmed || closed || pending.size) return;
        warmed = true;
        await warmUp().catch(() => {});
        emit({ type: "warm" });
      })
      .catch((err: unknown) => log(`dev: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`))
      .finally(() => {
        running = undefined;
        if (pending.size && !closed) schedule();
      });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  const watcher = watchTree(paths.specDir, {
    ignore: (file) => /^(dist|node_modules|plugins)(\/|$)/.test(file),
    onChange(file) {
      const base = file.split("/").pop()!;
      if (CONFIG.test(base) && !file.includes("/")) configChanged = true;
      else if ((!SOURCE.test(base) || base.startsWith(".")) && !isDirectory(`${paths.specDir}/${file}`)) return;
      pending.add(rel(`${paths.specDir}/${file}`));
      if (!running) schedule();
    },
  });

  log(`dev: watching ${rel(paths.specDir)}/ with the ${engine.kind}; regenerating ${packages.map((p) => p.name).join(", ")}`);
  emit({ type: "ready", engine: engine.kind, packages: packages.map((p) => p.name) });
  run();

  return {
    paths,
    async close() {
      closed = true;
      watcher.close();
      if (timer) clearTimeout(timer);
      await running;
      await Promise.all([engine.close(), typesWorker.close()]);
    },
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function summarize(files: string[]): string {
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const at = f.lastIndexOf("/generated/");
    const dir = at >= 0 ? f.slice(0, at + "/generated".length) : f.slice(0, f.lastIndexOf("/"));
    const name = f.slice(dir.length + 1);
    byDir.set(dir, [...(byDir.get(dir) ?? []), name]);
  }
  return [...byDir].map(([dir, names]) => `${dir}/{${names.join(", ")}}`).join(", ");
}
