import { describe, expect, it } from "vitest";
import { diffDocs, object, sharedThing, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const str = { type: "string" };
const code = (extra: P) => sharedThing(object({ code: { type: "string", ...extra } }));
const bag = (extra: P) => sharedThing(object({ a: str }, [], extra));
const list = (extra: P) => sharedThing(object({ l: { type: "array", ...extra } }));

// Each row changes the component `Thing`, both the request body and the response of POST
// /things: narrowing breaks the request side, widening breaks the response side.
const notRows: Row[] = [
  { name: "not added", before: code({}), after: code({ not: { enum: ["x"] } }), want: ["breaking: request-not-narrowed", "minor: response-not-narrowed"] },
  { name: "not removed", before: code({ not: { enum: ["x"] } }), after: code({}), want: ["breaking: response-not-widened", "minor: request-not-widened"] },
  {
    name: "not rejects more (its schema widened: fewer values accepted)",
    before: code({ not: { enum: ["x"] } }),
    after: code({ not: { enum: ["x", "y"] } }),
    want: ["breaking: request-not-narrowed", "minor: response-not-narrowed"],
  },
  {
    name: "not rejects less (its schema narrowed: more values accepted)",
    before: code({ not: { enum: ["x", "y"] } }),
    after: code({ not: { enum: ["x"] } }),
    want: ["breaking: response-not-widened", "minor: request-not-widened"],
  },
  {
    name: "not of a not cancels out",
    before: code({ not: { not: { enum: ["x"] } } }),
    after: code({ not: { not: { enum: ["x", "y"] } } }),
    want: ["warning: response-enum-widened", "minor: request-enum-widened"],
  },
  { name: "not unchanged, only its description", before: code({ not: { enum: ["x"] } }), after: code({ not: { enum: ["x"], description: "reserved" } }), want: ["patch: documentation-changed"] },
];

const patternRows: Row[] = [
  { name: "pattern property added", before: bag({}), after: bag({ patternProperties: { "^x-": str } }), want: ["breaking: request-pattern-properties-narrowed", "minor: response-pattern-properties-narrowed"] },
  { name: "pattern property removed", before: bag({ patternProperties: { "^x-": str } }), after: bag({}), want: ["breaking: response-pattern-properties-widened", "minor: request-pattern-properties-widened"] },
  {
    name: "pattern property added next to additionalProperties: false (lets keys in)",
    before: bag({ additionalProperties: false }),
    after: bag({ additionalProperties: false, patternProperties: { "^x-": str } }),
    want: ["breaking: response-pattern-properties-widened", "minor: request-pattern-properties-widened"],
  },
  {
    name: "pattern property removed next to additionalProperties: false (keys forbidden)",
    before: bag({ additionalProperties: false, patternProperties: { "^x-": str } }),
    after: bag({ additionalProperties: false }),
    want: ["breaking: request-pattern-properties-narrowed", "minor: response-pattern-properties-narrowed"],
  },
  {
    name: "pattern property added next to an additionalProperties schema",
    before: bag({ additionalProperties: { type: "integer" } }),
    after: bag({ additionalProperties: { type: "integer" }, patternProperties: { "^x-": str } }),
    want: ["breaking: request-pattern-properties-changed", "breaking: response-pattern-properties-changed"],
  },
  {
    name: "schema of one pattern narrowed",
    before: bag({ patternProperties: { "^x-": str, "^y-": str } }),
    after: bag({ patternProperties: { "^x-": { type: "string", maxLength: 3 }, "^y-": str } }),
    want: ["breaking: request-max-length-narrowed", "minor: response-max-length-narrowed"],
  },
];

const dependentRows: Row[] = [
  {
    name: "dependentRequired added",
    before: sharedThing(object({ a: str, b: str })),
    after: sharedThing(object({ a: str, b: str }, [], { dependentRequired: { a: ["b"] } })),
    want: ["breaking: request-dependent-required-narrowed", "minor: response-dependent-required-narrowed"],
  },
  {
    name: "dependentRequired extended",
    before: sharedThing(object({ a: str, b: str, c: str }, [], { dependentRequired: { a: ["b"] } })),
    after: sharedThing(object({ a: str, b: str, c: str }, [], { dependentRequired: { a: ["b", "c"] } })),
    want: ["breaking: request-dependent-required-narrowed", "minor: response-dependent-required-narrowed"],
  },
  {
    name: "dependentRequired removed",
    before: sharedThing(object({ a: str, b: str }, [], { dependentRequired: { a: ["b"] } })),
    after: sharedThing(object({ a: str, b: str })),
    want: ["breaking: response-dependent-required-widened", "minor: request-dependent-required-widened"],
  },
];

const tupleRows: Row[] = [
  {
    name: "closed tuple grew",
    before: list({ prefixItems: [str], items: false }),
    after: list({ prefixItems: [str, { type: "integer" }], items: false }),
    want: ["breaking: response-tuple-length-widened", "minor: request-tuple-length-widened"],
  },
  {
    name: "closed tuple shrank",
    before: list({ prefixItems: [str, { type: "integer" }], items: false }),
    after: list({ prefixItems: [str], items: false }),
    want: ["breaking: request-tuple-length-narrowed", "minor: response-tuple-length-narrowed"],
  },
  {
    name: "open tuple grew: the new position is constrained",
    before: list({ prefixItems: [str] }),
    after: list({ prefixItems: [str, { type: "integer" }] }),
    want: ["breaking: request-tuple-length-narrowed", "minor: response-tuple-length-narrowed"],
  },
  {
    name: "open tuple shrank: the position is no longer checked",
    before: list({ prefixItems: [str, { type: "integer" }] }),
    after: list({ prefixItems: [str] }),
    want: ["breaking: response-tuple-length-widened", "minor: request-tuple-length-widened"],
  },
  {
    name: "tuple position narrowed",
    before: list({ prefixItems: [str, str] }),
    after: list({ prefixItems: [str, { type: "string", enum: ["a"] }] }),
    want: ["breaking: request-enum-narrowed", "minor: response-enum-narrowed"],
  },
  { name: "items: false added after the tuple", before: list({ prefixItems: [str] }), after: list({ prefixItems: [str], items: false }), want: ["breaking: request-tuple-items-narrowed", "minor: response-tuple-items-narrowed"] },
  { name: "items: false removed after the tuple", before: list({ prefixItems: [str], items: false }), after: list({ prefixItems: [str] }), want: ["breaking: response-tuple-items-widened", "minor: request-tuple-items-widened"] },
  {
    name: "items after the tuple narrowed",
    before: list({ prefixItems: [str], items: { type: "integer" } }),
    after: list({ prefixItems: [str], items: { type: "integer", maximum: 9 } }),
    want: ["breaking: request-maximum-narrowed", "minor: response-maximum-narrowed"],
  },
  { name: "items: false on a plain array (must be empty)", before: list({}), after: list({ items: false }), want: ["breaking: request-items-narrowed", "minor: response-items-narrowed"] },
];

const containsRows: Row[] = [
  { name: "contains added", before: list({ items: str }), after: list({ items: str, contains: { const: "a" } }), want: ["breaking: request-contains-narrowed", "minor: response-contains-narrowed"] },
  { name: "contains removed", before: list({ items: str, contains: { const: "a" } }), after: list({ items: str }), want: ["breaking: response-contains-widened", "minor: request-contains-widened"] },
  {
    name: "contains schema widened",
    before: list({ items: str, contains: { enum: ["a"] } }),
    after: list({ items: str, contains: { enum: ["a", "b"] } }),
    want: ["warning: response-enum-widened", "minor: request-enum-widened"],
  },
  {
    name: "minContains raised",
    before: list({ items: str, contains: { const: "a" } }),
    after: list({ items: str, contains: { const: "a" }, minContains: 2 }),
    want: ["breaking: request-min-contains-narrowed", "minor: response-min-contains-narrowed"],
  },
  {
    name: "maxContains added",
    before: list({ items: str, contains: { const: "a" } }),
    after: list({ items: str, contains: { const: "a" }, maxContains: 1 }),
    want: ["breaking: request-max-contains-narrowed", "minor: response-max-contains-narrowed"],
  },
  {
    name: "maxContains relaxed",
    before: list({ items: str, contains: { const: "a" }, maxContains: 1 }),
    after: list({ items: str, contains: { const: "a" }, maxContains: 3 }),
    want: ["breaking: response-max-contains-widened", "minor: request-max-contains-widened"],
  },
  // minContains defaults to 1: spelling it out changes the document, not what is valid.
  { name: "minContains: 1 spelled out", before: list({ items: str, contains: { const: "a" } }), after: list({ items: str, contains: { const: "a" }, minContains: 1 }), want: ["patch: other-change"] },
];

describe("schema keywords, per direction", () => {
  describe.each([
    ["not", notRows],
    ["patternProperties", patternRows],
    ["dependentRequired", dependentRows],
    ["tuples", tupleRows],
    ["contains", containsRows],
  ] as const)("%s", (_, rows) => {
    it.each(rows)("$name", async ({ before, after, want }) => {
      expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
    });
  });

  it("no longer lists these keywords as an unexplained other-change", async () => {
    const rows = [notRows[0]!, patternRows[0]!, dependentRows[0]!, tupleRows[0]!, tupleRows[5]!, containsRows[0]!];
    for (const { before, after } of rows) {
      const changes = await diffDocs(before, after);
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.map((c) => c.rule)).not.toContain("other-change");
    }
  });

  it("reports a changed not as a change of the accepted values, where the inner change is", async () => {
    const changes = await diffDocs(code({ not: { enum: ["x"] } }), code({ not: { enum: ["x", "y"] } }));
    expect(changes.find((c) => c.rule === "request-not-narrowed")).toMatchObject({
      breaking: true,
      pointer: "#/components/schemas/Thing/properties/code/not/enum",
      reason: 'request body application/json: body.code<not>: enum value "y" added (inside not: accepted values narrowed)',
    });
  });

  it("names the pattern, the dependency and the tuple positions", async () => {
    const pattern = await diffDocs(bag({}), bag({ patternProperties: { "^x-": str } }));
    expect(pattern.find((c) => c.rule === "request-pattern-properties-narrowed")).toMatchObject({
      pointer: "#/components/schemas/Thing/patternProperties/^x-",
      reason: "request body application/json: body: pattern property /^x-/ added: values of keys matching /^x-/ must match its schema",
    });
    const dependent = await diffDocs(sharedThing(object({ a: str, b: str })), sharedThing(object({ a: str, b: str }, [], { dependentRequired: { a: ["b"] } })));
    expect(dependent.find((c) => c.rule === "request-dependent-required-narrowed")).toMatchObject({
      pointer: "#/components/schemas/Thing/dependentRequired/a",
      reason: 'request body application/json: body: when "a" is present, property "b" now required too',
    });
    const tuple = await diffDocs(tupleRows[0]!.before, tupleRows[0]!.after);
    expect(tuple.find((c) => c.rule === "response-tuple-length-widened")).toMatchObject({
      pointer: "#/components/schemas/Thing/properties/l/prefixItems",
      reason: "response 200 application/json: body.l: tuple grew from 1 to 2 positions: position 1 now allowed (no items were allowed after the tuple)",
    });
  });
});
