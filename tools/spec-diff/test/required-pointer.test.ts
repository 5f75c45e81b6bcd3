import { describe, expect, it } from "vitest";
import { parsePointer } from "@specforge/codegen/model";
import { diffDocs, object, sharedThing } from "./support/spec-pair.js";

type Obj = Record<string, unknown>;

/** The value at a `#/…` pointer in `doc`, or undefined when it resolves to nothing. */
function resolve(doc: unknown, pointer: string): unknown {
  let at = doc;
  for (const t of parsePointer(pointer)) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Obj)[t];
  }
  return at;
}

// OpenAI's CreateResponse: `allOf: [{$ref: ModelResponseProperties}, {$ref: ResponseProperties}, {…, required: [model, …]}]`.
// The merged view's object is ModelResponseProperties, where `model` is declared, but the `required`
// list that changed is the third branch's.
const props = { ModelProps: object({ model: { type: "string" }, temperature: { type: "number" } }) };
const create = (required: string[]) =>
  sharedThing({ allOf: [{ $ref: "#/components/schemas/ModelProps" }, object({ input: { type: "string" } }), { type: "object", required }] }, props);

describe("the pointer of a property that became optional or required", () => {
  it("names the base's required list that dropped the name, in a later allOf branch", async () => {
    const before = create(["model", "input"]);
    const after = create(["input"]);
    const found = (await diffDocs(before, after)).filter((c) => c.rule.endsWith("-property-became-optional"));
    expect(found.map((c) => c.rule).sort()).toEqual(["request-property-became-optional", "response-property-became-optional"]);
    for (const c of found) {
      expect(c.pointer).toBe("#/components/schemas/Thing/allOf/2/required");
      expect(resolve(before, c.pointer)).toContain("model");
    }
  });

  it("names the head's required list that added the name", async () => {
    const before = create(["input"]);
    const after = create(["input", "temperature"]);
    const found = (await diffDocs(before, after)).filter((c) => c.rule.endsWith("-property-became-required"));
    expect(found.map((c) => c.rule).sort()).toEqual(["request-property-became-required", "response-property-became-required"]);
    for (const c of found) {
      expect(c.pointer).toBe("#/components/schemas/Thing/allOf/2/required");
      expect(resolve(after, c.pointer)).toContain("temperature");
    }
  });

  it("names a required list behind a $ref branch", async () => {
    const more = { ...props, Req: { type: "object", required: ["model"] } };
    const before = sharedThing({ allOf: [{ $ref: "#/components/schemas/ModelProps" }, { $ref: "#/components/schemas/Req" }] }, more);
    const after = sharedThing({ allOf: [{ $ref: "#/components/schemas/ModelProps" }, { $ref: "#/components/schemas/Req" }] }, { ...more, Req: { type: "object", required: [] } });
    const found = (await diffDocs(before, after)).filter((c) => c.rule.endsWith("-property-became-optional"));
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) {
      expect(c.pointer).toBe("#/components/schemas/Req/required");
      expect(resolve(before, c.pointer)).toContain("model");
    }
  });

  it("still names the object's own required list when it sits next to the properties", async () => {
    const before = sharedThing(object({ a: { type: "string" } }, ["a"]));
    const after = sharedThing(object({ a: { type: "string" } }, []));
    const found = (await diffDocs(before, after)).filter((c) => c.rule.endsWith("-property-became-optional"));
    expect(found.map((c) => c.pointer)).toEqual(["#/components/schemas/Thing/required", "#/components/schemas/Thing/required"]);
  });
});
