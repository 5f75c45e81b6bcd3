import { describe, expect, it } from "vitest";
import { ApiError, ConnectionError, createRuntime, SSEParser, streamEvents, ValidationError, type SSEMessage } from "../src/index.js";
import { testClock, useFaultServer } from "./helpers.js";

const ctx = useFaultServer();

function parseAll(chunks: string[]): { messages: SSEMessage[]; parser: SSEParser } {
  const messages: SSEMessage[] = [];
  const parser = new SSEParser((m) => messages.push(m));
  for (const c of chunks) parser.feed(c);
  return { messages, parser };
}

/** Every way of splitting `text` into two chunks must parse identically. */
function everySplit(text: string): SSEMessage[] {
  const whole = parseAll([text]).messages;
  for (let i = 1; i < text.length; i++) expect(parseAll([text.slice(0, i), text.slice(i)]).messages).toEqual(whole);
  return whole;
}

describe("SSEParser (WHATWG event stream)", () => {
  it("parses event, id, multi-line data and ignores comments", () => {
    const msgs = everySplit(": keep-alive\nevent: update\nid: 7\ndata: line1\ndata: line2\n\ndata:no-space\n\n");
    expect(msgs).toEqual([
      { event: "update", data: "line1\nline2", id: "7" },
      { event: "message", data: "no-space", id: "7" },
    ]);
  });

  it("accepts CRLF, LF and CR line endings, even mixed and split across chunks", () => {
    const expected = [
      { event: "message", data: "a", id: undefined },
      { event: "message", data: "b", id: undefined },
      { event: "message", data: "c", id: undefined },
    ];
    expect(everySplit("data: a\r\n\r\ndata: b\n\ndata: c\r\r")).toEqual(expected);
    expect(everySplit("data: a\r\rdata: b\r\n\ndata: c\n\r\n")).toEqual(expected);
  });

  it("follows the spec's edge cases", () => {
    const { messages, parser } = parseAll([
      "\uFEFFdata: bom stripped\n\n",
      "data\n\n", // field without colon → empty data line, still dispatched
      "event: only-type\n\n", // no data → nothing dispatched, type reset
      "data:  two spaces\n\n", // only one leading space is removed
      "id: a\0b\ndata: nul id ignored\n\n",
      "retry: 1500\nretry: soon\n",
      "unknown: x\ndata: y\n\n",
      "data: incomplete at EOF",
    ]);
    expect(messages.map((m) => m.data)).toEqual(["bom stripped", "", " two spaces", "nul id ignored", "y"]);
    expect(messages.every((m) => m.event === "message")).toBe(true);
    expect(messages[3]!.id).toBeUndefined();
    expect(parser.retry).toBe(1500);
  });

  it("keeps the last event id across events and updates it from id-only blocks", () => {
    const { messages, parser } = parseAll(["id: 1\ndata: x\n\ndata: y\n\nid: 9\n\n"]);
    expect(messages.map((m) => m.id)).toEqual(["1", "1"]);
    expect(parser.lastEventId).toBe("9");
    // An id inside an event cut off by the connection must not count as delivered.
    expect(parseAll(["id: 1\ndata: x\n\nid: 2\ndata: partial"]).parser.lastEventId).toBe("1");
  });
});

