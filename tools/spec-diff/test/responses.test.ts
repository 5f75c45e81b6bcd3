import { describe, expect, it } from "vitest";
import { diffDocs, doc, json, object, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const user = object({ id: { type: "string" }, email: { type: "string" } }, ["id", "email"]);
const header = (required = true) => ({ required, schema: { type: "integer" } });
const get = (responses: P) => doc({ "/users/{id}": { get: { operationId: "getUser", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses } } });
const ok = (schema: P = user, headers: P = { "X-Rate-Limit": header() }, mediaType = "application/json") => ({ description: "ok", headers, content: { [mediaType]: { schema } } });
const notFound = { description: "not found", content: json({ type: "object" }) };

const rows: Row[] = [
  { name: "status code removed", before: get({ "200": ok(), "404": notFound }), after: get({ "200": ok() }), want: ["breaking: response-status-removed"] },
  { name: "status code added", before: get({ "200": ok() }), after: get({ "200": ok(), "404": notFound }), want: ["minor: response-status-added"] },
  { name: "response header removed", before: get({ "200": ok() }), after: get({ "200": ok(user, {}) }), want: ["breaking: response-header-removed"] },
  { name: "response header made optional", before: get({ "200": ok() }), after: get({ "200": ok(user, { "X-Rate-Limit": header(false) }) }), want: ["breaking: response-header-became-optional"] },
  { name: "response header added", before: get({ "200": ok(user, {}) }), after: get({ "200": ok() }), want: ["minor: response-header-added-required"] },
  { name: "response content type changed", before: get({ "200": ok() }), after: get({ "200": ok(user, undefined, "application/xml") }), want: ["breaking: response-media-type-changed"] },
  { name: "response property removed", before: get({ "200": ok() }), after: get({ "200": ok(object({ id: { type: "string" } }, ["id"])) }), want: ["breaking: response-property-removed"] },
  {
    name: "response property renamed",
    before: get({ "200": ok() }),
    after: get({ "200": ok(object({ id: { type: "string" }, mail: { type: "string" } }, ["id", "mail"])) }),
    want: ["breaking: response-property-renamed", "minor: response-property-added-required"],
  },
  { name: "response property made optional", before: get({ "200": ok() }), after: get({ "200": ok({ ...user, required: ["id"] }) }), want: ["breaking: response-property-became-optional"] },
  { name: "response property added", before: get({ "200": ok() }), after: get({ "200": ok(object({ ...user.properties as P, name: { type: "string" } }, ["id", "email"])) }), want: ["minor: response-property-added-optional"] },
];

describe("responses", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("names the renamed property", async () => {
    const changes = await diffDocs(get({ "200": ok() }), get({ "200": ok(object({ id: { type: "string" }, mail: { type: "string" } }, ["id", "mail"])) }));
    expect(changes.find((c) => c.rule === "response-property-renamed")?.reason).toBe('response 200 application/json: body.email: property "email" renamed to "mail" (same schema)');
  });
});

// The path's parameter is renamed, so base and head pointers differ.
describe("removals point into the base version", () => {
  const moved = (content: P, headers: P = {}) => doc({ "/b/{key}": { get: { operationId: "getUser", responses: { "200": { description: "ok", headers, content } } } } });

  it("a removed header and a removed media type", async () => {
    const changes = await diffDocs(
      doc({ "/b/{id}": { get: { operationId: "getUser", responses: { "200": { description: "ok", headers: { "X-Rate-Limit": header() }, content: { ...json(user), "application/xml": { schema: user } } } } } } }),
      moved(json(user)),
    );
    expect(changes.find((c) => c.rule === "response-header-removed")?.pointer).toBe("#/paths/~1b~1{id}/get/responses/200/headers/X-Rate-Limit");
    expect(changes.find((c) => c.rule === "response-media-type-removed")?.pointer).toBe("#/paths/~1b~1{id}/get/responses/200/content/application~1xml");
  });
});
