/**
 * YAML's non-finite floats (`.inf`, `-.inf`, `.nan`; and a JSON literal past the double range,
 * `1e999`) have no JSON form: no instance can equal one and no document can carry one. The loader
 * decides once (src/load/non-finite.ts), with a warning at the pointer: an enum member holding one
 * is dropped (an enum left empty, or such a `const`, admits nothing), a default or example holding
 * one is dropped whole, a bound that is one is no bound. They used to reach the output as
 * `N: Infinity | -Infinity | 1;` / `M: NaN;` (types; tsc rejects both) and `$enum([null, 1])` (zod,
 * which then accepted null).
 *
 * Given a YAML spec with such numbers in every position, want: each target's member as the table
 * says, one strict tsc over every generated file and a consumer of the types (valid instances
 * type-check, invalid ones do not), the zod, mocks and client modules importable, zod accepting and
 * rejecting as the table says, fixtures valid for Ajv and zod, no `Infinity`/`NaN` in any output,
 * and one warning per value at its pointer. Then the same rule on 2.0, 3.0, JSON and split specs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generate } from "../src/generate.js";
import { loadSpec } from "../src/load/load-spec.js";
import { buildModel } from "../src/ir/build-model.js";
import { warningKind } from "../src/cli/warning-summary.js";
import type { IRWarning } from "../src/ir/types.js";
import { makeConsumer, typeCheck } from "./support/consumer.js";
import { DocumentValidator } from "./mocks/ajv-support.js";
import { scratchFolders } from "./scratch.js";

const scratch = scratchFolders();

const SPEC = `openapi: 3.1.0
info: {title: t, version: '1'}
x-limit: .inf
paths:
  /readings:
    get:
      operationId: listReadings
      parameters:
        - name: q
          in: query
          schema: {type: number, enum: [.inf, 2, -.inf], default: .nan}
          example: -.inf
        - name: limit
          in: query
          schema: {type: integer, minimum: -.inf, maximum: .Inf}
          examples:
            big: {value: .inf}
            small: {value: 3}
      responses:
        '200':
          description: ok
          headers:
            X-Rate: {schema: {type: number, maximum: .inf}, example: .NaN}
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Reading'}
              example: {kind: 1, value: .inf}
              examples:
                hot: {value: {kind: 1, value: .inf}}
components:
  schemas:
    Kind: {type: number, enum: [.inf, -.inf, 1]}
    Never: {enum: [.inf, .nan]}
    NaNConst: {const: .nan}
    Unbounded: {type: number, minimum: -.inf, maximum: .inf, exclusiveMaximum: .inf, multipleOf: .nan}
    Unreachable: {type: number, minimum: .inf}
    Text: {type: string, minLength: .nan, maxLength: .inf}
    List: {type: array, items: {type: integer}, maxItems: .inf, default: [1, .inf], examples: [[.inf], [2]]}
    Nested: {enum: [[1, .inf], {a: .nan}, ok]}
    Reading:
      type: object
      required: [kind, value]
      properties:
        kind: {$ref: '#/components/schemas/Kind'}
        value: {type: number, default: .inf, example: -.inf}
        never: {$ref: '#/components/schemas/NaNConst'}
`;

interface Case {
  given: string;
  name: string;
  /** Want: the member's text in types.gen.ts (whitespace collapsed). */
  want: string;
  /** zod accepts each, and each type-checks against the types. */
  valid: unknown[];
  /** zod rejects each; those JSON can write (no NaN/Infinity) fail the types too. */
  invalid: unknown[];
  /** zod rejects each, the types do not say (TypeScript has no integer). */
  wider?: unknown[];
}

const CASES: Case[] = [
  { given: "enum [.inf, -.inf, 1]: the non-finite members dropped", name: "Kind", want: "Kind: 1;", valid: [1], invalid: [2, null, "1", Infinity, -Infinity] },
  { given: "enum [.inf, .nan]: no member left, nothing valid", name: "Never", want: "Never: never;", valid: [], invalid: [null, 0, "x", Infinity, NaN] },
  { given: "const .nan: no JSON value equals it, nothing valid", name: "NaNConst", want: "NaNConst: never;", valid: [], invalid: [null, 0, NaN] },
  { given: "minimum -.inf, maximum .inf, exclusiveMaximum .inf, multipleOf .nan: no bounds", name: "Unbounded", want: "Unbounded: number;", valid: [0, 0.5, -1e308, 1e308], invalid: ["1"] },
  { given: "minimum .inf: refused (no bound), not a schema nothing meets", name: "Unreachable", want: "Unreachable: number;", valid: [5, -5], invalid: [null] },
  { given: "minLength .nan, maxLength .inf: no bounds", name: "Text", want: "Text: string;", valid: ["", "x".repeat(1000)], invalid: [1] },
  { given: "maxItems .inf, default [1, .inf], examples [[.inf], [2]]", name: "List", want: "List: number[];", valid: [[], [1, 2, 3]], invalid: [["a"]], wider: [[1.5]] },
  { given: "enum members holding .inf or .nan inside an array or object", name: "Nested", want: `Nested: "ok";`, valid: ["ok"], invalid: [[1, null], { a: null }, null] },
  {
    given: "an object whose properties hold the above (default and example .inf dropped)",
    name: "Reading",
    want: `Reading: { kind: components["schemas"]["Kind"]; value: number; never?: components["schemas"]["NaNConst"]; };`,
    valid: [{ kind: 1, value: 2 }],
    invalid: [{ kind: 1 }, { kind: 1, value: 2, never: null }, { kind: null, value: 2 }],
  },
];

