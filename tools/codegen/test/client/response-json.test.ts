/**
 * The generated client's `operationMeta[id].json`: set where the spec declares only JSON for the
 * operation's success responses, so the runtime parses the body as JSON whatever the server labels
 * it, and an HTML page (a proxy's, or a single-page app's at a wrong base URL) is a typed error
 * instead of data; and `accept`, the JSON type to ask for where the spec offers others too (XML),
 * which a server may otherwise pick. Given success responses as specs write them, want both.
 */
import { describe, expect, it } from "vitest";
import { generatedClient } from "../support/generated-client.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const schema = { type: "object" };
const media = (...types: string[]) => Object.fromEntries(types.map((t) => [t, { schema }]));

const CASES: [string, Record<string, unknown>, true | undefined, string?][] = [
  ["JSON", { "200": { description: "ok", content: media("application/json") } }, true],
  ["JSON with a charset", { "200": { description: "ok", content: media("application/json; charset=utf-8") } }, true],
  ["vendor JSON types over two statuses", { "200": { description: "ok", content: media("application/vnd.api+json") }, "201": { description: "ok", content: media("application/problem+json") } }, true],
  ["a 2XX range", { "2XX": { description: "ok", content: media("application/json") } }, true],
  ["JSON success, an HTML error page: only success counts", { "200": { description: "ok", content: media("application/json") }, "502": { description: "bad", content: media("text/html") } }, true],
  ["JSON or CSV: ask for JSON", { "200": { description: "ok", content: media("application/json", "text/csv") } }, undefined, "application/json"],
  ["Swagger's petstore login: XML first, then JSON: ask for JSON", { "200": { description: "ok", content: media("application/xml", "application/json") } }, undefined, "application/json"],
  ["a stream of JSON values (json-seq)", { "200": { description: "ok", content: media("application/json-seq") } }, undefined],
  ["newline-delimited JSON", { "200": { description: "ok", content: media("application/x-ndjson") } }, undefined],
  ["any type", { "200": { description: "ok", content: media("*/*") } }, undefined],
  ["no content", { "204": { description: "gone" } }, undefined],
  ["only a default response", { default: { description: "ok", content: media("application/json") } }, undefined],
];

describe("success responses that are JSON only", () => {
  it("given success responses as specs write them, want operationMeta's json flag and accept", async () => {
    const paths = Object.fromEntries(CASES.map(([, responses], i) => [`/op${i}`, { get: { operationId: `op${i}`, responses } }]));
    const { mod, done } = await generatedClient(scratch("response-json-"), { openapi: "3.1.0", info: { title: "t", version: "1" }, paths }, "response-json");
    try {
      const meta = (i: number) => mod.operationMeta[`op${i}`];
      expect(CASES.map(([name], i) => [name, meta(i).json, meta(i).accept])).toEqual(CASES.map(([name, , json, accept]) => [name, json, accept]));
    } finally {
      done();
    }
  }, 120_000);
});
