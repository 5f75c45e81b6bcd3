/**
 * Shapes that made spec:diff crash on real API histories (exit 2, no report): every row must
 * finish and report exactly its changes.
 */
import { describe, expect, it } from "vitest";
import { diffDocs, doc, json, object, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const create = (schema: P, components: P = {}) =>
  doc({ "/things": { post: { operationId: "createThing", requestBody: { required: true, content: json(schema) }, responses: { "204": { description: "done" } } } } }, { components: { schemas: components } });
const read = (schema: P, components: P = {}) =>
  doc({ "/things": { get: { operationId: "getThing", responses: { "200": { description: "ok", content: json(schema) } } } } }, { components: { schemas: components } });
const ab = (t: string) => ({ oneOf: [object({ a: { type: t } }), object({ b: { type: t } })] });
const node = (label: string) => ({
  oneOf: [{ type: "string" }, object({ children: { type: "array", items: { $ref: "#/components/schemas/Node" } }, label: { type: label } })],
});

const rows: Row[] = [
  {
    // The branches left after matching by $ref and by identical content paired by index while pair() deleted from the same set.
    name: "two unions, two inline branches each, neither matching by $ref nor by content",
    before: create(ab("string")),
    after: create(ab("integer")),
    want: ["breaking: request-type-changed", "breaking: request-type-changed"],
  },
  {
    name: "three inline branches each, all changed",
    before: create({ oneOf: [object({ a: { type: "string" } }), object({ b: { type: "string" } }), object({ c: { type: "string" } })] }),
    after: create({ oneOf: [object({ a: { type: "integer" } }), object({ b: { type: "integer" } }), object({ c: { type: "integer" } })] }),
    want: ["breaking: request-type-changed", "breaking: request-type-changed", "breaking: request-type-changed"],
  },
  {
    // Each comparison of union branches started a fresh "already seen" map, so recursion through the union never ended.
    name: "recursion through a union (request)",
    before: create({ $ref: "#/components/schemas/Node" }, { Node: node("string") }),
    after: create({ $ref: "#/components/schemas/Node" }, { Node: node("integer") }),
    want: ["breaking: request-type-changed"],
  },
  {
    name: "recursion through a union (response)",
    before: read({ $ref: "#/components/schemas/Node" }, { Node: node("string") }),
    after: read({ $ref: "#/components/schemas/Node" }, { Node: node("integer") }),
    want: ["breaking: response-type-changed"],
  },
  {
    name: "mutual recursion through two unions and a not",
    before: create({ $ref: "#/components/schemas/A" }, {
      A: { anyOf: [{ type: "integer" }, object({ b: { $ref: "#/components/schemas/B" }, n: { type: "string" } })] },
      B: { oneOf: [{ type: "boolean" }, object({ a: { $ref: "#/components/schemas/A" } }, [], { not: { $ref: "#/components/schemas/A" } })] },
    }),
    after: create({ $ref: "#/components/schemas/A" }, {
      A: { anyOf: [{ type: "integer" }, object({ b: { $ref: "#/components/schemas/B" }, n: { type: "string", maxLength: 3 } })] },
      B: { oneOf: [{ type: "boolean" }, object({ a: { $ref: "#/components/schemas/A" } }, [], { not: { $ref: "#/components/schemas/A" } })] },
    }),
    // A narrows inside `not: A`, so the `not` accepts more: a widening of the request.
    want: ["breaking: request-max-length-narrowed", "minor: request-not-widened"],
  },
];

describe("shapes that crashed", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("names each changed branch", async () => {
    const changes = await diffDocs(create(ab("string")), create(ab("integer")));
    expect(changes.map((c) => c.reason).sort()).toEqual([
      "request body application/json: body<#1>.a: type changed from string to integer",
      "request body application/json: body<#2>.b: type changed from string to integer",
    ]);
  });
});
