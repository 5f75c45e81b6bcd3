import type { Api, CallOptions, SSEEvent } from "@specforge/client";
import type { SSEMessage } from "@specforge/runtime";

/** One operation called through the generated client; resolves to what the client hands back. */
export type Invoke = (api: Api, init: unknown, call: CallOptions) => Promise<unknown>;

/**
 * How to get the operation wrong on purpose. `violates` is the start of the location Prism must
 * report (`sl-violations`), so a request rejected for another reason does not pass by accident.
 * Operations without parameters or body have nothing to get wrong but credentials; a public one
 * without anything checkable has `none` (the reason), and its invalid test says so and skips.
 */
export type InvalidRequest = { init: unknown; violates: string } | { unauthenticated: string } | { none: string };

export interface OperationCase {
  invoke: Invoke;
  /** A valid request (spec examples) for `invoke`. */
  valid: unknown;
  invalid: InvalidRequest;
  /** `invoke` drains a text/event-stream and resolves to its events. */
  stream?: true;
}

type Fn = (init: any, call?: CallOptions) => Promise<unknown>;

/** A request/response operation: `valid` is type-checked against the client method's init. */
export function operation<F extends Fn>(pick: (api: Api) => F, valid: Parameters<F>[0], invalid: InvalidRequest): OperationCase {
  return { invoke: (api, init, call) => pick(api)(init as Parameters<F>[0], call), valid, invalid };
}

type StreamCall<E> = CallOptions & { parse?: (data: unknown, message: SSEMessage) => E; reconnect?: false };
type Stream<E> = (init: any, call?: StreamCall<E>) => AsyncIterable<SSEEvent<E>>;

/**
 * An SSE operation. Reconnects are off: a mock answers the same finite body again, so resuming
 * would only repeat events; `parse` rebuilds the event object the spec's event schema describes.
 */
export function stream<E>(
  pick: (api: Api) => Stream<E>,
  valid: Parameters<Stream<E>>[0],
  invalid: InvalidRequest,
  parse: (data: unknown, message: SSEMessage) => E,
): OperationCase {
  return {
    stream: true,
    valid,
    invalid,
    invoke: async (api, init, call) => {
      const events: SSEEvent<E>[] = [];
      for await (const event of pick(api)(init, { ...call, reconnect: false, parse })) events.push(event);
      return events;
    },
  };
}
