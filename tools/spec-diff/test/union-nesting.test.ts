import { describe, expect, it } from "vitest";
import { diffDocs, doc, getThing, json, object, verdicts } from "./support/spec-pair.js";

type Obj = Record<string, unknown>;
const str = { type: "string" };
const sizes = { type: "string", enum: ["256x256", "auto"] };
const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });

/** POST /edits taking a body with the property `p` (request only), in OpenAPI 3.0. */
const request30 = (p: Obj, schemas: Obj = {}): Obj => ({
  ...doc({ "/edits": { post: { operationId: "edit", requestBody: { content: json(object({ p })) }, responses: { "200": { description: "ok" } } } } }, { components: { schemas } }),
  openapi: "3.0.3",
});
/** POST /speech taking `{voice}` (request only), 3.1. */
const request31 = (voice: Obj, schemas: Obj = {}): Obj =>
  doc({ "/speech": { post: { operationId: "speak", requestBody: { content: json(object({ voice })) }, responses: { "200": { description: "ok" } } } } }, { components: { schemas } });

const errors = {
  Err: { oneOf: [ref("E1"), ref("E2")], discriminator: { propertyName: "type" } },
  E1: object({ type: { const: "e1" }, code: { type: "integer" } }, ["type"]),
  E2: object({ type: { const: "e2" }, msg: str }, ["type"]),
  E3: object({ type: { const: "e3" } }, ["type"]),
};
/** GET /things answering `{error}` (response only). */
const response = (error: Obj, more: Obj = {}) => ({ ...getThing(object({ error })), components: { schemas: { ...errors, ...more } } });

const breaking = (vs: string[]) => vs.filter((v) => v.startsWith("breaking:"));

describe("a union's own nullable goes with its branches", () => {
  it("nullable enum became a nullable anyOf of string and that enum (OpenAI CreateImageEditRequest.size): a widening", async () => {
    const before = request30({ ...sizes, default: "auto", nullable: true });
    const after = request30({ anyOf: [str, sizes], default: "auto", nullable: true });
    expect(verdicts(await diffDocs(before, after))).toEqual(["minor: request-union-branch-widened"]);
  });

  it("3.1: a null branch is carried the same way", async () => {
    const before = request31({ type: ["string", "null"], enum: ["a", "b", null] });
    const after = request31({ anyOf: [str, { type: "string", enum: ["a", "b"] }, { type: "null" }] });
    expect(breaking(verdicts(await diffDocs(before, after)))).toEqual([]);
  });

  it("control: null really gone (the union is not nullable) still breaks", async () => {
    const before = request30({ ...sizes, nullable: true });
    const after = request30({ anyOf: [str, sizes] });
    expect(verdicts(await diffDocs(before, after))).toContain("breaking: request-nullable-narrowed");
  });

  it("control: a branch removed from a request union still breaks", async () => {
    const before = request30({ anyOf: [{ type: "integer" }, sizes], nullable: true });
    const after = request30({ ...sizes, nullable: true });
    expect(verdicts(await diffDocs(before, after))).toEqual(["breaking: request-union-branch-narrowed"]);
  });
});

describe("a union inside a union is flattened before branches are paired", () => {
  it("string branch dropped beside a $ref to a oneOf (OpenAI MCPToolCall.error): the response only narrows", async () => {
    const before = response({ anyOf: [str, ref("Err"), { type: "null" }] });
    const after = response({ anyOf: [ref("Err"), { type: "null" }] });
    const changes = await diffDocs(before, after);
    expect(breaking(verdicts(changes))).toEqual([]);
    const narrowed = changes.filter((c) => c.rule === "response-union-branch-narrowed");
    expect(narrowed).toHaveLength(1);
    // Where the branch was listed, not the unchanged Err.
    expect(narrowed[0]!.pointer).toBe("#/paths/~1things/get/responses/200/content/application~1json/schema/properties/error/anyOf");
    expect(changes.some((c) => c.pointer.startsWith("#/components/schemas/Err"))).toBe(false);
  });

  it("anyOf of string and enum became anyOf of a $ref to that anyOf and an object (OpenAI voice): a request widening", async () => {
    const voices = { anyOf: [str, { type: "string", enum: ["alloy", "ash", "fable"] }] };
    const shared = { anyOf: [str, { type: "string", enum: ["alloy", "ash"] }] };
    const custom = object({ id: str }, ["id"], { additionalProperties: false });
    const before = request31(voices);
    const after = request31({ anyOf: [ref("VoiceIdsShared"), custom] }, { VoiceIdsShared: shared });
    const vs = verdicts(await diffDocs(before, after));
    expect(breaking(vs)).toEqual([]);
    expect(vs).toContain("minor: request-union-branch-widened");
  });

  it("an inline anyOf inside an anyOf pairs like its branches", async () => {
    const before = request31({ anyOf: [str, { type: "integer" }] });
    const after = request31({ anyOf: [{ anyOf: [str, { type: "integer" }] }, { type: "boolean" }] });
    expect(verdicts(await diffDocs(before, after))).toEqual(["minor: request-union-branch-widened"]);
  });

  it("control: a new branch in a response union (beside the nested one) still breaks", async () => {
    const before = response({ anyOf: [ref("Err"), { type: "null" }] });
    const after = response({ anyOf: [ref("Err"), { type: "integer" }, { type: "null" }] });
    expect(breaking(verdicts(await diffDocs(before, after)))).toEqual(["breaking: response-union-branch-widened"]);
  });

  it("control: a new branch of the nested union itself still breaks the response", async () => {
    const before = response({ anyOf: [str, ref("Err"), { type: "null" }] });
    const after = response({ anyOf: [str, ref("Err"), { type: "null" }] }, { Err: { oneOf: [ref("E1"), ref("E2"), ref("E3")], discriminator: { propertyName: "type" } } });
    expect(breaking(verdicts(await diffDocs(before, after)))).toEqual(["breaking: response-union-branch-widened"]);
  });

  it("control: a branch removed from a request union through the nested one still breaks", async () => {
    const before = request31({ anyOf: [ref("Shared"), object({ id: str }, ["id"])] }, { Shared: { anyOf: [str, { type: "integer" }] } });
    const after = request31({ anyOf: [ref("Shared"), object({ id: str }, ["id"])] }, { Shared: { anyOf: [str] } });
    expect(breaking(verdicts(await diffDocs(before, after)))).toContain("breaking: request-union-branch-narrowed");
  });
});
