import { Worker } from "node:worker_threads";
import { Message, SpecError } from "../load/spec-error.js";

export interface Job<T> {
  result: Promise<T>;
  /** Stops the worker (another phase failed, so its result is no longer wanted). */
  cancel(): void;
}

interface Reply {
  ok: boolean;
  value?: unknown;
  name?: string;
  message?: string;
  file?: string;
  pointer?: string;
  problem?: string;
  line?: number;
}

/**
 * Runs `run(input)` of the module `src/<job>` in a worker thread. On a 2-core machine this is how
 * codegen overlaps independent phases; a SpecError thrown in the worker comes back as one.
 */
export function runJob<T>(job: string, input: unknown): Job<T> {
  let cancelled = false;
  // A smaller young generation than V8's default: two workers run at once, and the garbage each
  // keeps between scavenges adds to peak RSS (~30 MB less on GitHub's spec, same CPU time).
  const worker = new Worker(new URL("./bootstrap.mjs", import.meta.url), { workerData: { job, input }, resourceLimits: { maxYoungGenerationSizeMb: 24 } });
  const result = new Promise<T>((resolve, reject) => {
    worker.once("message", (msg: Reply) => {
      void worker.terminate();
      if (msg.ok) resolve(msg.value as T);
      // The worker's SpecError made its problem safe to show already (one rule, see SpecError): kept as it is.
      else if (msg.name === "SpecError" && msg.file !== undefined) reject(new SpecError(msg.file, msg.pointer ?? "", msg.problem !== undefined ? new Message(msg.problem) : (msg.message ?? ""), msg.line));
      else reject(new Error(`${job} (worker): ${msg.message}`));
    });
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error(cancelled ? `${job}: cancelled` : `${job}: worker exited without a result`)));
  });
  result.catch(() => {}); // the caller awaits it; no unhandled rejection meanwhile
  return {
    result,
    cancel() {
      cancelled = true;
      void worker.terminate();
    },
  };
}
