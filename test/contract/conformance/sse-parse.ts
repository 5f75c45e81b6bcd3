/** One server-sent event as a client sees it: its `event:`, `id:` and joined `data:` lines. */
export interface RawEvent {
  event?: string;
  id?: string;
  data: string;
}

/** The events of a text/event-stream body (WHATWG rules: blank line ends an event, `:` lines are comments). */
export function parseEvents(text: string): RawEvent[] {
  const events: RawEvent[] = [];
  let current: { event?: string; id?: string; data: string[] } = { data: [] };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === "") {
      if (current.data.length) events.push({ ...(current.event !== undefined ? { event: current.event } : {}), ...(current.id !== undefined ? { id: current.id } : {}), data: current.data.join("\n") });
      current = { data: [] };
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") current.data.push(value);
    else if (field === "event") current.event = value;
    else if (field === "id") current.id = value;
  }
  return events;
}
