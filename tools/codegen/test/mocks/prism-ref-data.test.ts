/**
 * The mock spec's data without `$ref` keys (src/emit/mocks/prism-ref-data.ts): given documents with
 * `$ref` inside examples, defaults and enums and real references beside them, want the data
 * stripped, the references kept, and everything unchanged reused (the document is shared).
 */
import { describe, expect, it } from "vitest";
import { withoutRefData } from "../../src/emit/mocks/prism-ref-data.js";

const member = { value: "1", $ref: "https://scim.invalid/Users/1" };
const stripped = { value: "1" };

describe("withoutRefData", () => {
  it.each([
    ["a media example", { paths: { "/g": { get: { responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/G" }, example: { members: [member] } } } } } } } } }, { paths: { "/g": { get: { responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/G" }, example: { members: [stripped] } } } } } } } } }],
    ["a named example's value", { components: { examples: { E: { summary: "s", value: [member] } } } }, { components: { examples: { E: { summary: "s", value: [stripped] } } } }],
    ["a parameter example", { components: { parameters: { P: { name: "p", in: "query", example: member } } } }, { components: { parameters: { P: { name: "p", in: "query", example: stripped } } } }],
    [
      "a schema's example, default, enum and const (its $ref stays a reference)",
      { components: { schemas: { G: { properties: { m: { $ref: "#/components/schemas/M" } }, example: member, default: member, enum: [member], const: member, examples: [member] } } } },
      { components: { schemas: { G: { properties: { m: { $ref: "#/components/schemas/M" } }, example: stripped, default: stripped, enum: [stripped], const: stripped, examples: [stripped] } } } },
    ],
  ])("given %s, want its data without $ref", (_name, given, want) => {
    const before = JSON.stringify(given);
    expect(withoutRefData(given)).toEqual(want);
    expect(JSON.stringify(given)).toBe(before);
  });

  it("returns what has no such data as is, and copies only the way to a change", () => {
    const untouched = { "/a": { get: { responses: {} } } };
    const doc = { paths: untouched, components: { examples: { E: { value: member } } } };
    const out = withoutRefData(doc) as typeof doc;
    expect(out).not.toBe(doc);
    expect(out.paths).toBe(untouched);
    const clean = { paths: untouched };
    expect(withoutRefData(clean)).toBe(clean);
  });

  it("a key named __proto__ in the data stays a key", () => {
    const data = JSON.parse('{"__proto__": {"$ref": "https://x.invalid/1", "v": 1}}') as object;
    const out = withoutRefData({ components: { examples: { E: { value: data } } } }) as { components: { examples: { E: { value: object } } } };
    expect(Object.getPrototypeOf(out.components.examples.E.value)).toBe(Object.prototype);
    expect(JSON.stringify(out.components.examples.E.value)).toBe('{"__proto__":{"v":1}}');
  });
});
