import { describe, expect, it } from "vitest";
import { diffDocs, doc, json, object, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const done = { "204": { description: "done" } };
const create = (requestBody?: P) => doc({ "/things": { post: { operationId: "createThing", ...(requestBody ? { requestBody } : {}), responses: done } } });
const body = (schema: P, required = true, mediaType = "application/json") => ({ required, content: { [mediaType]: { schema } } });
const thing = object({ name: { type: "string" }, note: { type: "string" } }, ["name"]);

const rows: Row[] = [
  { name: "property made required", before: create(body(thing)), after: create(body({ ...thing, required: ["name", "note"] })), want: ["breaking: request-property-became-required"] },
  { name: "body made required", before: create(body(thing, false)), after: create(body(thing)), want: ["breaking: request-body-became-required"] },
  { name: "required body added", before: create(), after: create(body(thing)), want: ["breaking: request-body-added-required"] },
  { name: "optional body added", before: create(), after: create(body(thing, false)), want: ["minor: request-body-added-optional"] },
  { name: "body removed", before: create(body(thing)), after: create(), want: ["breaking: request-body-removed"] },
  { name: "content type changed", before: create(body(thing)), after: create(body(thing, true, "application/x-www-form-urlencoded")), want: ["breaking: request-media-type-changed"] },
  {
    name: "content type removed",
    before: create({ required: true, content: { ...json(thing), "application/xml": { schema: thing } } }),
    after: create(body(thing)),
    want: ["breaking: request-media-type-removed"],
  },
  { name: "content type added", before: create(body(thing)), after: create({ required: true, content: { ...json(thing), "application/xml": { schema: thing } } }), want: ["minor: request-media-type-added"] },
  {
    name: "oneOf branch removed from a body",
    before: create(body({ oneOf: [object({ a: { type: "string" } }, ["a"]), object({ b: { type: "string" } }, ["b"])] })),
    after: create(body({ oneOf: [object({ a: { type: "string" } }, ["a"])] })),
    want: ["breaking: request-union-branch-narrowed"],
  },
];

describe("request bodies", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("says where in the body", async () => {
    const [change] = await diffDocs(create(body(thing)), create(body({ ...thing, required: ["name", "note"] })));
    expect(change).toMatchObject({ pointer: "#/paths/~1things/post/requestBody/content/application~1json/schema/required", reason: 'request body application/json: body.note: property "note" is now required' });
  });
});
