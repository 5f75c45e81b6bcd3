import { describe, expect, it } from "vitest";
import { diffDocs, doc, json, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const withParams = (...parameters: P[]) =>
  doc({ "/things": { get: { operationId: "listThings", parameters, responses: { "200": { description: "ok", content: json({ type: "object" }) } } } } });
const q = (name: string, extra: P = {}): P => ({ name, in: "query", schema: { type: "integer" }, ...extra });

const rows: Row[] = [
  { name: "new required parameter", before: withParams(), after: withParams(q("page", { required: true })), want: ["breaking: request-parameter-added-required"] },
  { name: "new optional parameter", before: withParams(), after: withParams(q("page")), want: ["minor: request-parameter-added-optional"] },
  { name: "parameter made required", before: withParams(q("page")), after: withParams(q("page", { required: true })), want: ["breaking: request-parameter-became-required"] },
  { name: "parameter made optional", before: withParams(q("page", { required: true })), after: withParams(q("page")), want: ["minor: request-parameter-became-optional"] },
  { name: "parameter removed", before: withParams(q("page")), after: withParams(), want: ["breaking: request-parameter-removed"] },
  { name: "parameter bound narrowed", before: withParams(q("limit", { schema: { type: "integer", maximum: 100 } })), after: withParams(q("limit", { schema: { type: "integer", maximum: 50 } })), want: ["breaking: request-maximum-narrowed"] },
  { name: "parameter enum widened", before: withParams(q("sort", { schema: { type: "string", enum: ["a"] } })), after: withParams(q("sort", { schema: { type: "string", enum: ["a", "b"] } })), want: ["minor: request-enum-widened"] },
  { name: "parameter moved from query to header", before: withParams(q("page")), after: withParams({ ...q("page"), in: "header" }), want: ["breaking: request-parameter-removed", "minor: request-parameter-added-optional"] },
  {
    name: "array serialization changed",
    before: withParams(q("ids", { schema: { type: "array", items: { type: "string" } } })),
    after: withParams(q("ids", { schema: { type: "array", items: { type: "string" } }, explode: false })),
    want: ["breaking: request-parameter-serialization-changed"],
  },
    // The documents differ, so the change is listed at patch level, but no rule fires.
  { name: "default serialization spelled out", before: withParams(q("page")), after: withParams(q("page", { style: "form", explode: true })), want: ["patch: other-change"] },
  { name: "header names match case-insensitively", before: withParams({ name: "X-Trace", in: "header", schema: { type: "string" } }), after: withParams({ name: "x-trace", in: "header", schema: { type: "string" } }), want: ["patch: other-change"] },
];

describe("parameters", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  it("points at the parameter", async () => {
    const [change] = await diffDocs(withParams(), withParams(q("page", { required: true })));
    expect(change).toMatchObject({ pointer: "#/paths/~1things/get/parameters/0", reason: "query parameter page: required parameter added" });
  });
});
