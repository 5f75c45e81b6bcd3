/**
 * The engine's own validator (used at generation time, where Ajv is not a dependency) agrees
 * with Ajv + ajv-formats: formats, string lengths, composition, objects, arrays; except where Ajv
 * is wrong and the generated zod validators are right (multipleOf on decimals, `byte`, `url`).
 */
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { formatOk } from "../../../../packages/runtime/src/mocks/formats.js";
import { formatValue } from "../../../../packages/runtime/src/mocks/format-values.js";
import { isExactMultipleOf } from "../../../../packages/runtime/src/mocks/validate-support.js";
import { Rng } from "../../../../packages/runtime/src/mocks/prng.js";
import { load, generator } from "./helpers.js";

const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, logger: false });
addFormats(ajv);

const FORMAT_CASES: Record<string, unknown[]> = {
  date: ["2024-02-29", "2023-02-29", "2024-13-01", "2024-1-01", 20240101],
  time: ["10:20:30Z", "10:20:30+01:00", "10:20:30", "25:00:00Z", "23:59:60Z"],
  "date-time": ["2024-05-17T09:30:00Z", "2024-05-17 09:30:00+02:00", "2024-05-17T09:30:00", "2024-05-17"],
  email: ["a.b@example.com", "a@b", "no-at.example.com", "x@y.co"],
  uri: ["https://example.com/a?b=c", "mailto:a@b.c", "/relative", "not a uri"],
  "uri-reference": ["/relative/path", "https://x.y", "#frag", "bad uri with spaces"],
  uuid: ["8b3c6f1e-2d4a-4f6b-9c1d-3e5f7a9b1c2d", "8b3c6f1e2d4a4f6b9c1d3e5f7a9b1c2d", "urn:uuid:8b3c6f1e-2d4a-4f6b-9c1d-3e5f7a9b1c2d"],
  hostname: ["api.example.com", "-bad.example.com", "localhost"],
  ipv4: ["192.0.2.1", "256.0.0.1", "1.2.3"],
  ipv6: ["2001:db8::1", "::1", "2001:db8:::1"],
  byte: ["aGVsbG8=", "aGVsbG8", "!!!!"],
  duration: ["P1D", "PT15M", "P", "1D"],
  int32: [2147483647, 2147483648, -2147483648, 1.5, "12"],
  int64: [9007199254740991, 1.5],
  regex: ["^[a-z]+$", "(unclosed"],
  "json-pointer": ["/a/b~1c", "a/b"],
  "unknown-format": ["anything", 12],
};

describe("formats", () => {
  it.each(Object.entries(FORMAT_CASES))("%s agrees with ajv-formats", (format, values) => {
    const check = ajv.compile({ format });
    for (const v of values) expect(formatOk(format, v), `${format} ${JSON.stringify(v)}`).toBe(check(v));
  });

  it("generates values each format accepts", () => {
    const rng = new Rng(1, "formats");
    for (const format of ["date", "time", "date-time", "iso-time", "iso-date-time", "duration", "email", "uuid", "uri", "url", "uri-reference", "uri-template", "hostname", "ipv4", "ipv6", "byte", "regex", "json-pointer", "relative-json-pointer"]) {
      const value = formatValue(format, rng);
      expect(value, format).toBeDefined();
      expect(ajv.compile({ type: "string", format })(value), `${format}: ${value}`).toBe(true);
    }
  });

  it("byte and url: where ajv-formats is wrong, as the generated zod validators", () => {
    const ajvSays = (format: string, v: string) => ajv.compile({ format })(v);
    // ajv-formats' /m flag checks the first line only.
    expect(ajvSays("byte", "AAAA\n!!!!")).toBe(true);
    expect(formatOk("byte", "AAAA\n!!!!")).toBe(false);
    expect(formatOk("byte", "aGVsbG8=")).toBe(true);
    // Its web-URL regex refuses local, private and single-label hosts that real endpoint fields carry.
    for (const url of ["http://localhost:3000/x", "http://127.0.0.1/", "http://10.0.0.5:9000", "http://minio:9000/bucket"]) {
      expect(ajvSays("url", url), url).toBe(false);
      expect(formatOk("url", url), url).toBe(true);
    }
    for (const bad of ["example.com/x", "http://", "http:// spaced.example"]) expect(formatOk("url", bad), bad).toBe(false);
  });
});

