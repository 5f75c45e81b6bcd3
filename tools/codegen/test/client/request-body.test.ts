/**
 * The generated client's `operationMeta[id].body`: the request body's media type (and each
 * property's encoding) when the spec declares no JSON one, so the runtime sends a form, multipart
 * parts, bytes or text instead of JSON. Given request bodies as real specs write them (Stripe's
 * form with deepObject fields, an upload, bytes), want that metadata.
 */
import { describe, expect, it } from "vitest";
import { generatedClient } from "../support/generated-client.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const object = { type: "object", properties: { a: { type: "string" } } };

const CASES: [string, Record<string, unknown>, unknown][] = [
  [
    "Stripe: a form, nested fields as deepObject",
    { "application/x-www-form-urlencoded": { schema: object, encoding: { metadata: { style: "deepObject", explode: true }, expand: { explode: true, style: "deepObject" } } } },
    { mediaType: "application/x-www-form-urlencoded", encoding: { metadata: { style: "deepObject", explode: true }, expand: { style: "deepObject", explode: true } } },
  ],
  ["a form without an encoding", { "application/x-www-form-urlencoded": { schema: object } }, { mediaType: "application/x-www-form-urlencoded" }],
  [
    "an upload: each part's content type, not the form fields' style",
    { "multipart/form-data": { schema: object, encoding: { file: { contentType: "image/png", style: "form" }, note: { style: "form" } } } },
    { mediaType: "multipart/form-data", encoding: { file: { contentType: "image/png" } } },
  ],
  ["bytes", { "application/octet-stream": { schema: { type: "string", format: "binary" } } }, { mediaType: "application/octet-stream" }],
  ["JSON among the choices: JSON, as before", { "application/x-www-form-urlencoded": { schema: object }, "application/json": { schema: object } }, undefined],
  ["JSON:API: JSON under its own type, which such servers require", { "application/vnd.api+json": { schema: object } }, { mediaType: "application/vnd.api+json" }],
  ["Kubernetes' PATCH: merge-patch among other patch types", { "application/merge-patch+json": { schema: object }, "application/json-patch+json": { schema: object } }, { mediaType: "application/merge-patch+json" }],
  ["plain JSON with a charset: JSON, as before", { "application/json; charset=utf-8": { schema: object } }, undefined],
  ["newline-delimited JSON: JSON, as before", { "application/x-ndjson": { schema: object } }, undefined],
  ["any type", { "*/*": { schema: object } }, undefined],
];

describe("request body metadata", () => {
  it("given request bodies as specs write them, want operationMeta's body", async () => {
    const paths = Object.fromEntries(
      CASES.map(([, content], i) => [`/op${i}`, { post: { operationId: `op${i}`, requestBody: { content }, responses: { "204": { description: "ok" } } } }]),
    );
    const { mod, done } = await generatedClient(scratch("request-body-"), { openapi: "3.1.0", info: { title: "t", version: "1" }, paths }, "request-body");
    try {
      expect(CASES.map(([name], i) => [name, mod.operationMeta[`op${i}`].body])).toEqual(CASES.map(([name, , want]) => [name, want]));
    } finally {
      done();
    }
  }, 120_000);
});
