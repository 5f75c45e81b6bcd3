import { describe, expect, it } from "vitest";
import { diffDocs, object, sharedThing, verdicts, type Row } from "./support/spec-pair.js";

const str = { type: "string" };

// `required` may name properties without a schema (any value, but present): dropping such a name
// relaxes the object, it removes no property.
const rows: Row[] = [
  {
    name: "a required name without a property schema dropped",
    before: sharedThing(object({ a: str }, ["a", "zzz"])),
    after: sharedThing(object({ a: str }, ["a"])),
    want: ["breaking: response-property-became-optional", "minor: request-property-became-optional"],
  },
  {
    name: "a required name without a property schema added",
    before: sharedThing(object({ a: str }, ["a"])),
    after: sharedThing(object({ a: str }, ["a", "zzz"])),
    want: ["breaking: request-property-added-required", "minor: response-property-added-required"],
  },
];

describe("required names without a property schema", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("points at the base's required list", async () => {
    const changes = await diffDocs(sharedThing(object({ a: str }, ["a", "zzz"])), sharedThing(object({ a: str }, ["a"])));
    expect(changes.find((c) => c.rule === "request-property-became-optional")).toMatchObject({
      pointer: "#/components/schemas/Thing/required",
      reason: 'request body application/json: body.zzz: property "zzz" is no longer required',
    });
  });
});