describe("Validator", () => {
  const SCHEMAS: Record<string, unknown> = {
    Len: { type: "string", minLength: 2, maxLength: 3 },
    Money: { type: "number", multipleOf: 0.01, exclusiveMinimum: 0 },
    Tenth: { type: "number", multipleOf: 0.1 },
    Obj: {
      type: "object",
      required: ["a"],
      properties: { a: { type: "integer" }, b: { type: ["string", "null"] } },
      patternProperties: { "^x-": { type: "boolean" } },
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 3,
      dependentRequired: { b: ["a"] },
      propertyNames: { maxLength: 5 },
    },
    // (Ajv skips `contains` on an empty array when `prefixItems` is present; the engine does not.)
    Arr: { type: "array", items: { type: ["integer", "string"] }, uniqueItems: true, contains: { const: 1 }, maxContains: 1, maxItems: 4 },
    Tuple: { type: "array", prefixItems: [{ type: "string" }], items: { type: "integer" }, minItems: 1 },
    One: { oneOf: [{ type: "integer" }, { type: "number", minimum: 0 }] },
    Any: { anyOf: [{ type: "string", format: "email" }, { type: "null" }] },
    Not: { not: { enum: ["x", 1] } },
    Ref: { allOf: [{ $ref: "#/components/schemas/Obj" }], properties: { a: { minimum: 10 } } },
  };
  const VALUES: unknown[] = [
    "é😀", "ab", "abcd", 0.3, 0.07, 12.34, 1e21, 0, -1, 1, 1.5, 2, null, true, "x", "a@b.co",
    { a: 1 }, { a: 12 }, { a: 1, b: "s" }, { a: 1, "x-y": true }, { a: 1, "x-y": 1 }, { a: 1, extra: 1 }, {}, { b: null }, { a: 1, b: null, "x-a": true, "x-b": false },
    ["s", 1], ["s", 1, 1], ["s", 2], [1, 1], ["s", 1, 2, 3, 4], [],
  ];

  it("agrees with Ajv on every schema × value", async () => {
    const { spec, model } = await load(SCHEMAS);
    const g = generator(model);
    ajv.addSchema({ ...spec.document, $id: "validator-test" });
    for (const name of Object.keys(SCHEMAS)) {
      const check = ajv.compile({ $ref: `validator-test#/components/schemas/${name}` });
      const schema = model.schemaByName.get(name)!.schema;
      for (const v of VALUES) expect(g.validator.isValid(v, schema), `${name} ${JSON.stringify(v)}`).toBe(exactWhereAjvIsWrong(name, v) ?? check(v));
    }
  });

  // Ajv's float quotient test says 0.07 is not a multiple of 0.01, nor 0.3 of 0.1, nor 1e21 of 0.1.
  function exactWhereAjvIsWrong(name: string, v: unknown): boolean | undefined {
    if (typeof v !== "number") return undefined;
    if (name === "Tenth") return isExactMultipleOf(v, 0.1);
    if (name === "Money") return v > 0 && isExactMultipleOf(v, 0.01);
    return undefined;
  }

  it("judges multipleOf on the decimal values: every amount 0.00-99.99 is a multiple of 0.01", async () => {
    const { model } = await load(SCHEMAS);
    const g = generator(model);
    const money = model.schemaByName.get("Money")!.schema;
    const refused = Array.from({ length: 9999 }, (_, i) => Number(((i + 1) / 100).toFixed(2))).filter((v) => !g.validator.isValid(v, money));
    expect(refused).toEqual([]);
    expect(g.validator.isValid(0.305, money)).toBe(false);
    expect(isExactMultipleOf(3e21, 3)).toBe(true);
    expect(isExactMultipleOf(7, 0)).toBe(false);
  });

  it("says where and what is wrong", async () => {
    const { model } = await load(SCHEMAS);
    const g = generator(model);
    expect(g.validator.check({ a: 1, "x-y": 1 }, model.schemaByName.get("Obj")!.schema)).toBe("at /x-y: must be boolean");
    expect(g.validator.check(0.35, model.schemaByName.get("Tenth")!.schema)).toBe("at /: must be multiple of 0.1");
  });
});
