/** The regex-to-string generator: common ECMAScript regex features, lengths, and its limits. */
import { describe, expect, it } from "vitest";
import { stringForPattern } from "../../../../packages/runtime/src/mocks/regex-gen.js";
import { Rng } from "../../../../packages/runtime/src/mocks/prng.js";
import { fixturesOf } from "./helpers.js";

const PATTERNS: [string, number?, number?][] = [
  ["^[a-z0-9-]+$"],
  ["^\\d{3}-\\d{4}$"],
  ["^(foo|bar)baz?$"],
  ["[A-Z]{2}"],
  ["^[a-zA-Z0-9_]{3,16}$", 10, 12],
  ["^\\+?[1-9]\\d{1,14}$"],
  ["^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$"],
  ["^([a-z])\\1$"],
  ["^(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])$"],
  ["^\\p{L}+$"],
  ["^[\\w.-]+$", 40, 40],
  ["^#[0-9a-fA-F]{6}$"],
  ["^v\\d+(\\.\\d+){2}(-[a-z]+)?$"],
  ["^[^/]+/[^/]+$"],
  ["^\\S+$"],
  ["^.{1,5}$"],
  ["^[A-Z][a-z]*( [A-Z][a-z]*)*$"],
  ["^\\s*\\w+\\s*$"],
  ["^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==)?$", 8],
  ["^[\\u0041-\\u005A]{3}$"],
  ["^\\x41\\t?B$"],
  ["^[.*+?^${}()|[\\]\\\\]{2}$"],
  ["^(?=.*[A-Z])(?=.*\\d).{8,}$"],
  ["^(?!test)[a-z]{4}$"],
  ["abc|^x{2,}?$"],
  ["^[^\\d\\s]{5}$"],
  ["^\\D\\W\\d$"],
  // Property classes, as the engine reads them (they were letters or digits, which never matched these).
  ["^\\p{Lo}{20}$"],
  ["^\\p{So}{5}$"],
  ["^\\p{Script=Han}{3}$"],
  ["^\\p{Script=Adlam}+$"],
  ["^\\p{Lu}{12}$"],
  ["^[\\p{Ll}\\p{Nd}]{12}$"],
  ["^\\P{L}{5}$"],
  ["^\\p{Cc}{2}$"],
];

describe("stringForPattern", () => {
  it.each(PATTERNS)("%s", (pattern, min = 0, max = Infinity) => {
    const rng = new Rng(1, pattern);
    for (let i = 0; i < 5; i++) {
      const s = stringForPattern(pattern, rng, min, max);
      expect(s, `no string for /${pattern}/`).toBeDefined();
      expect(new RegExp(pattern, "u").test(s!)).toBe(true);
      expect([...s!].length).toBeGreaterThanOrEqual(min);
      expect([...s!].length).toBeLessThanOrEqual(max);
    }
  });

  it("gives up on impossible patterns, and the generator warns with the schema's JSON pointer", async () => {
    expect(stringForPattern("^(?!abc)abc$", new Rng(1, "x"))).toBeUndefined();
    expect(stringForPattern("^[a-z]{3}$", new Rng(1, "x"), 5)).toBeUndefined();
    const r = await fixturesOf({ Odd: { type: "object", required: ["code"], properties: { code: { type: "string", pattern: "^(?!abc)abc$" } } } });
    expect(r.warnings.join("\n")).toContain("#/components/schemas/Odd/properties/code: could not generate a string matching pattern");
  });

  it("draws a property class from its ASCII members when it has any, so fixtures stay readable", () => {
    const rng = new Rng(1, "ascii");
    expect(stringForPattern("^\\p{N}{30}$", rng)).toMatch(/^[0-9]{30}$/);
    expect(stringForPattern("^\\p{L}{30}$", rng)).toMatch(/^[A-Za-z]{30}$/);
    expect(stringForPattern("^\\P{Cc}{30}$", rng)).toMatch(/^[\x20-\x7e]{30}$/);
  });

  it("is deterministic for a given stream", () => {
    const a = stringForPattern("^[a-z]{4,12}-\\d+$", new Rng(3, "k"));
    const b = stringForPattern("^[a-z]{4,12}-\\d+$", new Rng(3, "k"));
    expect(a).toBe(b);
  });
});
