import { Worker } from "node:worker_threads";
import { SpecError } from "../load/spec-error.js";

/**
 * openapi-typescript in a long-lived worker: the per-run worker of generate() spends about a
 * second importing openapi-typescript and TypeScript, which the dev loop pays once.
 */
export function startTypesWorker() {
  const worker = new Worker(new URL("../emit/types/ots-worker.mjs", import.meta.url));
  type Reply = { id: number; ok: boolean; text?: string; message?: string };
  const pending = new Map<number, { file: string; resolve(text: string): void; reject(err: Error): void }>();
  let failed: Error | undefined;
  let nextId = 1;
  worker.on("message", (msg: Reply) => {
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (!p) return;
    if (msg.ok) p.resolve(msg.text!);
    else p.reject(new SpecError(p.file, "", `openapi-typescript failed: ${msg.message}`));
  });
  worker.on("error", (err) => {
    failed = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  });
  return {
    /** openapi-typescript's output for a bundled document (what startTypes gives generate()). */
    types(document: Record<string, unknown>, file: string): Promise<string> {
      if (failed) return Promise.reject(failed);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { file, resolve, reject });
        worker.postMessage({ id, document });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

export type TypesWorker = ReturnType<typeof startTypesWorker>;
