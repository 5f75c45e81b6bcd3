import { systemClock, type Clock } from "./clock.js";
import { ApiError, ConnectionError, readErrorResponse, ValidationError } from "./errors/index.js";
import type { FetchFn } from "./options.js";
import { parseSSEStream, SSEParser, type SSEMessage } from "./sse.js";

export interface SSEEvent<T> {
  event: string;
  data: T;
  id: string | undefined;
}

export interface ConnectContext {
  /** Send as `Last-Event-ID` so the server resumes after it; undefined on the first connection. */
  lastEventId: string | undefined;
  signal: AbortSignal;
  /** Consecutive reconnect attempt, 0 for the first connection. */
  attempt: number;
}

export interface StreamEventsOptions<T> {
  /** Opens the stream. Default: GET `url` with `fetch`, sending Accept and Last-Event-ID. */
  connect?: (ctx: ConnectContext) => Promise<Response>;
  /** URL for the default connect. Default: none (then `connect` is required). */
  url?: string;
  /** fetch for the default connect, e.g. runtime.fetch. Default: globalThis.fetch. */
  fetch?: FetchFn;
  /** Extra init for the default connect. Default: none. */
  init?: RequestInit;
  /** Turns decoded data into T (e.g. a zod schema's `parse`); a throw becomes ValidationError. Default: identity. */
  parse?: (data: unknown, message: SSEMessage) => T;
  /** JSON-decode `data` before `parse` (non-JSON stays a string). Default: true. */
  json?: boolean;
  /** Reconnect policy, or false to end on the first drop. Default: 3 attempts, 3_000 ms unless the server sent `retry:`. */
  reconnect?: false | { maxAttempts?: number; delayMs?: number; onEnd?: boolean };
  /** Ends the iteration (without error) when it aborts. Default: none. */
  signal?: AbortSignal;
  /** Sleeper for reconnect delays. Default: real time. */
  clock?: Clock;
}

function decode(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/**
 * Typed SSE consumption with resumable reconnects. A dropped connection (read error) reconnects with
 * `Last-Event-ID` after the server's `retry:` delay (at most 60 s); a clean end finishes unless `reconnect.onEnd`.
 * Breaking out of `for await` aborts the in-flight request.
 */
export async function* streamEvents<T = unknown>(options: StreamEventsOptions<T>): AsyncGenerator<SSEEvent<T>, void, undefined> {
  const clock = options.clock ?? systemClock;
  const rc = options.reconnect === false ? undefined : (options.reconnect ?? {});
  const maxAttempts = rc ? (rc.maxAttempts ?? 3) : 0;
  const connect = options.connect ?? defaultConnect(options);
  const parser = new SSEParser();
  const controller = new AbortController();
  const outer = options.signal;
  const onAbort = (): void => controller.abort(outer?.reason);
  outer?.addEventListener("abort", onAbort, { once: true });
  if (outer?.aborted) return;
  let attempt = 0;
  try {
    for (;;) {
      let failure: unknown;
      try {
        const response = await connect({ lastEventId: parser.lastEventId, signal: controller.signal, attempt });
        // 204 is the spec's "stop reconnecting" signal.
        if (response.status === 204) return;
        if (!response.ok) {
          const error = await readErrorResponse(response);
          if (response.status < 500 && response.status !== 429) throw error;
          failure = error;
        } else if (!response.body) {
          failure = new ConnectionError("Event stream response has no body");
        } else {
          const type = response.headers.get("content-type") ?? "";
          if (!type.includes("text/event-stream")) {
            await response.body.cancel();
            throw new ApiError(`Expected text/event-stream, got "${type}"`, { status: response.status });
          }
          parser.resetPending();
          for await (const message of parseSSEStream(response.body, parser)) {
            attempt = 0;
            yield { event: message.event, data: parseData(options, message), id: message.id };
          }
          if (!rc?.onEnd) return;
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && !(error instanceof ConnectionError) && failure === undefined) throw error;
        failure = error;
      }
      if (attempt >= maxAttempts) {
        throw new ConnectionError(`Event stream dropped; gave up after ${attempt} reconnect attempt(s)`, { cause: failure });
      }
      attempt++;
      try {
        // The server's `retry:` is obeyed up to a minute: a day would hang the loop silently, and past
        // 2^31 ms setTimeout fires at once, a reconnect storm.
        await clock.sleep(parser.retry !== undefined ? Math.min(parser.retry, 60_000) : (rc?.delayMs ?? 3_000), controller.signal);
      } catch {
        return;
      }
    }
  } finally {
    outer?.removeEventListener("abort", onAbort);
    controller.abort();
  }
}

function parseData<T>(options: StreamEventsOptions<T>, message: SSEMessage): T {
  const value = options.json === false ? message.data : decode(message.data);
  if (!options.parse) return value as T;
  try {
    return options.parse(value, message);
  } catch (cause) {
    throw new ValidationError(`Invalid "${message.event}" event${message.id ? ` (id ${message.id})` : ""}`, { cause });
  }
}

function defaultConnect(options: StreamEventsOptions<unknown>): (ctx: ConnectContext) => Promise<Response> {
  if (!options.url) throw new TypeError("streamEvents needs either `connect` or `url`");
  const url = options.url;
  return ({ lastEventId, signal }) => {
    const headers = new Headers(options.init?.headers);
    headers.set("accept", "text/event-stream");
    if (lastEventId !== undefined) headers.set("last-event-id", lastEventId);
    return (options.fetch ?? globalThis.fetch)(url, { ...options.init, headers, signal });
  };
}