/** Want: one warning per value or bound, at its pointer, in document order. */
const WARNINGS: [string, RegExp][] = [
  ["#/x-limit", /^\.inf is a non-finite number, which JSON cannot carry; dropped$/],
  ["#/paths/~1readings/get/parameters/0/schema/enum/0", /^enum member \.inf holds a non-finite number.*no JSON value can equal it\); dropped$/],
  ["#/paths/~1readings/get/parameters/0/schema/enum/2", /^enum member -\.inf holds/],
  ["#/paths/~1readings/get/parameters/0/schema/default", /^default \.nan holds a non-finite number.*; dropped$/],
  ["#/paths/~1readings/get/parameters/0/example", /^example -\.inf holds/],
  ["#/paths/~1readings/get/parameters/1/schema/minimum", /^minimum -\.inf is a non-finite number, which JSON cannot carry; ignored \(no bound\)$/],
  ["#/paths/~1readings/get/parameters/1/schema/maximum", /^maximum \.inf is/],
  ["#/paths/~1readings/get/parameters/1/examples/big/value", /^value \.inf holds/],
  ["#/paths/~1readings/get/responses/200/headers/X-Rate/schema/maximum", /^maximum \.inf is/],
  ["#/paths/~1readings/get/responses/200/headers/X-Rate/example", /^example \.nan holds/],
  ["#/paths/~1readings/get/responses/200/content/application~1json/example", /^example \{"kind": 1, "value": \.inf\} holds/],
  ["#/paths/~1readings/get/responses/200/content/application~1json/examples/hot/value", /^value \{"kind": 1, "value": \.inf\} holds/],
  ["#/components/schemas/Kind/enum/0", /^enum member \.inf holds/],
  ["#/components/schemas/Kind/enum/1", /^enum member -\.inf holds.*; dropped$/],
  ["#/components/schemas/Never/enum/0", /^enum member \.inf holds.*; dropped$/],
  ["#/components/schemas/Never/enum/1", /^enum member \.nan holds.*; dropped; no member is left, so no value is valid$/],
  ["#/components/schemas/NaNConst/const", /^const \.nan holds a non-finite number.*; no value is valid \(not: \{\}\)$/],
  ["#/components/schemas/Unbounded/minimum", /^minimum -\.inf is/],
  ["#/components/schemas/Unbounded/maximum", /^maximum \.inf is/],
  ["#/components/schemas/Unbounded/exclusiveMaximum", /^exclusiveMaximum \.inf is/],
  ["#/components/schemas/Unbounded/multipleOf", /^multipleOf \.nan is/],
  ["#/components/schemas/Unreachable/minimum", /^minimum \.inf is.*\(no bound\)$/],
  ["#/components/schemas/Text/minLength", /^minLength \.nan is/],
  ["#/components/schemas/Text/maxLength", /^maxLength \.inf is/],
  ["#/components/schemas/List/maxItems", /^maxItems \.inf is/],
  ["#/components/schemas/List/default", /^default \[1, \.inf\] holds/],
  ["#/components/schemas/List/examples/0", /^example \[\.inf\] holds/],
  ["#/components/schemas/Nested/enum/0", /^enum member \[1, \.inf\] holds/],
  ["#/components/schemas/Nested/enum/1", /^enum member \{"a": \.nan\} holds/],
  ["#/components/schemas/Reading/properties/value/default", /^default \.inf holds/],
  ["#/components/schemas/Reading/properties/value/example", /^example -\.inf holds/],
];

const flat = (s: string) => s.replace(/\s+/g, " ");
const NON_FINITE_TEXT = /\b(?:-?Infinity|NaN)\b/;
function containsNonFinite(v: unknown): boolean {
  if (typeof v === "number") return !Number.isFinite(v);
  return v !== null && typeof v === "object" && Object.values(v).some(containsNonFinite);
}

