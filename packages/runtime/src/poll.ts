import { systemClock, type Clock } from "./clock.js";
import { DeadlineExceededError, JobFailedError } from "./errors/index.js";

export interface PollOptions<J> {
  /** Fetches the job's current representation (e.g. GET /exports/{id}). Required. */
  fetch: (signal: AbortSignal | undefined) => Promise<J>;
  /** Finished successfully. Default: `job.status === "completed"`. */
  isDone?: (job: J) => boolean;
  /** Finished unsuccessfully; throws JobFailedError. Default: `job.status === "failed"`. */
  isFailed?: (job: J) => boolean;
  /** First wait between polls. Default: 1_000 ms. */
  intervalMs?: number;
  /** Longest wait between polls. Default: 10_000 ms. */
  maxIntervalMs?: number;
  /** Growth per poll. Default: 1.5. */
  multiplier?: number;
  /** Give up after this long with DeadlineExceededError. Default: 300_000 ms. */
  timeoutMs?: number;
  /** Called with every polled representation, e.g. for progress bars. Default: none. */
  onPoll?: (job: J, attempt: number) => void;
  /** Stops polling; rejects with the signal's reason. Default: none. */
  signal?: AbortSignal;
  /** Time source and sleeper. Default: real time. */
  clock?: Clock;
}

const status = (job: unknown): unknown => (job as { status?: unknown } | null)?.status;

/**
 * Polls a long-running job with growing intervals. The last sleep is shortened to land on the
 * deadline, so the error fires on time instead of one full interval late.
 */
export async function pollJob<J>(options: PollOptions<J>): Promise<J> {
  const clock = options.clock ?? systemClock;
  const isDone = options.isDone ?? ((j) => status(j) === "completed");
  const isFailed = options.isFailed ?? ((j) => status(j) === "failed");
  const timeout = options.timeoutMs ?? 300_000;
  const deadline = clock.now() + timeout;
  let interval = options.intervalMs ?? 1_000;
  for (let attempt = 0; ; attempt++) {
    const job = await options.fetch(options.signal);
    options.onPoll?.(job, attempt);
    if (isDone(job)) return job;
    if (isFailed(job)) throw new JobFailedError("Job failed", { job });
    const left = deadline - clock.now();
    if (left <= 0) {
      throw new DeadlineExceededError(`Job did not finish within ${timeout} ms`, { deadlineMs: timeout, lastValue: job });
    }
    await clock.sleep(Math.min(interval, left), options.signal);
    interval = Math.min(options.maxIntervalMs ?? 10_000, interval * (options.multiplier ?? 1.5));
  }
}
