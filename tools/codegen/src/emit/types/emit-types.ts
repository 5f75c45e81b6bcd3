import { Worker } from "node:worker_threads";
import { generatedHeader, type EmitContext, type EmittedFile } from "../emitter.js";
import { SpecError } from "../../load/spec-error.js";

/**
 * Starts openapi-typescript — the reference typing of OpenAPI for openapi-fetch — in a worker
 * thread on the bundled document, as soon as the document is loaded.
 */
export function startTypes(document: Record<string, unknown>, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./ots-worker.mjs", import.meta.url), { workerData: { document } });
    worker.once("message", (msg: { ok: boolean; text?: string; message?: string }) => {
      void worker.terminate();
      if (msg.ok) resolve(msg.text!);
      else reject(new SpecError(file, "", `openapi-typescript failed: ${msg.message}`));
    });
    worker.once("error", reject);
  });
}

export async function emitTypes(ctx: EmitContext, pending: Promise<string>): Promise<EmittedFile[]> {
  const body = await pending;
  return [{ path: "types.gen.ts", content: generatedHeader(ctx, "TypeScript types of the API (openapi-typescript).") + "\n" + body }];
}
