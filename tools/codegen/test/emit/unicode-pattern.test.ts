import { describe, expect, it } from "vitest";
import { unicodePattern } from "../../../../packages/runtime/src/mocks/unicode-pattern.js";

describe("patterns rewritten for the u flag", () => {
  const cases: [string, string | undefined][] = [
    ["^[\\p{L}\\p{Z}\\@\\_.\\-]*$", "^[\\p{L}\\p{Z}@_.\\-]*$"],
    ["^\\@\\:x$", "^@:x$"],
    ["a{b}", "a\\{b\\}"],
    ["a{2,3}b", "a{2,3}b"],
    ["x]", "x\\]"],
    ["^\\p{Lu}\\_", "^\\p{Lu}_"],
    ["\\d+\\.\\d+", "\\d+\\.\\d+"],
    ["(", undefined],
    ["[z-a]", undefined],
  ];
  it.each(cases)("given %j, want %j", (given, want) => {
    expect(unicodePattern(given)).toBe(want);
  });
});
