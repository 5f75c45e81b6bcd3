import { runJob, type Job } from "../../workers/run-job.js";
import { SpecError } from "../../load/spec-error.js";
import { generatedHeader, type EmitContext, type EmittedFile } from "../emitter.js";

/**
 * Starts openapi-typescript — the reference typing of OpenAPI for openapi-fetch — in a worker
 * thread that loads the spec itself, so it runs beside everything else from the first moment.
 */
export function startTypes(spec: string): Job<string> {
  const job = runJob<string>("emit/types/ots-job", { spec });
  return {
    result: job.result.catch((err: unknown) => {
      throw err instanceof SpecError ? err : new SpecError(spec, "", `openapi-typescript failed: ${(err as Error).message}`);
    }),
    cancel: job.cancel,
  };
}

export async function emitTypes(ctx: EmitContext, pending: Promise<string>): Promise<EmittedFile[]> {
  const body = await pending;
  return [{ path: "types.gen.ts", content: generatedHeader(ctx, "TypeScript types of the API (openapi-typescript).") + "\n" + body }];
}
