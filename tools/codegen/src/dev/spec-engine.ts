import { Worker } from "node:worker_threads";
import type { DevPaths } from "./paths.js";
import { bundleSpec, createParseCache, EngineUnavailable, loadRedoclyEngine, loadSpecConfig, redoclyCliDir, type LintProblem, type RedoclyConfig, type RedoclyEngine } from "./redocly-engine.mjs";
import { createCliEngine } from "./cli-engine.js";

export type { LintProblem };

export interface SpecBundle {
  /** The texts `redocly bundle` writes to dist/openapi.yaml and dist/openapi.json; absent on errors. */
  readonly yaml?: string;
  json?: string;
  problems: LintProblem[];
}

/** `redocly lint` and `redocly bundle` of one spec, kept warm between runs. */
export interface SpecEngine {
  /** How it runs, for the start-up line. */
  readonly kind: string;
  lint(): Promise<LintProblem[]>;
  bundle(): Promise<SpecBundle>;
  /** redocly.yaml or the ignore file changed. */
  reloadConfig(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Redocly's engine in this process (bundle) and in a worker thread (lint, in parallel), or, when
 * the installed CLI has no in-process table or `cli` is set, the CLI as child processes.
 */
export async function createSpecEngine(paths: DevPaths, options: { cli?: boolean; repoRoot: string }): Promise<SpecEngine> {
  const cliDir = redoclyCliDir(options.repoRoot);
  if (options.cli) return createCliEngine(paths, cliDir, "redocly CLI (--cli)");
  let engine: RedoclyEngine;
  try {
    engine = await loadRedoclyEngine({ cliDir });
  } catch (err) {
    if (!(err instanceof EngineUnavailable)) throw err;
    return createCliEngine(paths, cliDir, `redocly CLI (in-process engine unavailable: ${err.message})`);
  }
  let config: RedoclyConfig = await loadSpecConfig(engine, paths.configFile);
  const cache = createParseCache(engine);
  const linter = await startLintWorker(paths, cliDir);
  return {
    kind: `in-process @redocly/cli ${engine.version} engine`,
    lint: () => linter.request("lint"),
    bundle: () => bundleSpec(engine, config, paths.entry, paths.root, cache),
    async reloadConfig() {
      config = await loadSpecConfig(engine, paths.configFile);
      await linter.request("reload");
    },
    close: () => linter.close(),
  };
}

async function startLintWorker(paths: DevPaths, cliDir: string) {
  const worker = new Worker(new URL("./lint-worker.mjs", import.meta.url), {
    workerData: { cliDir, configFile: paths.configFile, entry: paths.entry, cwd: paths.root },
  });
  type Reply = { id: number; ok: boolean; problems?: LintProblem[]; message?: string; ready?: boolean };
  const pending = new Map<number, { resolve(p: LintProblem[]): void; reject(e: Error): void }>();
  let nextId = 1;
  let failed: Error | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (msg: Reply) => {
      if (msg.ready) return resolve();
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.ok) p?.resolve(msg.problems ?? []);
      else p?.reject(new Error(msg.message));
    });
    worker.on("error", (err) => {
      failed = err;
      reject(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  });
  await ready;
  return {
    request(type: "lint" | "reload"): Promise<LintProblem[]> {
      if (failed) return Promise.reject(failed);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, type });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
