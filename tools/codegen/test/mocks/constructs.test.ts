/**
 * Fixture generation per JSON Schema construct: every value is checked with Ajv (the same oracle
 * as the real-spec suite) and, where it matters, for what it should look like.
 */
import { describe, expect, it } from "vitest";
import { fixturesOf } from "./helpers.js";

async function valid(schemas: Record<string, unknown>, seed = 1) {
  const r = await fixturesOf(schemas, seed);
  expect(r.problems).toEqual([]);
  expect(r.warnings).toEqual([]);
  return r.values;
}

describe("strings", () => {
  it("respects formats, lengths and patterns together", async () => {
    const v = await valid({
      Email: { type: "string", format: "email" },
      When: { type: "string", format: "date-time" },
      Day: { type: "string", format: "date" },
      Id: { type: "string", format: "uuid" },
      Link: { type: "string", format: "uri" },
      Host: { type: "string", format: "hostname" },
      Ip: { type: "string", format: "ipv4" },
      Ip6: { type: "string", format: "ipv6" },
      Bytes: { type: "string", format: "byte" },
      Dur: { type: "string", format: "duration" },
      Short: { type: "string", minLength: 3, maxLength: 3 },
      Long: { type: "string", minLength: 120 },
      Sku: { type: "string", pattern: "^[A-Z]{3}-\\d{4}$" },
      Both: { type: "string", pattern: "^[a-z]+$", minLength: 12, maxLength: 14 },
      Alt: { type: "string", pattern: "^(draft|sent|paid)(-v\\d)?$" },
      Unicode: { type: "string", pattern: "^\\p{L}{2,4}$" },
      TwoPatterns: { allOf: [{ type: "string", pattern: "^a" }, { type: "string", pattern: "z$" }] },
    });
    expect(v.Sku).toMatch(/^[A-Z]{3}-\d{4}$/);
    expect((v.Long as string).length).toBeGreaterThanOrEqual(120);
  });

  it("is realistic by property name", async () => {
    const v = await valid({
      Person: {
        type: "object",
        required: ["email", "first_name", "lastName", "phone", "city", "country", "currency", "website", "created_at", "birthday", "description", "company", "sku", "id", "username", "street", "postal_code"],
        properties: Object.fromEntries(
          ["email", "first_name", "lastName", "phone", "city", "country", "currency", "website", "created_at", "birthday", "description", "company", "sku", "id", "username", "street", "postal_code"].map((n) => [n, { type: "string" }]),
        ),
      },
      Flags: { type: "object", required: ["active", "deleted", "is_verified"], properties: { active: { type: "boolean" }, deleted: { type: "boolean" }, is_verified: { type: "boolean" } } },
      Money: { type: "object", required: ["price", "amount_cents", "total"], properties: { price: { type: "number", multipleOf: 0.01 }, amount_cents: { type: "integer" }, total: { type: "number" } } },
    });
    const p = v.Person as Record<string, string>;
    expect(p.email).toMatch(/^[a-z.-]+@example\.com$/);
    expect(p.first_name).toMatch(/^[A-Z][a-z]+$/);
    expect(p.phone).toMatch(/^\+\d+$/);
    expect(p.country).toMatch(/^[A-Z]{2}$/);
    expect(p.currency).toMatch(/^[A-Z]{3}$/);
    expect(p.website).toMatch(/^https:\/\//);
    expect(p.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(p.birthday).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.sku).toMatch(/^SKU-\d+$/);
    expect(v.Flags).toEqual({ active: true, deleted: false, is_verified: true });
    const m = v.Money as Record<string, number>;
    expect(Number.isInteger(m.amount_cents)).toBe(true);
    expect(String(m.price)).toMatch(/^\d+(\.\d{1,2})?$/);
  });
});

describe("numbers", () => {
  it("respects bounds, exclusive bounds, multipleOf (float-safe) and int formats", async () => {
    const v = await valid({
      A: { type: "integer", minimum: 10, maximum: 12 },
      B: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
      C: { type: "number", multipleOf: 0.1, minimum: 0.25, maximum: 0.45 },
      D: { type: "integer", multipleOf: 7, minimum: 100 },
      E: { type: "integer", format: "int32", minimum: 2147483000 },
      F: { type: "number", multipleOf: 0.01, minimum: 1000000 },
      G: { allOf: [{ type: "integer", multipleOf: 4 }, { type: "integer", multipleOf: 6 }, { minimum: 1 }] },
      H: { type: "integer", exclusiveMaximum: -5 },
    });
    expect(v.A).toBeGreaterThanOrEqual(10);
    expect((v.G as number) % 12).toBe(0);
  });

  it("gives no value (and warns) for impossible bounds", async () => {
    const r = await fixturesOf({ Never: { type: "integer", minimum: 5, maximum: 4 } });
    expect(r.warnings.join()).toMatch(/#\/components\/schemas\/Never/);
  });
});

describe("arrays", () => {
  it("respects min/max items, uniqueItems, prefixItems and contains", async () => {
    const v = await valid({
      Tags: { type: "array", items: { type: "string", enum: ["a", "b", "c"] }, uniqueItems: true, minItems: 3 },
      Few: { type: "array", items: { type: "integer" }, maxItems: 1, minItems: 1 },
      Pair: { type: "array", prefixItems: [{ type: "string", format: "date" }, { type: "integer" }], items: false },
      WithContains: { type: "array", items: { type: "integer" }, contains: { type: "integer", minimum: 100 }, minContains: 2 },
      MaxContains: { type: "array", minItems: 4, items: { enum: [1, 2] }, contains: { const: 1 }, maxContains: 1 },
      UniqueObjects: { type: "array", minItems: 3, uniqueItems: true, items: { type: "object", required: ["n"], properties: { n: { type: "integer", minimum: 1, maximum: 5 } } } },
    });
    expect(new Set(v.Tags as string[]).size).toBe(3);
    expect((v.Pair as unknown[]).length).toBe(2);
  });
});

describe("objects", () => {
  it("respects required, additionalProperties, min/maxProperties, patternProperties, propertyNames, dependentRequired", async () => {
    const v = await valid({
      Closed: { type: "object", additionalProperties: false, required: ["a"], properties: { a: { type: "string" }, b: { type: "integer" } } },
      Map: { type: "object", additionalProperties: { type: "integer", minimum: 1 } },
      MinProps: { type: "object", minProperties: 3, properties: { a: { type: "string" } }, additionalProperties: { type: "boolean" } },
      MaxProps: { type: "object", maxProperties: 1, required: ["a"], properties: { a: { type: "string" }, b: { type: "string" }, c: { type: "string" } } },
      Patterns: { type: "object", minProperties: 2, patternProperties: { "^x-[a-z]+$": { type: "string" } }, additionalProperties: false },
      Names: { type: "object", minProperties: 1, propertyNames: { pattern: "^[A-Z]{2}$" }, additionalProperties: { type: "number" } },
      Deps: { type: "object", properties: { card: { type: "string" }, cvc: { type: "string" } }, dependentRequired: { card: ["cvc"] } },
      OnlyRequiredOnly: { type: "object", required: ["token"] },
    });
    expect(Object.keys(v.Patterns as object).every((k) => /^x-[a-z]+$/.test(k))).toBe(true);
    expect(Object.keys(v.MaxProps as object)).toEqual(["a"]);
  });
});

describe("composition", () => {
  it("merges allOf, picks anyOf, and satisfies oneOf with exactly one branch even when branches overlap", async () => {
    const v = await valid({
      Base: { type: "object", required: ["id"], properties: { id: { type: "string", format: "uuid" } } },
      Merged: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", required: ["name"], properties: { name: { type: "string", maxLength: 5 } } }] },
      Either: { anyOf: [{ type: "integer", minimum: 5 }, { type: "string", format: "email" }] },
      Overlap: {
        oneOf: [
          { type: "object", required: ["method"], properties: { method: { type: "string" }, code: { type: "string" } } },
          { type: "object", required: ["method", "password"], properties: { method: { type: "string" }, password: { type: "string" } } },
          { type: "object", required: ["method"], properties: { method: { type: "string" }, totp: { type: "string" } } },
        ],
      },
      NullableOneOf: { oneOf: [{ type: ["string", "null"] }, { type: ["integer", "null"] }] },
      Not: { type: "object", properties: { a: { type: "string" }, b: { type: "string" } }, not: { required: ["b"] } },
      NotNull: { not: { type: "null" } },
      Const: { const: "fixed" },
      Enum: { type: "string", enum: ["x", "y"] },
      Nullable: { type: ["string", "null"], format: "date" },
    });
    expect(v.Const).toBe("fixed");
    expect(v.Not).not.toHaveProperty("b");
  });

  it("chooses discriminator branches with the matching discriminator value", async () => {
    const pet = { type: "object", required: ["petType"], properties: { petType: { type: "string" } }, discriminator: { propertyName: "petType" } };
    const v = await valid({
      Pet: pet,
      Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }, { type: "object", properties: { lives: { type: "integer", maximum: 9 } } }] },
      Dog: { allOf: [{ $ref: "#/components/schemas/Pet" }, { type: "object", properties: { bark: { type: "boolean" } } }] },
      Shape: {
        oneOf: [{ $ref: "#/components/schemas/Circle" }, { $ref: "#/components/schemas/Square" }],
        discriminator: { propertyName: "kind", mapping: { circle: "#/components/schemas/Circle", square: "#/components/schemas/Square" } },
      },
      Circle: { type: "object", required: ["kind", "radius"], properties: { kind: { type: "string" }, radius: { type: "number", exclusiveMinimum: 0 } } },
      Square: { type: "object", required: ["kind", "side"], properties: { kind: { type: "string" }, side: { type: "number", exclusiveMinimum: 0 } } },
      Shapes: { type: "array", minItems: 4, items: { $ref: "#/components/schemas/Shape" } },
    });
    expect((v.Cat as { petType: string }).petType).toBe("Cat");
    expect((v.Dog as { petType: string }).petType).toBe("Dog");
    expect((v.Circle as { kind: string }).kind).toBe("circle");
    for (const s of v.Shapes as { kind: string; radius?: number; side?: number }[]) expect(s.kind === "circle" ? s.radius : s.side).toBeGreaterThan(0);
  });

  it("leaves out an optional writeOnly discriminator property: fixtures are response-shaped", async () => {
    const v = await valid({
      Item: { type: "object", additionalProperties: false, properties: { tag: { type: "string", writeOnly: true }, n: { type: "integer" } } },
      Any: { anyOf: [{ $ref: "#/components/schemas/Item" }], discriminator: { propertyName: "tag", mapping: { item: "#/components/schemas/Item" } } },
      Typed: { type: "object", required: ["tag"], properties: { tag: { type: "string", writeOnly: true } }, discriminator: { propertyName: "tag" } },
    });
    expect(v.Item).not.toHaveProperty("tag");
    expect(v.Any).not.toHaveProperty("tag");
    // Required stays required.
    expect(v.Typed).toHaveProperty("tag");
  });
});

