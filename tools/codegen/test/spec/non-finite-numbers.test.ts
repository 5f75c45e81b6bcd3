// The scan `specforge-spec bundle` and `pnpm dev` run when a bundle holds a number JSON cannot
// carry: where each one is in the spec's own files (file, line, column, pointer, as written).
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatNonFinite, mayHoldNonFinite, nonFiniteFindings, nonFiniteInSources, nonFiniteInYaml, nonFinitePointers } from "../../src/spec/non-finite-numbers.mjs";

const dir = mkdtempSync(join(tmpdir(), "non-finite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spec(files: Record<string, string>): string {
  const root = mkdtempSync(join(dir, "spec-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe("nonFiniteInSources", () => {
  it.each([
    ["YAML's spellings", "enum: [1, .inf, -.Inf, .NaN]\n", [["/enum/1", 1, 11, ".inf"], ["/enum/2", 1, 17, "-.Inf"], ["/enum/3", 1, 24, ".NaN"]]],
    ["a literal past the double range", "maximum: 1e999\n", [["/maximum", 1, 10, "1e999"]]],
    ["block style, nested", "properties:\n  a:\n    default: -.inf\n", [["/properties/a/default", 3, 14, "-.inf"]]],
    ["quoted is a string, not a number", "enum: ['.inf', \".nan\", '1e999']\n", []],
    ["finite numbers", "maximum: 1e308\nminimum: -2.5e-10\n", []],
    ["keys escaped in the pointer", "properties:\n  a/b~c: {maximum: .inf}\n", [["/properties/a~1b~0c/maximum", 2, 20, ".inf"]]],
    ["an alias reported once, at its anchor", "x: &n .inf\ny: *n\n", [["/x", 1, 7, ".inf"]]],
  ])("%s", (_, text, want) => {
    const root = spec({ "schema.yaml": text });
    expect(nonFiniteInSources(root).map((f) => [f.pointer, f.line, f.col, f.text])).toEqual(want);
  });

  it("reads JSON files and subfolders, not dist/, node_modules/ or package.json; file relative to cwd", () => {
    const root = spec({
      "components/a.json": '{"type": "number", "enum": [1, 1e999]}',
      "dist/openapi.yaml": "x: .inf\n",
      "node_modules/pkg/spec.yaml": "x: .inf\n",
      "package.json": '{"x": 1e999}',
    });
    expect(nonFiniteInSources(root, dir)).toEqual([{ file: join(root.slice(dir.length + 1), "components/a.json"), line: 1, col: 32, pointer: "/enum/1", text: "1e999" }]);
  });

  it("a file that does not parse is skipped, not thrown", () => {
    const root = spec({ "bad.yaml": "a: [.inf\n", "good.yaml": "b: .nan\n" });
    expect(nonFiniteInSources(root).map((f) => f.pointer)).toContain("/b");
  });
});

describe("nonFinitePointers and the messages", () => {
  it("finds every non-finite number of a parsed bundle, through shared and cyclic objects", () => {
    const shared = { maximum: Infinity };
    const doc: Record<string, unknown> = { a: shared, b: [1, NaN, -Infinity], "c/d": shared };
    doc.self = doc;
    expect(nonFinitePointers(doc)).toEqual(["/a/maximum", "/b/1", "/b/2"]);
    expect(nonFinitePointers({ a: [1, "Infinity", null] })).toEqual([]);
  });

  it("reads a bundle's YAML text: none without a candidate, aliases past yaml's default limit, [] for text that does not parse", () => {
    expect(nonFiniteInYaml("a: 1\ndescription: see example.info and 1e3\n")).toEqual([]);
    expect(nonFiniteInYaml("a: [1, .inf]\nb: {c: -.inf, d: '.nan'}\n")).toEqual(["/a/1", "/b/c"]);
    const aliases = `x: &n {v: .nan}\nys: [${Array(150).fill("*n").join(", ")}]\n`;
    expect(nonFiniteInYaml(aliases)).toHaveLength(1);
    expect(nonFiniteInYaml("a: [.inf\n")).toEqual([]);
  });

  it("names the source when found there, else the bundle's pointer", () => {
    const root = spec({ "a.yaml": "type: number\nenum: [1, .inf]\n" });
    const [found] = nonFiniteFindings(["/components/schemas/A/enum/1"], root, dir, "spec/dist/openapi.yaml");
    expect(formatNonFinite(found!)).toBe(
      `${join(root.slice(dir.length + 1), "a.yaml")}:2:11 #/enum/1: ".inf" is a non-finite number, which JSON cannot carry (the JSON bundle would hold null); use a finite number or remove it`,
    );
    // Only a $ref outside the spec's folder brought it in: the bundle is where to look.
    const [fallback] = nonFiniteFindings(["/x"], spec({ "a.yaml": "type: number\n" }), dir, "spec/dist/openapi.yaml");
    expect(fallback).toEqual({ file: "spec/dist/openapi.yaml", pointer: "/x", message: expect.stringMatching(/^the number at #\/x of the bundle is a non-finite number/) });
    expect(formatNonFinite(fallback!)).toMatch(/^spec\/dist\/openapi\.yaml #\/x: the number at/);
  });
});

describe("mayHoldNonFinite: the cheap test before any parse", () => {
  // A miss here would let a non-finite number through as null; a false alarm only costs a parse.
  it.each([
    ["a: .inf", true],
    ["enum: [-.Inf, +.NAN]", true],
    ['{"maximum":1e999}', true],
    ["a: -12.5E+400", true],
    ["a: .5e308", true],
    [`a: 0x${"f".repeat(256)}`, true],
    [`a: 0o${"7".repeat(256)}`, true],
    [`a: ${"9".repeat(309)}`, true],
    [`a: ${"9".repeat(309)}.5`, true],
    ["a: 1e99\nb: 12345", false],
    ["example: v1,5257a869e7ecebeda32affa62cd8e108d8bd", false],
    ["description: see setup.inf and x.nan", false],
    [`a: ${"9".repeat(308)}`, false],
    [`digest: ${"ab".repeat(200)}`, false],
  ])("%s → %s", (text, want) => {
    expect(mayHoldNonFinite(text)).toBe(want);
  });

  it("every number that parses to a non-finite one is a candidate", async () => {
    const { parse } = await import("yaml");
    for (const text of ["a: .inf", "a: 1e999", `a: 0x${"f".repeat(256)}`, `a: 0o${"7".repeat(400)}`, `a: ${"9".repeat(309)}`, `a: [1, ${"1".repeat(320)}.0e-5]`]) {
      expect(nonFinitePointers(parse(text)).length, text).toBeGreaterThan(0);
      expect(mayHoldNonFinite(text), text).toBe(true);
    }
  });
});
