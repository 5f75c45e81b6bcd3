/**
 * 2020-12 keywords with no exact rewrite, and `$dynamicRef` (Ajv cannot referee it: it supports
 * `$dynamicAnchor` only at a resource root): given/want — the verdicts zod gives, and the warning
 * (with the pointer) for each keyword that is refused rather than enforced. The rewritten
 * keywords are in the Ajv-checked construct table (cases.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { compileZod, docWith, type Compiled } from "./compile.js";
import { fixturesOf } from "../mocks/helpers.js";

const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });

const SCHEMAS = {
  Item: { $dynamicAnchor: "item", type: "object", required: ["id"], properties: { id: { type: "integer" } } },
  Page: { type: "object", required: ["data"], properties: { data: { type: "array", items: { $dynamicRef: "#item" } } } },
  Twice: { properties: { a: { $dynamicRef: "#dup" } }, $defs: { one: { $dynamicAnchor: "dup" }, two: { $dynamicAnchor: "dup" } } },
  CondNested: { if: { properties: { a: { const: 1 } } }, then: { properties: { b: true } }, unevaluatedProperties: false },
  UpSchema: { properties: { a: true }, unevaluatedProperties: { type: "string" } },
  ItemsInBranch: { anyOf: [{ prefixItems: [true] }, { items: true }], unevaluatedItems: false },
  Many: { anyOf: [1, 2, 3, 4, 5].map((i) => ({ properties: { [`p${i}`]: true } })), unevaluatedProperties: false },
  UsesPage: { allOf: [ref("Page")] },
};

describe("2020-12 keywords: enforced, or refused out loud", () => {
  let c: Compiled;
  beforeAll(async () => {
    c = await compileZod(docWith(SCHEMAS), "applicators-2020");
  });

  it("given $dynamicRef to the one $dynamicAnchor, want the items typed and checked (not unknown[])", () => {
    const page = c.mod.components.Page;
    expect(page.safeParse({ data: [{ id: 1 }] }).success).toBe(true);
    expect(page.safeParse({ data: [{ id: "x" }] }).success).toBe(false);
    expect(c.code).toMatch(/export type Page = \{ data: Item\[\]; \};/);
  });

  const refused: [string, RegExp][] = [
    ["#/components/schemas/Twice/properties/a/$dynamicRef", /keyword \$dynamicRef "#dup" is not enforced: 2 \$dynamicAnchors of that name/],
    ["#/components/schemas/CondNested/unevaluatedProperties", /keyword unevaluatedProperties is not enforced: properties are evaluated inside if\/then\/else/],
    ["#/components/schemas/UpSchema/unevaluatedProperties", /keyword unevaluatedProperties \(a schema\) is not enforced next to properties evaluated elsewhere/],
    ["#/components/schemas/ItemsInBranch/unevaluatedItems", /keyword unevaluatedItems is not enforced: items are evaluated inside anyOf\/oneOf\/if/],
    ["#/components/schemas/Many/unevaluatedProperties", /keyword unevaluatedProperties is not enforced next to anyOf of 5 branches/],
  ];
  it.each(refused)("given what has no exact rewrite at %s, want a warning there", (pointer, message) => {
    const w = c.warnings.filter((x) => x.pointer === pointer);
    expect(w.map((x) => x.message)).toEqual([expect.stringMatching(message)]);
  });

  it("fixtures honour the rewritten keywords (checked with Ajv)", async () => {
    const r = await fixturesOf({
      Cond: { type: "object", if: { properties: { kind: { const: "a" } }, required: ["kind"] }, then: { required: ["a"], properties: { a: { type: "integer" } } }, else: { required: ["b"] } },
      Dep: { type: "object", properties: { card: { type: "string" } }, required: ["card"], dependentSchemas: { card: { required: ["billing"], properties: { billing: { type: "string" } } } } },
      Closed: { allOf: [{ type: "object", properties: { a: { type: "string" } }, required: ["a"] }], properties: { b: { type: "integer" } }, unevaluatedProperties: false, minProperties: 2 },
      Tuple: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], minItems: 2, unevaluatedItems: false },
    });
    expect(r.problems).toEqual([]);
    expect(Object.keys(r.values.Closed as object).sort()).toEqual(["a", "b"]);
  });
});
