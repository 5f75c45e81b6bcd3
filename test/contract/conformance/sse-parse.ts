import { SSEParser } from "@specforge/runtime";

/** One server-sent event as a client sees it: its type (when not the default "message"), last event ID and data. */
export interface RawEvent {
  event?: string;
  id?: string;
  data: string;
}

/**
 * The events of a whole text/event-stream body, read by the runtime's own parser (WHATWG rules: a
 * BOM, CR/LF/CRLF line ends, comments, the last event ID carried over, an unfinished event dropped),
 * so the checker reads a stream exactly as the generated client does.
 */
export function parseEvents(text: string): RawEvent[] {
  const events: RawEvent[] = [];
  const parser = new SSEParser(({ event, id, data }) =>
    events.push({ ...(event !== "message" ? { event } : {}), ...(id !== undefined ? { id } : {}), data }),
  );
  parser.feed(text);
  return events;
}
