import type { FetchFn } from "./options.js";

/**
 * Per-attempt timeouts without a per-request AbortSignal, where the platform allows it.
 *
 * Handing Node's fetch (undici) a signal costs about 10 % of a loopback request: it links every
 * request signal with a WeakRef and a FinalizationRegistry entry. undici already arms a headers
 * and a body timer for every request (300 s by default) and reads per-request overrides from the
 * dispatch options, so a dispatcher that only sets those two numbers gives a timeout for free.
 * Its timers tick every 500 ms, hence the floor below: under it (and in browsers, Deno, Bun, or
 * with an injected fetch, which may ignore `dispatcher`) the runtime uses a signal as before.
 */
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

/** The fetch this module saw at load; a different global fetch later (a mock, a polyfill) may not read `dispatcher`. */
const loadedFetch = globalThis.fetch;

interface Dispatcher {
  /** The timeout it sets, so a runtime reuses it while that stays the same. */
  ms?: number;
  dispatch(options: { headersTimeout?: number; bodyTimeout?: number }, handler: unknown): boolean;
}

/** Timeouts shorter than this use a signal: undici's coarse timers could fire up to a second late. Tests lower it. */
export const nativeTimeouts = { minMs: 10_000 };

/**
 * A dispatcher for `init.dispatcher` that delegates to the current global one (so a proxy or mock
 * agent set with setGlobalDispatcher still applies) with `timeoutMs` until the headers, and with
 * `body` also as the longest silence while the body streams in. Undefined when unavailable.
 */
export function nativeTimeout(injected: FetchFn | undefined, timeoutMs: number, body: boolean): Dispatcher | undefined {
  const g = globalThis as unknown as Record<symbol, Dispatcher | undefined>;
  if (!injected && timeoutMs >= nativeTimeouts.minMs && timeoutMs < Infinity && globalThis.fetch === loadedFetch && g[GLOBAL_DISPATCHER]?.dispatch) {
    // Reused while the timeout stays the same (a runtime mostly uses one): one per body flag.
    const i = +body;
    const last = made[i];
    if (last?.ms === timeoutMs) return last;
    // undefined leaves undici's own body timeout (300 s) for a body the caller reads.
    return (made[i] = { ms: timeoutMs, dispatch: (options, handler) => ((options.headersTimeout = timeoutMs), (options.bodyTimeout = body ? timeoutMs : undefined), g[GLOBAL_DISPATCHER]!.dispatch(options, handler)) });
  }
  return undefined;
}

/** The last dispatcher made, for headers only [0] and with the body [1]; they hold no state, so calls share them. */
const made: Dispatcher[] = [];