describe("streamEvents", () => {
  it("yields typed events parsed from JSON", async () => {
    const rt = createRuntime({ baseUrl: ctx.url });
    const got: Array<{ n: number }> = [];
    for await (const ev of streamEvents({ url: `${ctx.url}/sse?count=3`, fetch: rt.fetch, parse: (d) => d as { n: number } })) {
      expect(ev.event).toBe("tick");
      got.push(ev.data);
    }
    expect(got).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it("reconnects a dropped stream with Last-Event-ID after the server's retry delay", async () => {
    const clock = testClock();
    const ids: Array<string | undefined> = [];
    for await (const ev of streamEvents({ url: `${ctx.url}/sse?count=6&dropAfter=3&key=r1`, clock })) ids.push(ev.id);
    expect(ids).toEqual(["1", "2", "3", "4", "5", "6"]);
    const connects = ctx.server.requests.filter((r) => r.path === "/sse");
    expect(connects).toHaveLength(2);
    expect(connects[1]!.headers["last-event-id"]).toBe("3");
    expect(clock.sleeps).toEqual([5]); // `retry: 5` sent by the server
  });

  it("obeys a server's retry: up to a minute (a day would hang the loop; past 2^31 ms setTimeout fires at once)", async () => {
    for (const [retry, slept] of [["86400000", 60_000], ["3000000000", 60_000], ["250", 250]] as const) {
      const clock = testClock();
      let n = 0;
      // One event and a clean end, then the reconnect (onEnd), which the 204 stops.
      const connect = async (): Promise<Response> =>
        ++n === 1 ? new Response(`retry: ${retry}\nid: 1\ndata: 1\n\n`, { headers: { "content-type": "text/event-stream" } }) : new Response(null, { status: 204 });
      const got: unknown[] = [];
      for await (const ev of streamEvents({ clock, reconnect: { maxAttempts: 1, onEnd: true }, connect })) got.push(ev.data);
      expect(got).toEqual([1]);
      expect(clock.sleeps).toEqual([slept]);
    }
  });

  it("ends a stream whose event never ends (one endless line, or data lines without a blank line) with an ApiError, not a reconnect", async () => {
    for (const line of ["data: ", "data: x\n"]) {
      let connects = 0;
      // About 1 MiB a chunk, 20 of them: past the 16 Mi characters one event may take.
      const mib = line === "data: " ? "x".repeat(1024 * 1024) : `data: ${"x".repeat(64 * 1024)}\n`.repeat(16);
      const connect = async (): Promise<Response> => {
        connects++;
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(c) {
            c.enqueue(new TextEncoder().encode(sent++ === 0 ? line : mib));
            if (sent > 20) c.close();
          },
        });
        return new Response(body, { headers: { "content-type": "text/event-stream" } });
      };
      const err = await (async () => {
        for await (const _ of streamEvents({ clock: testClock(), connect })) void _;
      })().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).not.toBeInstanceOf(ConnectionError);
      expect((err as Error).message).toBe("SSE event over 16777216 characters");
      expect(connects).toBe(1);
    }
  });

  it("gives up after the bounded number of reconnects", async () => {
    const clock = testClock();
    let n = 0;
    const it = streamEvents({
      clock,
      reconnect: { maxAttempts: 2 },
      connect: async () => {
        n++;
        throw new TypeError("fetch failed");
      },
    });
    const err = await it.next().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(n).toBe(3);
  });

  it("does not reconnect a clean end unless asked, and stops on 204", async () => {
    const events = [];
    for await (const ev of streamEvents({ url: `${ctx.url}/sse?count=2` })) events.push(ev);
    expect(events).toHaveLength(2);
    expect(ctx.server.count("/sse")).toBe(1);
    let calls = 0;
    for await (const _ of streamEvents({ connect: async () => (calls++, new Response(null, { status: 204 })) })) void _;
    expect(calls).toBe(1);
  });

  it("wraps validation failures in ValidationError", async () => {
    const schema = {
      parse(v: unknown): { n: number } {
        if ((v as { n: number }).n > 1) throw new Error("n too big");
        return v as { n: number };
      },
    };
    const seen: number[] = [];
    const err = await (async () => {
      for await (const ev of streamEvents({ url: `${ctx.url}/sse?count=3`, parse: schema.parse })) seen.push(ev.data.n);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([1]);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).cause).toEqual(new Error("n too big"));
  });

  it("breaking out of for-await aborts the request", async () => {
    for await (const ev of streamEvents({ url: `${ctx.url}/sse?count=2&hold=1` })) {
      if (ev.id === "2") break;
    }
    // The server notices the closed socket; poll briefly instead of sleeping a fixed time.
    for (let i = 0; i < 400 && ctx.server.count("/sse:closed") === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(ctx.server.count("/sse:closed")).toBe(1);
  });

  it("an external abort ends the iteration quietly", async () => {
    const ac = new AbortController();
    const got: unknown[] = [];
    for await (const ev of streamEvents({ url: `${ctx.url}/sse?count=1&hold=1`, signal: ac.signal })) {
      got.push(ev.data);
      ac.abort();
    }
    expect(got).toEqual([{ n: 1 }]);
  });

  it("rejects non-event-stream responses and HTTP errors with typed errors", async () => {
    await expect(streamEvents({ url: `${ctx.url}/echo` }).next()).rejects.toThrow(/text\/event-stream/);
    await expect(streamEvents({ url: `${ctx.url}/status/404` }).next()).rejects.toMatchObject({ name: "NotFoundError" });
  });
});
