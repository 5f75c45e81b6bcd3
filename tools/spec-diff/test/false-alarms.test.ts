/**
 * Changes that were reported as breaking (or reported many times) on real API histories although
 * consumers see one change or none: each row is the minimal pair and the findings it should give.
 */
import { describe, expect, it } from "vitest";
import { diffDocs, doc, json, object, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const ok = { "200": { description: "ok", content: json({ type: "object" }) } };
const param = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
const userPath = (name: string, extra: P = {}) => doc({ [`/u/{${name}}`]: { get: { operationId: "getUser", parameters: [param(name)], responses: ok, ...extra } } });
const post = (requestBody?: P) => doc({ "/things": { post: { operationId: "createThing", ...(requestBody ? { requestBody } : {}), responses: { "204": { description: "done" } } } } });
const AB = { A: object({ a: { type: "string" } }, ["a"]), B: object({ b: { type: "string" } }, ["b"]) };
const read = (schema: P) => doc({ "/things": { get: { operationId: "listThings", responses: { "200": { description: "ok", content: json(schema) } } } } }, { components: { schemas: AB } });
const thirteen = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`p${i}`, { type: "string" }]));

const rows: Row[] = [
  { name: "path parameter renamed only: one rename, nothing on the wire", before: userPath("id"), after: userPath("userId"), want: ["warning: request-parameter-renamed"] },
  {
    name: "path parameter renamed and its schema narrowed: the rename and the narrowing",
    before: userPath("id"),
    after: doc({ "/u/{userId}": { get: { operationId: "getUser", parameters: [{ ...param("userId"), schema: { type: "string", maxLength: 8 } }], responses: ok } } }),
    want: ["breaking: request-max-length-narrowed", "warning: request-parameter-renamed"],
  },
  {
    name: "two path parameters swapped names: each place renamed",
    before: doc({ "/a/{x}/b/{y}": { get: { operationId: "getB", parameters: [param("x"), param("y")], responses: ok } } }),
    after: doc({ "/a/{y}/b/{x}": { get: { operationId: "getB", parameters: [param("y"), param("x")], responses: ok } } }),
    want: ["warning: request-parameter-renamed", "warning: request-parameter-renamed"],
  },
  { name: "optional request body without a schema removed", before: post({ content: { "application/octet-stream": {} } }), after: post(), want: ["minor: request-untyped-body-removed"] },
  { name: "optional request body with a schema removed: still breaking", before: post({ content: json(object({ a: { type: "string" } })) }), after: post(), want: ["breaking: request-body-removed"] },
  { name: "required request body without a schema removed: still breaking", before: post({ required: true, content: { "application/octet-stream": {} } }), after: post(), want: ["breaking: request-body-removed"] },
  { name: "response array of objects became an object: one type change", before: read({ type: "array", items: object(thirteen) }), after: read(object(thirteen)), want: ["breaking: response-type-changed"] },
  { name: "response string became an integer: its string bounds are not listed", before: read({ type: "string", maxLength: 5, pattern: "^a" }), after: read({ type: "integer", maximum: 9 }), want: ["breaking: response-type-changed"] },
  {
    name: "request object became an array: its properties are not listed",
    before: post({ required: true, content: json(object({ a: { type: "string" } }, ["a"])) }),
    after: post({ required: true, content: json({ type: "array", items: { type: "string" }, minItems: 1 }) }),
    want: ["breaking: request-type-changed"],
  },
  {
    // OpenAPI 3.0 has no null type: a branch admitting only null is written as a nullable enum of null.
    name: "3.0's null branch (nullable enum [null]) → 3.1's type: null",
    before: { ...read({ oneOf: [object({ url: { type: "string" } }), { type: "string", nullable: true, enum: [null] }] }), openapi: "3.0.3" },
    after: read({ oneOf: [object({ url: { type: "string" } }), { type: "null" }] }),
    // No rule: the documents differ (the `openapi` version, the schema's text), listed at patch level.
    want: ["patch: other-change", "patch: other-change"],
  },
  {
    name: "3.0's null-only property (nullable enum [null]) → 3.1's type: null",
    before: { ...read(object({ emoji: { type: "string", nullable: true, enum: [null] } })), openapi: "3.0.3" },
    after: read(object({ emoji: { type: "null" } })),
    want: ["patch: other-change", "patch: other-change"],
  },
  {
    // The default moved next to the union; it still applies to booleans, so no default was removed.
    name: "a parameter became a union, its default written next to the union",
    before: doc({ "/p": { get: { operationId: "getP", parameters: [{ name: "evaluated", in: "query", schema: { type: "boolean", default: false } }], responses: ok } } }),
    after: doc({ "/p": { get: { operationId: "getP", parameters: [{ name: "evaluated", in: "query", schema: { oneOf: [{ type: "boolean" }, { type: "string", enum: ["some"] }], default: false } }], responses: ok } } }),
    want: ["minor: request-union-branch-widened"],
  },
  {
    // GitHub's app permissions: one permission level dropped, two alike ones added — no rename.
    name: "one of several alike properties dropped, two alike ones added: removed, not renamed",
    before: read(object({ a: { type: "string", enum: ["read", "write"] }, b: { type: "string", enum: ["read", "write"] } })),
    after: read(object({ a: { type: "string", enum: ["read", "write"] }, c: { type: "string", enum: ["read", "write"] }, d: { type: "string", enum: ["read", "write"] } })),
    want: ["breaking: response-property-removed", "minor: response-property-added-optional", "minor: response-property-added-optional"],
  },
  {
    // GitBook's events: a payload that was SpaceEvent or SiteEvent is now a SiteEvent only — fewer kinds of payload.
    name: "allOf: [oneOf: [A, B], extra] became allOf: [B, extra]: the union narrowed to B",
    before: read({ allOf: [{ oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }] }, object({ type: { type: "string" } })] }),
    after: read({ allOf: [{ $ref: "#/components/schemas/B" }, object({ type: { type: "string" } })] }),
    // B's own property is now always there: listed, not breaking.
    want: ["minor: response-property-added-required", "minor: response-union-branch-narrowed"],
  },
];

describe("false alarms", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("names a renamed path parameter once, where it is written now", async () => {
    const [change, ...rest] = await diffDocs(userPath("id"), userPath("userId"));
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      operation: "GET /u/{userId} (getUser)",
      pointer: "#/paths/~1u~1{userId}/get/parameters/0",
      reason: "path parameter id renamed to userId: the same on the wire; the generated client takes it as userId",
    });
  });
});
