// Entry of every codegen worker thread: loads the job module named in workerData and posts back
// what its `run()` returns. Run from the TypeScript sources (tsx, vitest), a worker thread has no
// TS loader of its own, so it registers tsx first; the compiled build (dist/) needs none.
import { existsSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const compiled = existsSync(new URL(`../${workerData.job}.js`, import.meta.url));
try {
  if (!compiled) (await import("tsx/esm/api")).register();
  const mod = await import(new URL(`../${workerData.job}.${compiled ? "js" : "ts"}`, import.meta.url).href);
  parentPort.postMessage({ ok: true, value: await mod.run(workerData.input) });
} catch (err) {
  parentPort.postMessage({ ok: false, name: err?.name, message: err instanceof Error ? err.message : String(err), file: err?.file, pointer: err?.pointer, problem: err?.problem, line: err?.line });
}
