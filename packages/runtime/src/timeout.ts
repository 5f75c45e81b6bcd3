import { AbortError, TimeoutError } from "./errors/index.js";

/**
 * An AbortSignal fed by the caller's signals and a timer, which remembers *why* it fired so the
 * runtime can tell a caller's abort (never retried) from a timeout (retryable per attempt).
 */
export class LinkedSignal {
  readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly unlinks: Array<() => void> = [];

  constructor(
    parents: ReadonlyArray<AbortSignal | undefined>,
    timeoutMs: number | undefined,
    kind: "attempt" | "total",
    requestId?: string,
  ) {
    for (const parent of parents) {
      if (!parent) continue;
      if (parent.aborted) {
        this.abortFrom(parent);
        break;
      }
      const onAbort = (): void => this.abortFrom(parent);
      parent.addEventListener("abort", onAbort, { once: true });
      this.unlinks.push(() => parent.removeEventListener("abort", onAbort));
    }
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs) && !this.controller.signal.aborted) {
      this.timer = setTimeout(() => {
        this.controller.abort(
          new TimeoutError(`Request timed out after ${timeoutMs} ms (${kind})`, { kind, timeoutMs, requestId }),
        );
      }, Math.max(0, timeoutMs));
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  private abortFrom(parent: AbortSignal): void {
    // Runtime errors from an enclosing LinkedSignal pass through untouched so a total timeout stays a
    // TimeoutError in the attempt; anything else came from the caller and becomes AbortError.
    const reason: unknown = parent.reason;
    if (reason instanceof TimeoutError || reason instanceof AbortError) this.controller.abort(reason);
    else this.controller.abort(new AbortError("Request aborted by caller", { cause: reason }));
  }

  /** Stops the timer, e.g. once headers arrived: the timeout budget covers waiting for a response. */
  disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops the timer and detaches from the parents; for attempts whose response is discarded. */
  dispose(): void {
    this.disarm();
    for (const unlink of this.unlinks) unlink();
    this.unlinks.length = 0;
  }
}
