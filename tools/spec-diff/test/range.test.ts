import { describe, expect, it } from "vitest";
import { diffDocs, object, sharedThing, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const n = (bounds: P) => sharedThing(object({ n: { type: "number", ...bounds } }));
const n30 = (bounds: P) => ({ ...n(bounds), openapi: "3.0.3" });

// Each row changes the component `Thing`, both the request body and the response of POST
// /things: a range that admits fewer numbers breaks the request side, more the response side.
const rows: Row[] = [
  { name: "3.0: exclusiveMinimum: true dropped (> 0 → >= 0)", before: n30({ minimum: 0, exclusiveMinimum: true }), after: n30({ minimum: 0 }), want: ["breaking: response-minimum-widened", "minor: request-minimum-widened"] },
  { name: "3.0: exclusiveMinimum: true added (>= 0 → > 0)", before: n30({ minimum: 0 }), after: n30({ minimum: 0, exclusiveMinimum: true }), want: ["breaking: request-exclusive-minimum-narrowed", "minor: response-exclusive-minimum-narrowed"] },
  { name: "3.1: exclusiveMinimum: 0 → minimum: 0", before: n({ exclusiveMinimum: 0 }), after: n({ minimum: 0 }), want: ["breaking: response-minimum-widened", "minor: request-minimum-widened"] },
  { name: "3.1: minimum: 0 → exclusiveMinimum: 0", before: n({ minimum: 0 }), after: n({ exclusiveMinimum: 0 }), want: ["breaking: request-exclusive-minimum-narrowed", "minor: response-exclusive-minimum-narrowed"] },
  { name: "3.1: exclusiveMinimum: 0 → minimum: 1 (> 0 → >= 1)", before: n({ exclusiveMinimum: 0 }), after: n({ minimum: 1 }), want: ["breaking: request-minimum-narrowed", "minor: response-minimum-narrowed"] },
  { name: "3.1: exclusiveMaximum: 10 → maximum: 10", before: n({ exclusiveMaximum: 10 }), after: n({ maximum: 10 }), want: ["breaking: response-maximum-widened", "minor: request-maximum-widened"] },
  { name: "3.0: exclusiveMaximum: true added", before: n30({ maximum: 10 }), after: n30({ maximum: 10, exclusiveMaximum: true }), want: ["breaking: request-exclusive-maximum-narrowed", "minor: response-exclusive-maximum-narrowed"] },
  { name: "both keywords, the tighter one in force unchanged", before: n({ minimum: 0, exclusiveMinimum: 5 }), after: n({ exclusiveMinimum: 5 }), want: ["patch: other-change"] },
  { name: "minimum added", before: n({}), after: n({ minimum: 0 }), want: ["breaking: request-minimum-narrowed", "minor: response-minimum-narrowed"] },
  { name: "exclusiveMinimum removed", before: n({ exclusiveMinimum: 0 }), after: n({}), want: ["breaking: response-exclusive-minimum-widened", "minor: request-exclusive-minimum-widened"] },
];

describe("a number's range", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("says which bound moved and how", async () => {
    const changes = await diffDocs(n30({ minimum: 0, exclusiveMinimum: true }), n30({ minimum: 0 }));
    expect(changes.find((c) => c.rule === "request-minimum-widened")).toMatchObject({
      pointer: "#/components/schemas/Thing/properties/n/minimum",
      reason: "request body application/json: body.n: lower bound relaxed from > 0 to >= 0",
    });
  });
});

describe("multipleOf with decimals", () => {
  const m = (multipleOf: number) => sharedThing(object({ n: { type: "number", multipleOf } }));
  const rows: Row[] = [
    { name: "0.1 → 0.3 (every multiple of 0.3 is one of 0.1: narrowed)", before: m(0.1), after: m(0.3), want: ["breaking: request-multiple-of-narrowed", "minor: response-multiple-of-narrowed"] },
    { name: "0.3 → 0.1 (widened)", before: m(0.3), after: m(0.1), want: ["breaking: response-multiple-of-widened", "minor: request-multiple-of-widened"] },
    { name: "0.2 → 0.3 (changed)", before: m(0.2), after: m(0.3), want: ["breaking: request-multiple-of-changed", "breaking: response-multiple-of-changed"] },
    // A tolerance on the ratio would take 3000000001 / 3 for whole.
    { name: "3 → 3000000001 (changed: not a multiple)", before: m(3), after: m(3000000001), want: ["breaking: request-multiple-of-changed", "breaking: response-multiple-of-changed"] },
    { name: "0.01 → 0.07 (narrowed)", before: m(0.01), after: m(0.07), want: ["breaking: request-multiple-of-narrowed", "minor: response-multiple-of-narrowed"] },
  ];
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });
});
