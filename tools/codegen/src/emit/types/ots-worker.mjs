// openapi-typescript in a long-lived worker (the dev loop keeps openapi-typescript and TypeScript
// loaded between edits): one `{ id, document }` message in, one `{ id, ok, text | message }` out.
// generate() uses the one-shot ots-job.ts instead, which loads the spec itself.
import { parentPort } from "node:worker_threads";
import { typesSource } from "./ots-source.mjs";

function typesOf(document) {
  try {
    return { ok: true, text: typesSource(document) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

parentPort.on("message", ({ id, document }) => parentPort.postMessage({ id, ...typesOf(document) }));
