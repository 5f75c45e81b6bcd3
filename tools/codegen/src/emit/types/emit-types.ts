import { runJob, type Job } from "../../workers/run-job.js";
import { SpecError } from "../../load/spec-error.js";
import { declarationOutput, generatedHeader, type EmitOptions, type EmittedFile } from "../emitter.js";
import { escapeInvisible } from "../inert.js";

/**
 * Starts openapi-typescript — the reference typing of OpenAPI for openapi-fetch — in a worker
 * thread that loads the spec itself, so it runs beside everything else from the first moment.
 * `inThread` runs it here instead: for many small specs in one process (tests, scripts), where
 * loading TypeScript anew in every worker costs more than the overlap saves.
 */
export function startTypes(spec: string, inThread = false): Job<string> {
  const job: Job<string> = inThread ? { result: import("./ots-job.js").then((m) => m.run({ spec })), cancel() {} } : runJob<string>("emit/types/ots-job", { spec });
  const result = job.result.catch((err: unknown) => {
    throw err instanceof SpecError ? err : new SpecError(spec, "", `openapi-typescript failed: ${(err as Error).message}`);
  });
  result.catch(() => {}); // not awaited when another phase failed first
  return { result, cancel: job.cancel };
}

/**
 * openapi-typescript quotes names and values with TypeScript's printer and escapes comment
 * terminators in its JSDoc, so spec text cannot leave a literal or a comment; what it leaves raw
 * (line separators, bidi controls, other controls inside comments and some literals) is escaped here.
 */
export function typesFiles(ctx: { options: Pick<EmitOptions, "specLabel"> }, body: string, operations = 0): EmittedFile[] {
  // openapi-typescript's output is declarations only (unless an option made it emit values): as a
  // .d.ts, a consumer's tsc resolves what it uses instead of checking every type (see declarationOutput).
  const path = declarationOutput(operations) && !RUNTIME_STATEMENT.test(body) ? "types.gen.d.ts" : "types.gen.ts";
  return [{ path, content: generatedHeader(ctx, "TypeScript types of the API (openapi-typescript).") + "\n" + escapeInvisible(body) }];
}

/** A top-level statement with a run-time value, which a declaration file cannot hold. */
const RUNTIME_STATEMENT = /^(?:export\s+)?(?:const|let|var|function|class|enum|default|import\s+(?!type\b))/m;
