/**
 * Headers asking Prism for a documented status. For an event stream the client accepts only
 * text/event-stream, and Prism then ignores `Prefer: code` (no error response has that media
 * type) and streams a 200; also accepting JSON, as error answers are, gets the error.
 * sse.test.ts pins that Prism behaviour.
 */
export function preferStatus(status: string, stream: boolean): Record<string, string> {
  return { Prefer: `code=${status}`, ...(stream ? { Accept: "text/event-stream, application/json" } : {}) };
}
