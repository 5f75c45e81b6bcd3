/**
 * What comparing two named schemas reports is recorded once and replayed wherever the pair comes
 * back (src/schema/walk-guard.ts): every operation must still get every change, in its own words,
 * including operations that enter a recursive cycle at another schema than the one recorded.
 */
import { describe, expect, it } from "vitest";
import { diffDocs, doc, json, object } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });
const get = (id: string, schema: P) => ({ get: { operationId: id, responses: { "200": { description: "ok", content: json(schema) } } } });
const api = (schemas: P, paths: Record<string, P>) => doc(paths, { components: { schemas } });

describe("named schemas compared once, reported everywhere", () => {
  it("a changed schema used by three operations: each gets the change, with its own place", async () => {
    const paths = { "/a": get("getA", ref("User")), "/b": get("getB", { type: "array", items: ref("User") }), "/c": get("getC", object({ owner: ref("User") })) };
    const changes = await diffDocs(api({ User: object({ id: { type: "string" }, email: { type: "string" } }) }, paths), api({ User: object({ id: { type: "string" } }) }, paths));
    expect(changes.map((c) => [c.operation, c.rule, c.pointer, c.reason])).toEqual([
      ["GET /a (getA)", "response-property-removed", "#/components/schemas/User/properties/email", 'response 200 application/json: body.email: property "email" removed'],
      ["GET /b (getB)", "response-property-removed", "#/components/schemas/User/properties/email", 'response 200 application/json: body[].email: property "email" removed'],
      ["GET /c (getC)", "response-property-removed", "#/components/schemas/User/properties/email", 'response 200 application/json: body.owner.email: property "email" removed'],
    ]);
  });

  it("a cycle entered at A by one operation and at B by another: both see the change in A", async () => {
    // Walking A first records B only up to the cycle back to A; that partial record must not be
    // replayed for /b. (Depth first, /a meets `n` first through b.a: the first place names it.)
    const schemas = (n: P) => ({ A: object({ b: ref("B"), n }), B: object({ a: ref("A") }) });
    const paths = { "/a": get("getA", ref("A")), "/b": get("getB", ref("B")) };
    const changes = await diffDocs(api(schemas({ type: "string" }), paths), api(schemas({ type: "integer" }), paths));
    expect(changes.map((c) => [c.operation, c.reason])).toEqual([
      ["GET /a (getA)", "response 200 application/json: body.b.a.n: type changed from string to integer"],
      ["GET /b (getB)", "response 200 application/json: body.a.n: type changed from string to integer"],
    ]);
  });

  it("the same pair in a request and a response: recorded per direction", async () => {
    const thing = (max: number) => object({ s: { type: "string", maxLength: max } });
    const paths = (t: P) => api({ T: t }, { "/t": { post: { operationId: "putT", requestBody: { content: json(ref("T")) }, responses: { "200": { description: "ok", content: json(ref("T")) } } } } });
    const changes = await diffDocs(paths(thing(10)), paths(thing(5)));
    expect(changes.map((c) => `${c.breaking ? "breaking" : "minor"}: ${c.rule}`).sort()).toEqual(["breaking: request-max-length-narrowed", "minor: response-max-length-narrowed"]);
  });
});
