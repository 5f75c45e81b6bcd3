import { describe, expect, it } from "vitest";
import { diffDocs, object, sharedThing, verdicts, type Row } from "./support/spec-pair.js";

const str = { type: "string" };
const role = (values: string[]) => object({ role: { type: "string", enum: values } }, ["role"]);
const A = object({ kind: { const: "a" } }, ["kind"]);
const B = object({ kind: { const: "b" } }, ["kind"]);
const C = object({ kind: { const: "c" } }, ["kind"]);
const branches = { A, B, C };
const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });

// Each row changes the component `Thing`, which is both the request body and the response of
// POST /things: narrowing breaks the request side, widening breaks the response side.
const rows: Row[] = [
  { name: "enum value added (widened)", before: sharedThing(role(["a", "b"])), after: sharedThing(role(["a", "b", "c"])), want: ["warning: response-enum-widened", "minor: request-enum-widened"] },
  { name: "enum value removed (narrowed)", before: sharedThing(role(["a", "b"])), after: sharedThing(role(["a"])), want: ["breaking: request-enum-narrowed", "minor: response-enum-narrowed"] },
  { name: "type widened", before: sharedThing(object({ n: { type: "integer" } })), after: sharedThing(object({ n: { type: ["integer", "string"] } })), want: ["breaking: response-type-widened", "minor: request-type-widened"] },
  { name: "type narrowed (number → integer)", before: sharedThing(object({ n: { type: "number" } })), after: sharedThing(object({ n: { type: "integer" } })), want: ["breaking: request-type-narrowed", "minor: response-type-narrowed"] },
  { name: "type changed", before: sharedThing(object({ n: str })), after: sharedThing(object({ n: { type: "integer" } })), want: ["breaking: request-type-changed", "breaking: response-type-changed"] },
  { name: "made nullable (type list)", before: sharedThing(object({ n: str })), after: sharedThing(object({ n: { type: ["string", "null"] } })), want: ["breaking: response-nullable-widened", "minor: request-nullable-widened"] },
  {
    name: "made nullable ($ref inside anyOf with null)",
    before: sharedThing(object({ r: ref("R") }), { R: object({ x: str }) }),
    after: sharedThing(object({ r: { anyOf: [{ type: "null" }, ref("R")] } }), { R: object({ x: str }) }),
    want: ["breaking: response-nullable-widened", "minor: request-nullable-widened"],
  },
  { name: "maxLength lowered", before: sharedThing(object({ s: { type: "string", maxLength: 100 } })), after: sharedThing(object({ s: { type: "string", maxLength: 50 } })), want: ["breaking: request-max-length-narrowed", "minor: response-max-length-narrowed"] },
  { name: "minimum lowered", before: sharedThing(object({ n: { type: "integer", minimum: 1 } })), after: sharedThing(object({ n: { type: "integer", minimum: 0 } })), want: ["breaking: response-minimum-widened", "minor: request-minimum-widened"] },
  { name: "maxItems added", before: sharedThing(object({ l: { type: "array", items: str } })), after: sharedThing(object({ l: { type: "array", items: str, maxItems: 3 } })), want: ["breaking: request-max-items-narrowed", "minor: response-max-items-narrowed"] },
  { name: "pattern added", before: sharedThing(object({ s: str })), after: sharedThing(object({ s: { type: "string", pattern: "^a" } })), want: ["breaking: request-pattern-narrowed", "minor: response-pattern-narrowed"] },
  { name: "format changed", before: sharedThing(object({ s: { type: "string", format: "date" } })), after: sharedThing(object({ s: { type: "string", format: "date-time" } })), want: ["breaking: request-format-changed", "breaking: response-format-changed"] },
  { name: "array items narrowed", before: sharedThing(object({ l: { type: "array", items: str } })), after: sharedThing(object({ l: { type: "array", items: { type: "string", enum: ["x"] } } })), want: ["breaking: request-enum-narrowed", "minor: response-enum-narrowed"] },
  { name: "new oneOf branch", before: sharedThing({ oneOf: [ref("A"), ref("B")] }, branches), after: sharedThing({ oneOf: [ref("A"), ref("B"), ref("C")] }, branches), want: ["breaking: response-union-branch-widened", "minor: request-union-branch-widened"] },
  { name: "oneOf branch removed", before: sharedThing({ oneOf: [ref("A"), ref("B")] }, branches), after: sharedThing({ oneOf: [ref("A")] }, branches), want: ["breaking: request-union-branch-narrowed", "minor: response-union-branch-narrowed"] },
  { name: "schema became a union with itself as a branch", before: sharedThing(A, branches), after: sharedThing({ oneOf: [ref("A"), ref("B")] }, branches), want: ["breaking: response-union-branch-widened", "minor: request-union-branch-widened"] },
  { name: "additionalProperties: false added", before: sharedThing(object({ a: str })), after: sharedThing(object({ a: str }, [], { additionalProperties: false })), want: ["breaking: request-additional-properties-narrowed", "minor: response-additional-properties-narrowed"] },
  { name: "property made required", before: sharedThing(object({ a: str })), after: sharedThing(object({ a: str }, ["a"])), want: ["breaking: request-property-became-required", "minor: response-property-became-required"] },
  { name: "property made optional", before: sharedThing(object({ a: str }, ["a"])), after: sharedThing(object({ a: str })), want: ["breaking: response-property-became-optional", "minor: request-property-became-optional"] },
  { name: "property removed", before: sharedThing(object({ a: str, b: str })), after: sharedThing(object({ a: str })), want: ["breaking: request-property-removed", "breaking: response-property-removed"] },
  {
    name: "property renamed",
    before: sharedThing(object({ a: str, b: { type: "integer" } })),
    after: sharedThing(object({ a: str, c: { type: "integer" } })),
    want: ["breaking: request-property-renamed", "breaking: response-property-renamed", "minor: request-property-added-optional", "minor: response-property-added-optional"],
  },
  { name: "optional property added", before: sharedThing(object({ a: str })), after: sharedThing(object({ a: str, b: str })), want: ["minor: request-property-added-optional", "minor: response-property-added-optional"] },
  { name: "required property added", before: sharedThing(object({ a: str })), after: sharedThing(object({ a: str, b: str }, ["b"])), want: ["breaking: request-property-added-required", "minor: response-property-added-required"] },
  {
    name: "property added to a closed response object",
    before: sharedThing(object({ a: str }, [], { additionalProperties: false })),
    after: sharedThing(object({ a: str, b: str }, [], { additionalProperties: false })),
    want: ["warning: response-property-added-to-closed-object", "minor: request-property-added-optional"],
  },
  { name: "required readOnly property added: not part of requests", before: sharedThing(object({ a: str })), after: sharedThing(object({ a: str, id: { type: "string", readOnly: true } }, ["id"])), want: ["minor: response-property-added-required"] },
  { name: "writeOnly property removed: not part of responses", before: sharedThing(object({ a: str, pw: { type: "string", writeOnly: true } })), after: sharedThing(object({ a: str })), want: ["breaking: request-property-removed"] },
  { name: "property became readOnly", before: sharedThing(object({ a: str, b: str })), after: sharedThing(object({ a: str, b: { type: "string", readOnly: true } })), want: ["breaking: request-property-removed"] },
  {
    name: "property moved into allOf: no change to what is valid",
    before: sharedThing(object({ a: str, b: str }, ["a"])),
    after: sharedThing({ allOf: [ref("Base"), object({ b: str })] }, { Base: object({ a: str }, ["a"]) }),
    // The documents differ (the generated code may too), so a patch-level change per component.
    want: ["patch: other-change", "patch: other-change"],
  },
  {
    name: "change deep inside a recursive schema",
    before: sharedThing(object({ name: str, children: { type: "array", items: ref("Thing") } })),
    after: sharedThing(object({ name: { type: "string", maxLength: 5 }, children: { type: "array", items: ref("Thing") } })),
    want: ["breaking: request-max-length-narrowed", "minor: response-max-length-narrowed"],
  },
];

describe("schema compatibility, per direction", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("reports where the change is written and where it is seen", async () => {
    const changes = await diffDocs(sharedThing(role(["a"])), sharedThing(role(["a", "b"])));
    const response = changes.find((c) => c.rule === "response-enum-widened")!;
    expect(response).toMatchObject({
      operation: "POST /things (createThing)",
      pointer: "#/components/schemas/Thing/properties/role/enum",
      reason: 'response 200 application/json: body.role: enum value "b" added',
    });
  });
});
