// Runs openapi-typescript off the main thread: it is the slowest emitter (it builds a full
// TypeScript AST), and on a 2-core machine it overlaps with the model and our own emitters.
import { parentPort, workerData } from "node:worker_threads";
import openapiTS, { astToString } from "openapi-typescript";

try {
  const ast = await openapiTS(workerData.document, {
    silent: true,
    alphabetize: false,
    // A default does not make a property present: requests may omit it, and JSON Schema does not
    // promise a response includes it (this also matches the zod module's inferred types).
    defaultNonNullable: false,
  });
  parentPort.postMessage({ ok: true, text: astToString(ast) });
} catch (err) {
  parentPort.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
