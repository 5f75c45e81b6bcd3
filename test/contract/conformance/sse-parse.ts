/** One server-sent event as a client sees it: its `event:`, `id:` and joined `data:` lines. */
export interface RawEvent {
  event?: string;
  id?: string;
  data: string;
}

/** The events of a text/event-stream body (WHATWG rules: blank line ends an event, `:` lines are comments). */
export function parseEvents(text: string): RawEvent[] {
  const events: RawEvent[] = [];
  let current: { event?: string; data: string[] } = { data: [] };
  // The last event ID is the stream's, not the event's: it carries over until an `id:` changes it.
  let lastId: string | undefined;
  // A leading BOM is not part of the first field name (it would hide the first event).
  for (const line of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    if (line === "") {
      if (current.data.length) events.push({ ...(current.event !== undefined ? { event: current.event } : {}), ...(lastId !== undefined ? { id: lastId } : {}), data: current.data.join("\n") });
      current = { data: [] };
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") current.data.push(value);
    else if (field === "event") current.event = value;
    else if (field === "id" && !value.includes("\0")) lastId = value;
  }
  return events;
}
