/**
 * The types target and the 2020-12 keywords the model rewrites for zod (ir/applicators-2020.ts):
 * given a schema, want the types.gen.ts member, valid instances (zod accepts each at run time)
 * that type-check against it under strict tsc (invalid ones that do not), and `z.infer` of the zod
 * schema assignable to it both ways where the two can say the same; the types are never narrower
 * than the schema.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../src/generate.js";
import { compileZod, docWith, TMP, type Compiled } from "../zod/compile.js";
import { typeCheck } from "../support/consumer.js";

const str = { type: "string" };
const int = { type: "integer" };

interface Case {
  /** Given: the component (in SCHEMAS) and what it shows. */
  given: string;
  name: string;
  /** Want: the member's text in types.gen.ts (whitespace collapsed). */
  want: string;
  valid: unknown[];
  /** Instances the schema rejects that the types reject too (the types say something). */
  invalid?: unknown[];
  /**
   * `z.infer` and the types target: assignable both ways; or one way — the types to z.infer where
   * they are exact and zod's type is wider, z.infer to the types where they are wider (zod enforces).
   */
  infer: "both ways" | "types to z.infer" | "z.infer to types";
}

const SCHEMAS: Record<string, unknown> = {
  Item: { $dynamicAnchor: "item", type: "object", required: ["id"], properties: { id: int } },
  Page: { type: "object", required: ["data"], properties: { data: { type: "array", items: { $dynamicRef: "#item" } } } },
  Tagged: { type: "object", properties: { item: { $dynamicRef: "#item", required: ["tag"], properties: { tag: str } } } },
  Feed: { type: "object", properties: { entries: { type: "array", items: { $dynamicRef: "#entry" } } }, $defs: { entry: { $dynamicAnchor: "entry", type: "object", properties: { n: { type: "number" } } } } },
  Cond: { type: "object", if: { properties: { kind: { const: "a" } }, required: ["kind"] }, then: { required: ["a"], properties: { a: int } }, else: { required: ["b"] } },
  IfThen: { type: "object", if: { required: ["a"] }, then: { required: ["b"] } },
  IfNullable: { type: ["object", "null"], if: { required: ["a"] }, then: { required: ["b"] }, else: { required: ["c"] } },
  Dep: { type: "object", dependentSchemas: { card: { required: ["billing"], properties: { billing: str } } } },
  Closed: { allOf: [{ type: "object", properties: { a: str }, required: ["a"] }], properties: { b: int }, unevaluatedProperties: false },
  Nothing: { type: "object", unevaluatedProperties: false },
  DepClosed: { type: "object", dependentSchemas: { a: { properties: { b: true } } }, unevaluatedProperties: false },
  Rest: { type: "object", unevaluatedProperties: int },
  Pair: { type: "array", prefixItems: [str, int], unevaluatedItems: false },
  Head: { type: "array", prefixItems: [str], unevaluatedItems: int },
  Open: { type: "array", prefixItems: [str, int] },
  Exact: { type: "array", prefixItems: [str, int], minItems: 2, maxItems: 2 },
  Keywords: { type: "object", properties: { if: str, then: int, $defs: { type: "boolean" } } },
  Free: { type: "object" },
  FreeNullable: { type: ["object", "null"], properties: {} },
  WithFree: { type: "object", properties: { metadata: { type: "object", description: "free-form" } } },
  Empty: { type: "object", additionalProperties: false },
};