describe("recursion", () => {
  it("cuts recursion at a depth limit and still satisfies required", async () => {
    const v = await valid({
      Node: { type: "object", required: ["name", "children"], properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/components/schemas/Node" } }, parent: { $ref: "#/components/schemas/Node" } } },
      Tree: { type: "object", required: ["root"], properties: { root: { $ref: "#/components/schemas/Node" } } },
      Expr: { oneOf: [{ type: "integer" }, { type: "object", required: ["op", "left", "right"], properties: { op: { enum: ["+", "-"] }, left: { $ref: "#/components/schemas/Expr" }, right: { $ref: "#/components/schemas/Expr" } } }] },
      Chain: { type: "object", required: ["next"], properties: { next: { anyOf: [{ $ref: "#/components/schemas/Chain" }, { type: "null" }] } } },
    });
    expect(JSON.stringify(v.Node).length).toBeLessThan(2000);
    expect((v.Node as { children: unknown[] }).children.length).toBeGreaterThan(0);
  });

  it("gives up with a warning naming the schema when no finite instance exists", async () => {
    const r = await fixturesOf({ MinOne: { type: "object", required: ["items"], properties: { items: { type: "array", minItems: 1, items: { $ref: "#/components/schemas/MinOne" } } } } });
    expect(r.warnings.join("\n")).toMatch(/#\/components\/schemas\/MinOne/);
  });
});

describe("determinism", () => {
  it("gives the same fixtures for a seed and other ones for another seed", async () => {
    const schemas = { User: { type: "object", required: ["id", "email", "age"], properties: { id: { type: "string", format: "uuid" }, email: { type: "string", format: "email" }, age: { type: "integer", minimum: 18, maximum: 99 } } } };
    const a = await valid(schemas, 1);
    const b = await valid(schemas, 1);
    const c = await valid(schemas, 7);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });
});

describe("values that do not exist", () => {
  it("given an optional property whose schema has no valid value, want it left out (not null)", async () => {
    const r = await fixturesOf({
      Impossible: { type: "string", enum: [1] },
      Holder: { type: "object", required: ["id"], properties: { id: { type: "integer" }, never: { $ref: "#/components/schemas/Impossible" }, inline: { type: "integer", minimum: 3, maximum: 2 } } },
    });
    expect(r.values.Holder).toEqual({ id: expect.any(Number) });
    expect(r.problems.filter((p) => p.startsWith("Holder"))).toEqual([]);
  });
});

