import { describe, expect, it } from "vitest";
import { summarizeWarnings, warningKind, warningLines } from "../../src/cli/warning-summary.js";

const w = (pointer: string, message: string) => ({ pointer, message });

describe("warning kinds", () => {
  const cases: [string, string][] = [
    ['example at /id: must be integer (ignored: a generated fixture is used instead)', "media-type or parameter example fails its schema (a generated fixture is used)"],
    ["schema example at /: must be string; a generated value is used instead", "schema example fails its schema (annotation; a generated value is used)"],
    ['format "int8" (3x) is unknown to JSON Schema/ajv-formats and not validated (JSON Schema ignores unknown formats)', "unknown format (not validated, as JSON Schema says)"],
    ['pattern "[" is not a valid ECMA-262 regex; ignored', "pattern that is not a valid regex"],
    ['pattern "(?i:a)" uses ES2025 regex syntax (modifier groups, a group name used twice) that Node 20 and older browsers cannot compile; compiled as "(?:a)" with flags "iu"', "pattern in ES2025 regex syntax (Node 22+ only), rewritten for every engine"],
    ['reference to unknown schema "X1"; accepted as any value', 'reference to unknown schema "…"; accepted as any value'],
  ];
  it.each(cases)("given %j, want kind %j", (message, kind) => {
    expect(warningKind(w("#", message))).toBe(kind);
  });
});

describe("warning lines", () => {
  const many = [
    ...Array.from({ length: 12 }, (_, i) => w(`#/paths/~1a${i}`, "example at /id: must be integer (ignored: a generated fixture is used instead)")),
    w("#", 'format "x" (1x) is unknown to JSON Schema/ajv-formats and not validated (JSON Schema ignores unknown formats)'),
  ];
  const line = (t: string) => t;

  it("counts per kind, largest first, with the first pointers", () => {
    expect(summarizeWarnings(many).map((k) => [k.kind.slice(0, 20), k.count, k.first.length])).toEqual([
      ["media-type or parame", 12, 3],
      ["unknown format (not ", 1, 1],
    ]);
    const lines = warningLines(many, { verbose: false, quiet: false, line });
    expect(lines[0]).toBe("13 warnings of 2 kind(s) (--verbose or --warnings-file <file> lists all):");
    expect(lines).toHaveLength(1 + 2 + 3 + 1);
    expect(lines[2]).toMatch(/^ {7}#\/paths\/~1a0: example at \/id/);
  });

  it("given few warnings, want each one; given --verbose, want all; given --quiet, want counts only", () => {
    expect(warningLines(many.slice(0, 2), { verbose: false, quiet: false, line })).toHaveLength(2);
    expect(warningLines(many, { verbose: true, quiet: false, line })).toHaveLength(13);
    expect(warningLines(many, { verbose: false, quiet: true, file: "w.txt", line })).toEqual([
      "13 warnings of 2 kind(s) (all of them in w.txt):",
      "  12 × media-type or parameter example fails its schema (a generated fixture is used)",
      "   1 × unknown format (not validated, as JSON Schema says)",
    ]);
    expect(warningLines([], { verbose: true, quiet: false, line })).toEqual([]);
  });
});
