import { later } from "./clock.js";
import { AbortError, TimeoutError } from "./errors/index.js";

/** The TimeoutError of a budget that ran out, whichever timer noticed (a signal's, or undici's). */
export function timedOut(kind: "attempt" | "total", timeoutMs: number, requestId: string | undefined, cause?: unknown): TimeoutError {
  return new TimeoutError(`Request timed out after ${timeoutMs} ms (${kind})`, { kind, timeoutMs, requestId, cause });
}

/**
 * One abort listener per parent signal, however many requests link to it: a caller's signal shared
 * by many concurrent calls would otherwise collect a listener each (and Node warns past 10).
 */
const fanOut = new WeakMap<AbortSignal, Set<() => void>>();

/** Links kept for a body the caller reads, dropped once that body is collected. */
const reading = new FinalizationRegistry<LinkedSignal>((s) => s.dispose());

/**
 * An AbortSignal fed by the caller's signals and a timer, which remembers *why* it fired so the
 * runtime can tell a caller's abort (never retried) from a timeout (retryable per attempt).
 * With no parent and no timeout it creates nothing: handing fetch a signal is not free in Node
 * (undici links every request signal with a WeakRef and a FinalizationRegistry entry).
 */
export class LinkedSignal {
  // Declared only: assigned when needed, so a LinkedSignal that links nothing holds no signal.
  declare readonly signal: AbortSignal | undefined;
  readonly #controller: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #unlink: (() => void) | undefined;

  /** `ids`: what names the request in the TimeoutError, read only if the timer fires (see Context). */
  constructor(parent: AbortSignal | undefined, timeoutMs: number | undefined, kind: "attempt" | "total", ids?: { readonly requestId: string | undefined }) {
    const timed = timeoutMs! > 0 && timeoutMs! < Infinity;
    if (!timed && !parent) return;
    const controller = (this.#controller = new AbortController());
    this.signal = controller.signal;
    if (parent?.aborted) this.#abortFrom(parent);
    else if (parent) {
      let fans = fanOut.get(parent);
      if (!fans) {
        fanOut.set(parent, (fans = new Set()));
        // A signal aborts once, so this listener runs at most once.
        parent.addEventListener("abort", () => fans!.forEach((f) => f()));
      }
      const onAbort = (): void => this.#abortFrom(parent);
      fans.add(onAbort);
      this.#unlink = () => fans.delete(onAbort);
    }
    if (timed && !controller.signal.aborted) {
      this.#timer = later(() => {
        controller.abort(timedOut(kind, timeoutMs!, ids?.requestId));
      }, timeoutMs!);
    }
  }

  #abortFrom(parent: AbortSignal): void {
    // Runtime errors from an enclosing LinkedSignal pass through untouched so a total timeout stays a
    // TimeoutError in the attempt; anything else came from the caller and becomes AbortError.
    const reason: unknown = parent.reason;
    this.#controller!.abort(reason instanceof TimeoutError || reason instanceof AbortError ? reason : new AbortError("Request aborted by caller", { cause: reason }));
  }

  /** Stops the timer, e.g. once headers arrived: the timeout budget covers waiting for a response. */
  disarm(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /**
   * Stops the timer; the link to the parent stays while `body` is in use (the caller's abort must
   * still stop its read), not for as long as the parent lives: an app-wide signal passed to every
   * call would keep each call's link.
   */
  release(body: ReadableStream | null): void {
    this.disarm();
    if (this.#unlink) body ? reading.register(body, this) : this.dispose();
  }

  /** Stops the timer and detaches from the parent; for attempts whose response is discarded or read. */
  dispose(): void {
    this.disarm();
    this.#unlink?.();
    this.#unlink = undefined;
  }
}
