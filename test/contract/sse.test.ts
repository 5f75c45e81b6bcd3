import { NotFoundError } from "@specforge/runtime";
import { ErrorSchema } from "@specforge/zod";
import { describe, expect, it } from "vitest";
import { cases } from "./cases/index.js";
import { contractClient } from "./support/client.js";
import { exampleId } from "./support/examples.js";
import { settle } from "./support/outcome.js";
import { preferStatus } from "./support/prefer.js";
import { prismUrl } from "./support/prism-url.js";
import { expectValid } from "./support/validate.js";

/**
 * What Prism does with the one text/event-stream operation. It does not stream: it answers the
 * spec's example as one finite body, which the client still parses event by event. Everything
 * below that Prism cannot do (resume, timing, errors under the client's own Accept) is in the
 * README; the MSW handlers of @specforge/mocks are where to test those.
 */
const streamChat = cases["streamCoachingChat"]!;
const { api, take } = contractClient(prismUrl());
const path = { id: exampleId };
type Event = { event: string; id: string | undefined; data: { event: string; data: unknown } };

describe("SSE against Prism (streamCoachingChat)", () => {
  it("answers the example stream in one body; the client yields each event in order", async () => {
    const outcome = await settle(streamChat.invoke, api, { params: { path } });
    if (!outcome.ok) throw outcome.error;
    expect(take().headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = outcome.value as Event[];
    expect(events.map((e) => [e.id, e.event])).toEqual([
      ["41", "delta"],
      ["42", "delta"],
      ["43", "done"],
    ]);
  });

  it("gap: ignores Last-Event-ID and replays from the first event", async () => {
    const outcome = await settle(streamChat.invoke, api, { params: { path, header: { "Last-Event-ID": "42" } } });
    if (!outcome.ok) throw outcome.error;
    take();
    // A server that resumes would send only the event after 42.
    expect((outcome.value as Event[]).map((e) => e.id)).toEqual(["41", "42", "43"]);
  });

  it("gap: under the client's own Accept: text/event-stream, Prefer: code=404 still streams a 200", async () => {
    const outcome = await settle(streamChat.invoke, api, { params: { path } }, { headers: { Prefer: "code=404" } });
    expect(take().status).toBe(200);
    expect(outcome.ok).toBe(true);
  });

  it("accepting JSON too, Prefer: code=404 answers the error and the client throws NotFoundError", async () => {
    const outcome = await settle(streamChat.invoke, api, { params: { path } }, { headers: preferStatus("404", true) });
    expect(take().status).toBe(404);
    expect(outcome.ok ? undefined : outcome.error).toBeInstanceOf(NotFoundError);
  });

  it("a stream error carries the error envelope", async () => {
    const outcome = await settle(streamChat.invoke, api, { params: { path } }, { headers: preferStatus("404", true) });
    take();
    const error = (outcome.ok ? undefined : outcome.error) as NotFoundError;
    expectValid(ErrorSchema, error.body, "stream 404 error envelope");
    expect(error.code).toBe("NOT_FOUND");
  });
});
