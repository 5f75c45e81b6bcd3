/**
 * Time source and sleeper. Everything that waits goes through this so tests (and callers with
 * their own schedulers) can compress time without fake timers fighting real sockets.
 */
export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` if the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * setTimeout that keeps a long delay: past 2^31 - 1 ms setTimeout fires at once (a timeout or a
 * server-given wait that large would end at once); the longest wait it can keep instead.
 */
export const later = (fn: () => void, ms: number): ReturnType<typeof setTimeout> => setTimeout(fn, Math.min(ms, 2 ** 31 - 1));

/** Rejects with the signal's reason (undefined on engines from before 2022: the runtime still maps that abort to AbortError). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0 && !signal) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = later(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export const systemClock: Clock = { now: () => Date.now(), sleep };
