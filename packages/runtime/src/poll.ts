import { systemClock, type Clock } from "./clock.js";
import { DeadlineExceededError, JobFailedError } from "./errors/index.js";

export interface PollOptions<J> {
  /** Fetches the job's current representation (e.g. GET /exports/{id}); pass `signal` on, the deadline aborts it. Required. */
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
 * Polls a long-running job with growing intervals. The deadline also cuts a poll in flight: its
 * signal aborts, and the call rejects on time even if `fetch` ignores the signal. The last sleep is
 * shortened to land on the deadline, so the error fires on time instead of one full interval late.
 * The in-flight cut uses a real timer (a virtual `clock` still decides between polls).
 */
export async function pollJob<J>(options: PollOptions<J>): Promise<J> {
  const clock = options.clock ?? systemClock;
  const timeout = options.timeoutMs ?? 300_000;
  const deadline = clock.now() + timeout;
  let interval = options.intervalMs ?? 1_000;
  let job: J | undefined;
  const cut = AbortSignal.timeout(timeout);
  const signal = options.signal ? AbortSignal.any([options.signal, cut]) : cut;
  // Rejects as soon as the deadline (or the caller) aborts, whatever `fetch` does with the signal.
  const aborted = new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
  aborted.catch(() => undefined);
  try {
    for (let attempt = 0; ; attempt++) {
      job = await Promise.race([options.fetch(signal), aborted]);
      options.onPoll?.(job, attempt);
      if ((options.isDone ?? ((j) => status(j) === "completed"))(job)) return job;
      if ((options.isFailed ?? ((j) => status(j) === "failed"))(job)) throw new JobFailedError("Job failed", { job });
      const left = deadline - clock.now();
      if (left <= 0) break;
      await clock.sleep(Math.min(interval, left), signal);
      interval = Math.min(options.maxIntervalMs ?? 10_000, interval * (options.multiplier ?? 1.5));
    }
  } catch (e) {
    // The deadline's abort surfaces as whatever the poll rejected with (e.g. the runtime's AbortError).
    if (!cut.aborted || options.signal?.aborted) throw e;
  }
  throw new DeadlineExceededError(`Job did not finish within ${timeout} ms`, { deadlineMs: timeout, lastValue: job });
}
