import { describe, expect, it } from "vitest";
import { diffDocs, doc, object, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const thing = object({ a: { type: "string" } });
const content = (...types: string[]) => Object.fromEntries(types.map((t) => [t, { schema: thing }]));
/** POST /m taking a body of `req` media types, answering the `res` statuses → media types. */
const api = (req: string[], res: Record<string, string[]> = { "200": ["application/json"] }) =>
  doc({
    "/m": {
      post: {
        operationId: "postM",
        requestBody: { required: true, content: content(...req) },
        responses: Object.fromEntries(Object.entries(res).map(([s, types]) => [s, { description: "ok", content: content(...types) } as P])),
      },
    },
  });

// A media type or status still covered by what replaces it (parameters added, a range) is not gone.
const rows: Row[] = [
  { name: "request: parameters added to the media type", before: api(["application/json"]), after: api(["application/json; charset=utf-8"]), want: ["patch: other-change"] },
  { name: "request: a range now accepts the type", before: api(["application/json"]), after: api(["application/*"]), want: ["minor: request-media-type-widened"] },
  { name: "request: any type now accepted", before: api(["application/json", "application/xml"]), after: api(["*/*"]), want: ["minor: request-media-type-widened"] },
  { name: "request: a range narrowed to one type (still breaking)", before: api(["*/*"]), after: api(["application/json"]), want: ["breaking: request-media-type-changed"] },
  { name: "response: */* became text/plain (narrowed)", before: api(["application/json"], { "200": ["*/*"] }), after: api(["application/json"], { "200": ["text/plain"] }), want: ["minor: response-media-type-narrowed"] },
  { name: "response: a type became a range (still breaking)", before: api(["application/json"], { "200": ["application/json"] }), after: api(["application/json"], { "200": ["application/*"] }), want: ["breaking: response-media-type-changed"] },
  { name: "response: 201 became 2XX", before: api(["application/json"], { "201": ["application/json"] }), after: api(["application/json"], { "2XX": ["application/json"] }), want: ["patch: other-change"] },
  { name: "response: 2XX became 201", before: api(["application/json"], { "2XX": ["application/json"] }), after: api(["application/json"], { "201": ["application/json"] }), want: ["patch: other-change"] },
  { name: "response: 201 became 4XX (removed)", before: api(["application/json"], { "201": ["application/json"] }), after: api(["application/json"], { "4XX": ["application/json"] }), want: ["breaking: response-status-removed", "minor: response-status-added"] },
];

describe("media type ranges and status ranges", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("compares the schemas of a covered status", async () => {
    const narrowed = api(["application/json"], { "2XX": ["application/json"] }) as { paths: Record<string, { post: { responses: Record<string, P> } }> };
    narrowed.paths["/m"]!.post.responses["2XX"] = { description: "ok", content: { "application/json": { schema: object({ a: { type: "string" } }, ["a"]) } } };
    const changes = await diffDocs(api(["application/json"], { "201": ["application/json"] }), narrowed);
    expect(changes.find((c) => c.rule === "response-property-became-required")?.reason).toBe("response 2XX application/json: body.a: property \"a\" is now required");
  });
});
