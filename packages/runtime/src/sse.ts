import { ApiError } from "./errors/index.js";

/** The most characters one event (its data, or one line) may pile up: a stream that never ends a line or an event would otherwise take all memory. */
export const MAX_EVENT_CHARS = 16 * 1024 * 1024;

/** A dispatched server-sent event (WHATWG HTML §9.2 "event stream interpretation"). */
export interface SSEMessage {
  /** Event type; "message" when the server sent no `event:` field. */
  event: string;
  /** Data lines joined with "\n". */
  data: string;
  /** The last event ID in effect when this event was dispatched. */
  id: string | undefined;
}

/**
 * Incremental, spec-compliant event-stream parser. Lines may end in CRLF, LF or CR, and a CRLF may be
 * split across chunks, hence the `pendingCR` carry-over. Incomplete events at end of stream are
 * dropped, as the spec requires.
 */
export class SSEParser {
  /**
   * The stream's last event ID: updated only when an event block completes (a blank line), so a
   * connection cut mid-event does not resume past an event we never delivered. A reconnect sends it.
   */
  lastEventId: string | undefined;
  #idBuffer: string | undefined;
  /** Reconnection delay in ms from the last valid `retry:` field. */
  retry: number | undefined;
  #line = "";
  #data = "";
  #hasData = false;
  #eventType = "";
  #pendingCR = false;
  #started = false;

  /** Receives each dispatched event; swappable so one parser (and its lastEventId) spans reconnects. */
  onMessage: (message: SSEMessage) => void;

  constructor(onMessage: (message: SSEMessage) => void = () => undefined) {
    this.onMessage = onMessage;
  }

  /** Forgets a partially received event, e.g. when the connection dropped mid-event. */
  resetPending(): void {
    this.#line = "";
    this.#data = "";
    this.#hasData = false;
    this.#eventType = "";
    this.#pendingCR = false;
    this.#started = false;
    this.#idBuffer = this.lastEventId;
  }

  feed(text: string): void {
    let start = 0;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) start = 1;
    }
    if (this.#pendingCR && text[start] === "\n") start++;
    this.#pendingCR = false;
    const n = text.length;
    let lineStart = start;
    for (let i = start; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.#processLine(this.#line + text.slice(lineStart, i));
      this.#line = "";
      if (c === 13) {
        if (i + 1 < n) {
          if (text.charCodeAt(i + 1) === 10) i++;
        } else {
          this.#pendingCR = true;
        }
      }
      lineStart = i + 1;
    }
    this.#line += text.slice(lineStart);
    if (this.#line.length + this.#data.length > MAX_EVENT_CHARS) throw new ApiError(`SSE event over ${MAX_EVENT_CHARS} characters`);
  }

  #processLine(line: string): void {
    if (line === "") return this.#dispatch();
    if (line.charCodeAt(0) === 58 /* ":" comment, e.g. keep-alive */) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case "event":
        this.#eventType = value;
        break;
      case "data":
        this.#data = this.#hasData ? `${this.#data}\n${value}` : value;
        this.#hasData = true;
        break;
      case "id":
        if (!value.includes("\0")) this.#idBuffer = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      // Unknown fields are ignored per spec.
    }
  }

  #dispatch(): void {
    this.lastEventId = this.#idBuffer;
    if (!this.#hasData) {
      this.#eventType = "";
      return;
    }
    const message: SSEMessage = { event: this.#eventType || "message", data: this.#data, id: this.lastEventId };
    this.#data = "";
    this.#hasData = false;
    this.#eventType = "";
    this.onMessage(message);
  }
}

/**
 * Parses a byte stream into events. Cancelling the iteration (break/return) cancels the reader,
 * which aborts the underlying response body.
 */
export async function* parseSSEStream(
  body: ReadableStream<Uint8Array>,
  parser?: SSEParser,
): AsyncGenerator<SSEMessage, void, undefined> {
  const queue: SSEMessage[] = [];
  const p = parser ?? new SSEParser();
  p.onMessage = (m) => queue.push(m);
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      p.feed(decoder.decode(value, { stream: true }));
      while (queue.length > 0) yield queue.shift()!;
    }
    p.feed(decoder.decode());
    while (queue.length > 0) yield queue.shift()!;
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
