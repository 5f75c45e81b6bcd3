// Runs openapi-typescript off the main thread: it is the slowest emitter (it builds a full
// TypeScript AST), and on a 2-core machine it overlaps with the model and our own emitters.
// One-shot with `workerData.document` (generate()); otherwise long-lived (the dev loop keeps
// openapi-typescript and TypeScript loaded): one `{ id, document }` message in, one reply out.
import { parentPort, workerData } from "node:worker_threads";
import openapiTS, { astToString } from "openapi-typescript";

async function typesOf(document) {
  try {
    const ast = await openapiTS(document, {
      silent: true,
      alphabetize: false,
      // A default does not make a property present: requests may omit it, and JSON Schema does not
      // promise a response includes it (this also matches the zod module's inferred types).
      defaultNonNullable: false,
    });
    return { ok: true, text: astToString(ast) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

if (workerData?.document) parentPort.postMessage(await typesOf(workerData.document));
else parentPort.on("message", async ({ id, document }) => parentPort.postMessage({ id, ...(await typesOf(document)) }));
