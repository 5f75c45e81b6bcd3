/**
 * The type of each event a `text/event-stream` operation yields. An `x-sse-event-schema` is the
 * event's data in some specs and the whole event (`event`, `id`, `data`) in others (our Platform
 * API's ChatStreamEvent): given event schemas as specs write them, want `StreamFn<Op, E>` (E types
 * `e.data`) or `StreamFn<Op, E, true>` (each event is an E, so `e.event` narrows `e.data`).
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/ir/build-model.js";
import { collectFixtures } from "../../src/emit/mocks/collect.js";
import { generatedClient } from "../support/generated-client.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const obj = (properties: Record<string, unknown>, required?: string[]) => ({ type: "object", properties, ...(required ? { required } : {}) });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const SCHEMAS: Record<string, unknown> = {
  Delta: obj({ event: { const: "delta" }, id: { type: "string" }, data: obj({ delta: { type: "string" } }) }, ["event", "data"]),
  Done: obj({ event: { const: "done" }, data: obj({ message_id: { type: "string" } }) }, ["event", "data"]),
  WholeUnion: { oneOf: [ref("Delta"), ref("Done")], discriminator: { propertyName: "event" } },
  WholeAllOf: { allOf: [obj({ event: { type: "string" }, id: { type: "string" } }), obj({ data: { type: "string" }, retry: { type: "integer" } })] },
  Progress: obj({ percent: { type: "integer" }, data: { type: "string" } }),
  Plain: obj({ delta: { type: "string" } }),
};

const CASES: [string, string, boolean][] = [
  ["a union of whole events (name, id, data)", "WholeUnion", true],
  ["a whole event put together with allOf", "WholeAllOf", true],
  ["the data of each event", "Plain", false],
  ["data that has a `data` field among others", "Progress", false],
];

describe("event-stream operations: each event, or each event's data", () => {
  it("given event schemas as specs write them, want the stream typed as whole events where they are", async () => {
    const paths = Object.fromEntries(
      CASES.map(([, name], i) => [`/s${i}`, { get: { operationId: `s${i}`, responses: { "200": { description: "events", content: { "text/event-stream": { schema: { type: "string" }, "x-sse-event-schema": ref(name) } } } } } }]),
    );
    const { source, done } = await generatedClient(scratch("stream-events-"), { openapi: "3.1.0", info: { title: "t", version: "1" }, paths, components: { schemas: SCHEMAS } }, "stream-events");
    try {
      const got = CASES.map(([, name], i) => new RegExp(`s${i}: StreamFn<paths\\["/s${i}"\\]\\["get"\\], components\\["schemas"\\]\\["${name}"\\](, true)?>`).exec(source)?.[1] === ", true");
      expect(CASES.map(([what], i) => [what, got[i]])).toEqual(CASES.map(([what, , whole]) => [what, whole]));
    } finally {
      done();
    }
  }, 120_000);

  it("an operation that answers JSON or an event stream (OpenAI's chat completions) is a call for the JSON with .stream() for events", async () => {
    const content = { "application/json": { schema: ref("Plain") }, "text/event-stream": { schema: { type: "string" }, "x-sse-event-schema": ref("Plain") } };
    const paths = { "/chat": { post: { operationId: "chat", responses: { "200": { description: "a completion, or its chunks", content } } } } };
    const { source, done } = await generatedClient(scratch("stream-dual-"), { openapi: "3.1.0", info: { title: "t", version: "1" }, paths, components: { schemas: SCHEMAS } }, "stream-dual");
    try {
      expect(source).toMatch(/chat: DualFn<paths\["\/chat"\]\["post"\], components\["schemas"\]\["Plain"\]>/);
    } finally {
      done();
    }
  }, 120_000);

  it("an event stream whose schema is the events' data (OpenAI's form): typed events, and a mock body of `data:` events", async () => {
    const paths = { "/o": { get: { operationId: "o", responses: { "200": { description: "chunks", content: { "text/event-stream": { schema: ref("Plain") } } } } } } };
    const doc = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths, components: { schemas: SCHEMAS } };
    const { source, done } = await generatedClient(scratch("stream-data-"), doc, "stream-data");
    try {
      expect(source).toMatch(/o: StreamFn<paths\["\/o"\]\["get"\], components\["schemas"\]\["Plain"\]>/);
    } finally {
      done();
    }
    const file = join(scratch("stream-data-fixture-"), "spec.json");
    writeFileSync(file, JSON.stringify(doc));
    const set = collectFixtures(buildModel(await loadSpec(file)), 1, () => undefined);
    const body = set.operations[0]!.responses[0]!.media[0]!.value as string;
    const events = [...body.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as { delta?: unknown });
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(typeof e.delta === "string" || e.delta === undefined).toBe(true);
  }, 120_000);
});