describe("YAML non-finite numbers (.inf, -.inf, .nan): refused at load time, the same for every target", () => {
  let root: string;
  let files: Record<string, string>;
  let warnings: IRWarning[];
  let zod: Record<string, any>;
  let mocks: Record<string, any>;
  let client: Record<string, any>;
  let specFile: string;
  let inPackage: string | undefined;
  afterAll(() => {
    if (inPackage) rmSync(inPackage, { recursive: true, force: true });
  });

  beforeAll(async () => {
    root = scratch("codegen-non-finite-");
    const consumer = makeConsumer(root);
    specFile = join(root, "spec.yaml");
    writeFileSync(specFile, SPEC);
    // Default options: the dropped examples would fail their schemas (an error by default) had they been kept.
    ({ warnings } = await generate({ spec: specFile, out: join(root, "out"), workers: false }));
    files = Object.fromEntries(readdirSync(join(root, "out")).map((f) => [f, readFileSync(join(root, "out", f), "utf8")]));
    await consumer;
    // Imported from inside the package, where @specforge/runtime resolves to its sources (msw does not: type-checked only).
    const scratchInPackage = fileURLToPath(new URL("../.tmp/", import.meta.url));
    mkdirSync(scratchInPackage, { recursive: true });
    inPackage = mkdtempSync(join(scratchInPackage, "non-finite-"));
    const copy = join(inPackage, "out");
    cpSync(join(root, "out"), copy, { recursive: true });
    [zod, mocks, client] = await Promise.all(["zod.gen.ts", "mocks.gen.ts", "client.gen.ts"].map((f) => import(pathToFileURL(join(copy, f)).href)));
  }, 120_000);

  it.each(CASES.map((k) => [k.given, k] as const))("given %s, want the types member so", (_given, k) => {
    expect(flat(files["types.gen.ts"]!)).toContain(flat(k.want));
  });

  it("operations: the query enum keeps its finite member, bounds and examples are gone", () => {
    expect(flat(files["types.gen.ts"]!)).toContain("q?: 2; limit?: number;");
    const query = zod.operations.listReadings.request.query;
    expect(query.safeParse({ q: 2, limit: 10 ** 12 }).success).toBe(true);
    expect(query.safeParse({ q: null }).success).toBe(false);
    expect(query.safeParse({ q: Infinity }).success).toBe(false);
  });

  it("no generated file holds Infinity or NaN", () => {
    expect(Object.entries(files).filter(([, text]) => NON_FINITE_TEXT.test(text)).map(([f, text]) => `${f}: ${NON_FINITE_TEXT.exec(text)![0]}`)).toEqual([]);
    expect(JSON.parse(files["openapi.mock.json"]!)).not.toHaveProperty("x-limit");
    expect(files["openapi.mock.json"]).not.toMatch(/"enum": \[\]/);
  });

  it.each(CASES.map((k) => [k.name, k] as const))("zod: %s accepts the valid instances and rejects the invalid ones", (name, k) => {
    for (const v of k.valid) expect(zod.components[name].safeParse(v).success, JSON.stringify(v)).toBe(true);
    for (const v of [...k.invalid, ...(k.wider ?? [])]) expect(zod.components[name].safeParse(v).success, String(v)).toBe(false);
  });

  it("mocks: every fixture is finite, valid for Ajv (the loaded document) and zod; none (null, warned) for the schemas nothing satisfies", async () => {
    const spec = await loadSpec(specFile);
    const ajv = new DocumentValidator(spec.document, spec.sourceVersion);
    const { Never, NaNConst, ...fixtures } = mocks.componentFixtures as Record<string, unknown>;
    expect([Never, NaNConst]).toEqual([null, null]);
    for (const [name, value] of Object.entries(fixtures)) {
      expect(containsNonFinite(value), name).toBe(false);
      expect(ajv.check(`#/components/schemas/${name}`, value), name).toBeUndefined();
      expect(zod.components[name].safeParse(value).success, name).toBe(true);
    }
    const body = mocks.responseFixtures.listReadings["200"]["application/json"];
    expect(zod.operations.listReadings.responses["200"]["application/json"].safeParse(body).success).toBe(true);
    expect(JSON.parse(JSON.stringify(mocks.responseFixtures))).toEqual(mocks.responseFixtures);
    expect(mocks.makeReading({}, { seed: 7 }).value).toSatisfy(Number.isFinite);
  });

  it("client: the module imports and builds", () => {
    expect(typeof client.createApi({ baseUrl: "http://127.0.0.1:9" }).listReadings).toBe("function");
  });

  it("one strict tsc over every generated file and a consumer: valid instances type-check, invalid ones do not", async () => {
    const lines = [`import type { components } from "./out/types.gen.js";`, `type S = components["schemas"];`];
    for (const k of CASES) {
      k.valid.forEach((v, i) => lines.push(`export const ${k.name}_${i}: S[${JSON.stringify(k.name)}] = ${JSON.stringify(v)};`));
      k.invalid.filter((v) => !containsNonFinite(v)).forEach((v, i) => lines.push(`// @ts-expect-error the schema rejects it`, `export const ${k.name}_invalid_${i}: S[${JSON.stringify(k.name)}] = ${JSON.stringify(v)};`));
    }
    writeFileSync(join(root, "consumer.ts"), lines.join("\n") + "\n");
    expect(await typeCheck(root, ["consumer.ts", "out/**/*.ts"])).toBe("");
  }, 120_000);

  it("warns once per value or bound, at its pointer (and the CLI counts them under two kinds); then the mocks' warnings", () => {
    const loader = warnings.slice(0, WARNINGS.length);
    expect(loader.map((w) => w.pointer)).toEqual(WARNINGS.map(([p]) => p));
    loader.forEach((w, i) => expect(w.message, w.pointer).toMatch(WARNINGS[i]![1]));
    expect(warnings.slice(WARNINGS.length).map((w) => `${w.pointer}: ${w.message}`)).toEqual([
      expect.stringMatching(/^#\/components\/schemas\/Never: no value satisfies the schema/),
      expect.stringMatching(/^#\/components\/schemas\/NaNConst: no value satisfies the schema/),
    ]);
    expect(new Set(loader.map(warningKind))).toEqual(new Set(["non-finite bound (YAML .inf/.nan; treated as no bound)", "non-finite number in a value (YAML .inf/.nan; dropped)"]));
  });
});

interface LoadCase {
  given: string;
  files: Record<string, string>;
  /** Want: the warnings' pointers, and the component schemas as loaded. */
  pointers: string[];
  schemas: Record<string, unknown>;
}

const LOAD_CASES: LoadCase[] = [
  {
    given: "a Swagger 2.0 YAML spec (after conversion to 3.0)",
    files: {
      "spec.yaml": `swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n  X: {type: number, enum: [-.inf, 3], maximum: .inf}\n`,
    },
    pointers: ["#/components/schemas/X/enum/0", "#/components/schemas/X/maximum"],
    schemas: { X: { type: "number", enum: [3] } },
  },
  {
    given: "a 3.0 JSON spec with numbers past the double range (1e999), one schema in another file",
    files: {
      "spec.json": JSON.stringify({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {}, components: { schemas: { Y: { $ref: "./y.yaml#/Y" } } } }).replace(
        '"paths":{}',
        '"paths":{},"x-big":[1e999,2]',
      ),
      "y.yaml": "Y: {type: integer, minimum: -.INF, enum: [.NaN, 5], exclusiveMaximum: true, maximum: .inf}\n",
    },
    pointers: ["#/x-big/0", "#/components/schemas/Y/minimum", "#/components/schemas/Y/enum/0", "#/components/schemas/Y/maximum"],
    schemas: { Y: { type: "integer", enum: [5], exclusiveMaximum: true } },
  },
  {
    given: "a YAML anchor holding .inf used in two places (cleaned once, at the first)",
    files: {
      "spec.yaml": "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: &a {type: number, maximum: .inf}\n    B: *a\n",
    },
    pointers: ["#/components/schemas/A/maximum"],
    schemas: { A: { type: "number" }, B: { type: "number" } },
  },
  {
    given: "a const, and an enum left with no member, admit nothing: not: {} (an empty enum is refused by Ajv, so by Prism serving the mock spec)",
    files: {
      "spec.yaml": "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    C: {const: -.inf, description: d}\n    E: {type: number, enum: [.nan], not: {type: string}}\n",
    },
    pointers: ["#/components/schemas/C/const", "#/components/schemas/E/enum/0"],
    schemas: { C: { description: "d", not: {} }, E: { type: "number", not: { type: "string" }, allOf: [{ not: {} }] } },
  },
  {
    given: "a spec without any (nothing walked, nothing warned)",
    files: { "spec.yaml": "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: {type: number, maximum: 1e300}\n" },
    pointers: [],
    schemas: { A: { type: "number", maximum: 1e300 } },
  },
];

describe("non-finite numbers in other kinds of spec: the loader's one rule", () => {
  it.each(LOAD_CASES.map((k) => [k.given, k] as const))("given %s", async (_given, k) => {
    const dir = scratch("codegen-non-finite-load-");
    for (const [name, text] of Object.entries(k.files)) writeFileSync(join(dir, name), text);
    const spec = await loadSpec(join(dir, Object.keys(k.files)[0]!));
    expect((spec.warnings ?? []).map((w) => w.pointer)).toEqual(k.pointers);
    expect(containsNonFinite(spec.document)).toBe(false);
    expect((spec.document.components as { schemas: unknown }).schemas).toEqual(k.schemas);
    // The model reports them with its own.
    expect(buildModel(spec).warnings.slice(0, k.pointers.length).map((w) => w.pointer)).toEqual(k.pointers);
  });
});
