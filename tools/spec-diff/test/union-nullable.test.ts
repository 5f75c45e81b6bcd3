import { describe, expect, it } from "vitest";
import { diffDocs, object, sharedThing, verdicts, type Row } from "./support/spec-pair.js";

type P = Record<string, unknown>;
const field = (schema: P) => sharedThing(object({ f: schema }));
const v30 = (d: P): P => ({ ...d, openapi: "3.0.3" });

// A union's own null (3.0's `nullable: true` beside it, 3.1's `null` branch) is compared as the
// union's: OpenAI's `CreateImageEditRequest.size` went from a nullable enum to a nullable
// `anyOf: [string, enum]`, and the branch compared with the old enum, taken without the union's
// null, made it a breaking "null no longer allowed".
const rows: Row[] = [
  {
    name: "3.0: nullable enum → nullable anyOf [string, enum] (OpenAI's size)",
    before: v30(field({ type: "string", enum: ["256x256", "512x512"], nullable: true })),
    after: v30(field({ anyOf: [{ type: "string" }, { type: "string", enum: ["256x256", "512x512"] }], nullable: true })),
    want: ["breaking: response-union-branch-widened", "minor: request-union-branch-widened"],
  },
  {
    name: "3.1: type [string, null] enum → anyOf [string, enum, null]",
    before: field({ type: ["string", "null"], enum: ["a", "b", null] }),
    after: field({ anyOf: [{ type: "string" }, { type: "string", enum: ["a", "b"] }, { type: "null" }] }),
    want: ["breaking: response-union-branch-widened", "minor: request-union-branch-widened"],
  },
  {
    name: "3.0: nullable string → nullable oneOf [string, integer]",
    before: v30(field({ type: "string", nullable: true })),
    after: v30(field({ oneOf: [{ type: "string" }, { type: "integer" }], nullable: true })),
    want: ["breaking: response-union-branch-widened", "minor: request-union-branch-widened"],
  },
  {
    name: "3.0: nullable oneOf [string, integer] → nullable string",
    before: v30(field({ oneOf: [{ type: "string" }, { type: "integer" }], nullable: true })),
    after: v30(field({ type: "string", nullable: true })),
    want: ["breaking: request-union-branch-narrowed", "minor: response-union-branch-narrowed"],
  },
  // Null itself changing side is still reported, once, at the union.
  {
    name: "3.0: string → nullable anyOf [string, integer]",
    before: v30(field({ type: "string" })),
    after: v30(field({ anyOf: [{ type: "string" }, { type: "integer" }], nullable: true })),
    want: ["breaking: response-nullable-widened", "breaking: response-union-branch-widened", "minor: request-nullable-widened", "minor: request-union-branch-widened"],
  },
  {
    name: "3.0: nullable string → anyOf [string, integer] without null",
    before: v30(field({ type: "string", nullable: true })),
    after: v30(field({ anyOf: [{ type: "string" }, { type: "integer" }] })),
    want: ["breaking: request-nullable-narrowed", "breaking: response-union-branch-widened", "minor: request-union-branch-widened", "minor: response-nullable-narrowed"],
  },
];

describe("a plain schema that became a union (or back), both allowing null", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual(want);
  });

  it("names the branch and points at the union", async () => {
    const [finding] = (await diffDocs(rows[0]!.before, rows[0]!.after)).filter((c) => c.rule === "response-union-branch-widened");
    expect(finding).toMatchObject({ pointer: "#/components/schemas/Thing/properties/f/anyOf" });
    expect(finding!.reason).toMatch(/became an anyOf; new branch #1/);
  });
});

describe("a plain schema that became a union: the other branches are new (review)", () => {
  // A branch the plain schema might have taken is still reported: telling which values an object
  // takes needs every level's additionalProperties and the readOnly properties a request walk hides.
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const closed = (props: P) => ({ type: "object", properties: props, additionalProperties: false });
  it("a new branch whose nested closed object takes a property the old one did not", async () => {
    const W = object({ kind: { type: "string" }, a: closed({ x: { type: "string" } }) });
    const Bn = object({ kind: { type: "string" }, a: closed({ x: { type: "string" }, y: { type: "string" } }) });
    const found = verdicts(await diffDocs(sharedThing(object({ v: ref("W") }), { W, Bn }), sharedThing(object({ v: { oneOf: [ref("W"), ref("Bn")] } }), { W, Bn })));
    expect(found).toContain("breaking: response-union-branch-widened");
  });
  it("a new branch with a readOnly property of another type", async () => {
    const R = object({ kind: { type: "string" }, id: { type: "integer", readOnly: true } });
    const Rs = object({ kind: { type: "string" }, id: { type: "string", readOnly: true } });
    const found = verdicts(await diffDocs(sharedThing(object({ v: ref("R") }), { R, Rs }), sharedThing(object({ v: { oneOf: [ref("R"), ref("Rs")] } }), { R, Rs })));
    expect(found).toContain("breaking: response-union-branch-widened");
  });
  it("a string → oneOf [string, integer] has a new branch", async () => {
    const grown = verdicts(await diffDocs(field({ type: "string" }), field({ oneOf: [{ type: "string" }, { type: "integer" }] })));
    expect(grown).toEqual(["breaking: response-union-branch-widened", "minor: request-union-branch-widened"]);
  });
});

describe("an enum split across one-value branches (GitHub's budget_type)", () => {
  const split = (...values: string[]) => ({ oneOf: values.map((v) => ({ type: "string", enum: [v] })) });
  const rows: Row[] = [
    // The document changed where no rule finds a difference: listed for review, at patch level.
    { name: "the same values: no change to report but the rewrite", before: field({ type: "string", enum: ["sku", "product"] }), after: field(split("sku", "product")), want: ["patch: other-change"] },
    { name: "a value added in a branch of its own: an enum value added", before: field({ type: "string", enum: ["product", "sku"] }), after: field(split("bundle", "product", "sku")), want: ["minor: request-enum-widened", "patch: other-change", "warning: response-enum-widened"] },
    { name: "a value gone with its branch: an enum value removed", before: field(split("bundle", "product", "sku")), after: field({ type: "string", enum: ["product", "sku"] }), want: ["breaking: request-enum-narrowed", "minor: response-enum-narrowed", "patch: other-change"] },
    // Under a oneOf, a value two branches list is rejected: those branches are not one enum.
    { name: "oneOf branches that overlap are no single enum: b is rejected now", before: field({ type: "string", enum: ["a", "b"] }), after: field({ oneOf: [{ type: "string", enum: ["a", "b"] }, { type: "string", enum: ["b", "c"] }] }), want: ["breaking: response-union-branch-widened", "minor: request-union-branch-widened"] },
    { name: "3.0, nullable on both sides", before: v30(field({ type: "string", enum: ["a", "b"], nullable: true })), after: v30(field({ ...split("a", "b"), nullable: true })), want: ["patch: other-change"] },
  ];
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual(want);
  });
});
