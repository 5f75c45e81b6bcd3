// openapi-typescript in a long-lived worker (the dev loop keeps openapi-typescript and TypeScript
// loaded between edits): one `{ id, document }` message in, one `{ id, ok, text | message }` out.
// generate() uses the one-shot ots-job.ts instead, which loads the spec itself.
import { parentPort } from "node:worker_threads";
import openapiTS, { astToString } from "openapi-typescript";
import { OTS_OPTIONS } from "./ots-options.mjs";

async function typesOf(document) {
  try {
    return { ok: true, text: astToString(await openapiTS(document, OTS_OPTIONS)) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

parentPort.on("message", async ({ id, document }) => parentPort.postMessage({ id, ...(await typesOf(document)) }));