const CASES: Case[] = [
  { given: "$dynamicRef to the one $dynamicAnchor (a generic Page)", name: "Page", want: `Page: { data: components["schemas"]["Item"][]; };`, valid: [{ data: [] }, { data: [{ id: 1 }] }], invalid: [{ data: [{ id: "1" }] }], infer: "both ways" },
  { given: "$dynamicRef beside other keywords", name: "Tagged", want: `item?: { tag: string; } & components["schemas"]["Item"];`, valid: [{}, { item: { id: 1, tag: "t" } }], invalid: [{ item: { id: 1 } }], infer: "both ways" },
  { given: "$dynamicAnchor in $defs (copied into components, $defs no property)", name: "Feed", want: `Feed: { entries?: components["schemas"]["Feed_$defs_entry"][]; };`, valid: [{}, { entries: [{ n: 1 }, {}] }], infer: "both ways" },
  { given: "type: object with if/then/else", name: "Cond", want: `Cond: ({ /** @constant */ kind: "a"; } & { a: number; }) | { kind?: unknown; b: unknown; };`, valid: [{ kind: "a", a: 1 }, { kind: "b", b: 2 }, { b: null }], invalid: [{ kind: "a" }, {}], infer: "both ways" },
  { given: "type: object with if/then and no else (no constraint)", name: "IfThen", want: `IfThen: { [key: string]: unknown; };`, valid: [{}, { a: 1, b: 2 }, { c: "x" }], infer: "both ways" },
  { given: "if/then/else beside a list of types (null kept, no constraint)", name: "IfNullable", want: `IfNullable: { [key: string]: unknown; } | null;`, valid: [null, { a: 1, b: 2 }, { c: 1 }], infer: "z.infer to types" },
  { given: "type: object with dependentSchemas", name: "Dep", want: `Dep: { [key: string]: unknown; };`, valid: [{}, { card: "1", billing: "x" }, { other: 1 }], infer: "both ways" },
  { given: "unevaluatedProperties: false over allOf", name: "Closed", want: `Closed: { b?: number; } & { a: string; };`, valid: [{ a: "x" }, { a: "x", b: 1 }], infer: "both ways" },
  { given: "unevaluatedProperties: false with nothing evaluated", name: "Nothing", want: `Nothing: Record<string, never>;`, valid: [{}], infer: "both ways" },
  { given: "unevaluatedProperties: false beside dependentSchemas (not enforced)", name: "DepClosed", want: `DepClosed: { [key: string]: unknown; };`, valid: [{}, { a: 1, b: 2 }, { c: 3 }], infer: "both ways" },
  { given: "unevaluatedProperties as a schema, alone", name: "Rest", want: `Rest: { [key: string]: number; };`, valid: [{}, { a: 1 }], invalid: [{ a: "x" }], infer: "both ways" },
  { given: "unevaluatedItems: false after prefixItems", name: "Pair", want: `Pair: [ string?, number?, ...unknown[] ] & [ unknown?, unknown? ];`, valid: [[], ["a"], ["a", 1]], invalid: [["a", 1, 2], [1]], infer: "both ways" },
  { given: "unevaluatedItems as a schema after prefixItems", name: "Head", want: `Head: [ string?, ...unknown[] ] & [ unknown?, ...number[] ];`, valid: [[], ["a"], ["a", 1, 2]], invalid: [["a", "b"]], infer: "both ways" },
  { given: "prefixItems alone (more items allowed)", name: "Open", want: `Open: [ string?, number?, ...unknown[] ];`, valid: [[], ["a"], ["a", 1, true]], infer: "both ways" },
  { given: "prefixItems with minItems = maxItems (zod's type leaves maxItems out)", name: "Exact", want: `Exact: [ string, number ];`, valid: [["a", 1]], invalid: [["a"], ["a", 1, 2]], infer: "types to z.infer" },
  { given: "type: object alone (any object: openapi-typescript's Record<string, never> rejects every key)", name: "Free", want: `Free: { [key: string]: unknown; };`, valid: [{}, { a: 1, b: "x" }], invalid: ["x"], infer: "both ways" },
  { given: "type: [object, null] with empty properties", name: "FreeNullable", want: `FreeNullable: { [key: string]: unknown; } | null;`, valid: [null, {}, { a: 1 }], infer: "z.infer to types" },
  { given: "a free-form object property (a request's metadata)", name: "WithFree", want: `metadata?: { [key: string]: unknown; };`, valid: [{}, { metadata: { plan: "pro", seats: 3 } }], infer: "both ways" },
  { given: "additionalProperties: false and no properties (admits no key)", name: "Empty", want: `Empty: Record<string, never>;`, valid: [{}], invalid: [{ a: 1 }], infer: "both ways" },
  { given: "properties named if, then and $defs (names, not keywords)", name: "Keywords", want: `Keywords: { if?: string; then?: number; $defs?: boolean; };`, valid: [{ if: "x", then: 1, $defs: true }], infer: "both ways" },
];

const flat = (s: string) => s.replace(/\s+/g, " ");

describe("types target: 2020-12 keywords, never narrower than the schema", () => {
  const dir = join(TMP, "types-2020");
  let c: Compiled;
  let types: string;
  beforeAll(async () => {
    c = await compileZod(docWith(SCHEMAS), "types-2020");
    rmSync(join(dir, "out"), { recursive: true, force: true });
    await generate({ spec: join(dir, "spec.json"), out: join(dir, "out"), targets: ["types", "zod"], workers: false });
    types = flat(readFileSync(join(dir, "out/types.gen.ts"), "utf8"));
  });

  it.each(CASES.map((k) => [k.given, k] as const))("given %s, want the member typed so", (_given, k) => {
    expect(types).toContain(flat(k.want));
  });

  it.each(CASES.map((k) => [k.name, k] as const))("the valid instances of %s are valid, the invalid ones invalid (zod)", (name, k) => {
    for (const v of k.valid) expect(c.mod.components[name].safeParse(v).success, JSON.stringify(v)).toBe(true);
    for (const v of k.invalid ?? []) expect(c.mod.components[name].safeParse(v).success, JSON.stringify(v)).toBe(false);
  });

  it("valid instances type-check against the types, invalid ones do not, and z.infer is assignable as stated (one strict tsc)", async () => {
    const lines = [
      `import type { z } from "zod";`,
      `import type { components } from "./out/types.gen.js";`,
      `import type * as M from "./out/zod.gen.js";`,
      `type S = components["schemas"];`,
      `export type To<A, B> = [A] extends [B] ? true : false;`,
      `export type Both<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
    ];
    for (const k of CASES) {
      k.valid.forEach((v, i) => lines.push(`export const ${k.name}_${i}: S[${JSON.stringify(k.name)}] = ${JSON.stringify(v)};`));
      (k.invalid ?? []).forEach((v, i) => lines.push(`// @ts-expect-error the schema rejects it`, `export const ${k.name}_invalid_${i}: S[${JSON.stringify(k.name)}] = ${JSON.stringify(v)};`));
      const [zod, types] = [`z.infer<typeof M.${k.name}Schema>`, `S[${JSON.stringify(k.name)}]`];
      const relation = k.infer === "both ways" ? `Both<${zod}, ${types}>` : k.infer === "types to z.infer" ? `To<${types}, ${zod}>` : `To<${zod}, ${types}>`;
      lines.push(`export const ${k.name}_infer: ${relation} = true;`);
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "consumer.ts"), lines.join("\n") + "\n");
    expect(await typeCheck(dir, ["consumer.ts", "out/types.gen.ts", "out/zod.gen.ts"])).toBe("");
  });

  it("the model's warnings are unchanged (what zod refuses, the types leave open)", () => {
    expect(c.warnings.map((w) => w.pointer)).toEqual(["#/components/schemas/DepClosed/unevaluatedProperties"]);
  });
});
