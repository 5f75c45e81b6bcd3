import { describe, expect, it } from "vitest";
import { normalizeSchema, type SchemaContext } from "../src/ir/normalize-schema.js";
import type { IRSchema } from "../src/ir/types.js";

const ctx = (dialect: "3.0" | "3.1"): SchemaContext => ({
  dialect,
  refName: (ref) => ref.split("/").pop()!,
  warn: () => {},
  resolveRaw: () => undefined,
  dynamicAnchors: () => [],
});
const norm = (raw: unknown, dialect: "3.0" | "3.1" = "3.1") => normalizeSchema(raw, "#", ctx(dialect));
/** Drops pointers so expectations read as plain schema facts. */
const strip = (s: unknown): unknown =>
  JSON.parse(JSON.stringify(s, (k, v) => (k === "pointer" ? undefined : k === "meta" && Object.keys(v).length === 0 ? undefined : v)));

describe("normalizeSchema: dialect differences resolved once", () => {
  const cases: [string, unknown, "3.0" | "3.1", Partial<IRSchema>][] = [
    ["3.0 nullable joins the type list", { type: "string", nullable: true }, "3.0", { types: ["string", "null"] }],
    ["3.1 type array", { type: ["string", "null"] }, "3.1", { types: ["string", "null"] }],
    ["nullable enum allows null", { type: "string", enum: ["a"], nullable: true }, "3.0", { types: ["string", "null"], enum: ["a", null] }],
    ["3.0 boolean exclusiveMinimum", { type: "number", minimum: 1, exclusiveMinimum: true }, "3.0", { types: ["number"], number: { exclusiveMinimum: 1 } }],
    ["3.0 exclusiveMaximum false keeps the bound", { type: "number", maximum: 5, exclusiveMaximum: false }, "3.0", { types: ["number"], number: { maximum: 5 } }],
    ["3.1 numeric exclusiveMinimum", { type: "integer", exclusiveMinimum: 0 }, "3.1", { types: ["integer"], number: { exclusiveMinimum: 0 } }],
    ["const null is representable", { const: null }, "3.1", { const: { value: null } }],
    ["true schema", true, "3.1", { boolean: true }],
    ["false schema", false, "3.1", { boolean: false }],
    ["3.0 ignores $ref siblings", { $ref: "#/components/schemas/A", maxLength: 3 }, "3.0", { ref: "A" }],
    ["3.1 applies $ref siblings", { $ref: "#/components/schemas/A", maxLength: 3 }, "3.1", { ref: "A", string: { maxLength: 3 } }],
    ["tuple (2019 form)", { type: "array", items: [{ type: "string" }], additionalItems: false }, "3.1", { types: ["array"], array: { prefixItems: [{ types: ["string"] } as IRSchema], items: { boolean: false } as IRSchema } }],
    ["int64 format stays on numbers", { type: "integer", format: "int64" }, "3.0", { types: ["integer"], number: { format: "int64" } }],
  ];
  it.each(cases)("%s", (_name, given, dialect, want) => {
    expect(strip(norm(given, dialect))).toEqual(strip({ ...want }));
  });

  it("merges example and examples", () => {
    expect(norm({ type: "string", example: "a", examples: ["b"] }).meta.examples).toEqual(["a", "b"]);
  });

  it("keeps required names missing from properties", () => {
    const s = norm({ type: "object", required: ["a", "b"], properties: { a: { type: "string" } } });
    expect(s.object?.properties.map((p) => [p.name, p.required])).toEqual([["a", true]]);
    expect(s.object?.requiredOnly).toEqual(["b"]);
  });

  it("wraps nullable composition as null | schema", () => {
    const s = norm({ nullable: true, allOf: [{ $ref: "#/components/schemas/A" }] }, "3.0");
    expect(strip(s)).toEqual({ anyOf: [{ types: ["null"] }, { allOf: [{ ref: "A" }] }] });
  });

  it("makes implicit discriminator mappings explicit", () => {
    const s = norm({
      oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
      discriminator: { propertyName: "kind", mapping: { kitty: "#/components/schemas/Cat" } },
    });
    expect(s.discriminator?.mapping).toEqual([
      { value: "kitty", target: "Cat" },
      { value: "Dog", target: "Dog" },
    ]);
  });

  // APIs.guru's DigitalOcean spec: its mapping still names the files the bundler inlined.
  it("leaves out, with a warning, a mapping entry that names no schema of the document", () => {
    const warnings: string[] = [];
    const refName = (ref: string) => {
      if (!ref.startsWith("#") || ref.endsWith("/Missing")) throw new Error(`no ${ref}`);
      return ref.split("/").pop()!;
    };
    const s = normalizeSchema(
      {
        oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }],
        discriminator: { propertyName: "type", mapping: { A: "models/types.yml#/record_a", B: "#/components/schemas/B", C: "Missing" } },
      },
      "#/x",
      { ...ctx("3.1"), refName, warn: (at, message) => warnings.push(`${at}: ${message}`) },
    );
    expect(s.discriminator?.mapping).toEqual([
      { value: "B", target: "B" },
      { value: "A", target: "A" },
    ]);
    expect(warnings).toEqual([
      '#/x/discriminator/mapping/A: discriminator mapping "A" → "models/types.yml#/record_a" names no schema of this document; left out',
      '#/x/discriminator/mapping/C: discriminator mapping "C" → "Missing" names no schema of this document; left out',
    ]);
  });
});
