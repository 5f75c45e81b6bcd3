import { describe, expect, it } from "vitest";
import { diffDocs, doc, json, object, sharedThing, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const str = { type: "string" };
/** POST /u taking `body`, answering 200 with `answer`; `more` goes into the operation. */
const post = (body: P, answer: P = { type: "object" }, more: P = {}) =>
  doc({ "/u": { post: { operationId: "postU", requestBody: { required: true, content: json(body) }, responses: { "200": { description: "ok", content: json(answer) } }, ...more } } });
const callback = (payload: P) => ({
  callbacks: { onEvent: { "{$request.body#/url}": { post: { requestBody: { required: true, content: json(payload) }, responses: { "200": { description: "ok" } } } } } },
});

// A raw difference is dropped only where a finding explains it (its place, or one above or below
// it), not because its path or component has some other finding.
const rows: Row[] = [
  {
    name: "an unclassified keyword next to a classified change of the same schema",
    before: post(object({ a: str })),
    after: post(object({ a: str, b: str }, [], { unevaluatedProperties: false })),
    want: ["minor: request-property-added-optional", "patch: other-change"],
  },
  {
    name: "a change elsewhere in the same path",
    before: post(object({ a: str }), object({ id: str }), { "x-internal": 1 }),
    after: post(object({ a: str }), object({ id: str, extra: str }), { "x-internal": 2 }),
    want: ["minor: response-property-added-optional", "patch: other-change"],
  },
  {
    name: "a property removed with its required entry: one finding",
    before: sharedThing(object({ a: str, b: str }, ["a", "b"])),
    after: sharedThing(object({ b: str }, ["b"])),
    want: ["breaking: request-property-removed", "breaking: response-property-removed"],
  },
  {
    name: "a parameter removed before another: the shifted list is explained",
    before: doc({ "/u": { get: { operationId: "getU", parameters: [{ name: "a", in: "query", schema: str }, { name: "b", in: "query", schema: str }], responses: { "204": { description: "ok" } } } } }),
    after: doc({ "/u": { get: { operationId: "getU", parameters: [{ name: "b", in: "query", schema: str }], responses: { "204": { description: "ok" } } } } }),
    want: ["breaking: request-parameter-removed"],
  },
  {
    name: "a parameter appended after one that changed otherwise: the same entry is not shifted",
    before: doc({ "/u": { get: { operationId: "getU", parameters: [{ name: "a", in: "query", schema: str, "x-internal": false }], responses: { "204": { description: "ok" } } } } }),
    after: doc({ "/u": { get: { operationId: "getU", parameters: [{ name: "a", in: "query", schema: str, "x-internal": true }, { name: "c", in: "query", schema: str }], responses: { "204": { description: "ok" } } } } }),
    want: ["minor: request-parameter-added-optional", "patch: other-change"],
  },
  {
    name: "a property called type added: not a change of the schema's type, its sibling's edit still shows",
    before: post(object({ a: { ...str, "x-internal": false } })),
    after: post(object({ a: { ...str, "x-internal": true }, type: str })),
    want: ["minor: request-property-added-optional", "patch: other-change"],
  },
];

describe("raw differences no rule explains", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("lists the unclassified change of an operation that has findings", async () => {
    const changes = await diffDocs(post(object({ a: str })), post(object({ a: str, b: str }, [], { unevaluatedProperties: false })));
    expect(changes.find((c) => c.rule === "other-change")).toMatchObject({ pointer: "#/paths/~1u", reason: "changed; no compatibility rule applies, review it" });
  });

  it("a callback's change is not hidden by another finding of its path", async () => {
    const payload = object({ id: str, kind: str }, ["id", "kind"]);
    const changes = await diffDocs(post(object({ url: str }), object({ id: str }), callback(payload)), post(object({ url: str }), object({ id: str, extra: str }), callback(object({ kind: str }, ["kind"]))));
    expect(changes.filter((c) => c.rule !== "response-property-added-optional").length).toBeGreaterThan(0);
  });
});
