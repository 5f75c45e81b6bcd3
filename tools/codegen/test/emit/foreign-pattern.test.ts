import { describe, expect, it } from "vitest";
import { compilePattern } from "../../../../packages/runtime/src/mocks/compile-pattern.js";
import { newerSyntax } from "../../../../packages/runtime/src/mocks/unicode-pattern.js";

/**
 * Patterns in another engine's syntax, as real specs carry them (AWS's `\p{Print}`, Java's `\A…\z`,
 * PCRE's POSIX brackets): compiled to what their author meant, never to what ECMA would read
 * (`\p{Print}` without the `u` flag is the text "p{Print}", so every real value failed).
 */
describe("patterns in another engine's syntax", () => {
  // given pattern, want: the strings it accepts and rejects once compiled, or undefined (no ECMA reading: ignored).
  const cases: [string, { accept: string[]; reject: string[]; flags?: string; how?: string } | undefined][] = [
    // Java's POSIX classes, in their Unicode meaning (a superset of the ASCII one).
    ["\\p{Print}+", { accept: ["hello world", "Ünïcödé", "a\u0001"], reject: ["", "\u0001\u0002"] }],
    ["^[\\p{Graph}\\x20]*$", { accept: ["a b!", ""], reject: ["a\tb", "a\nb"] }],
    ["^\\p{Blank}\\p{Space}$", { accept: [" \n", "\t\u3000"], reject: ["a "] }],
    ["^\\p{Alnum}\\p{Punct}$", { accept: ["a$", "1!"], reject: ["a "] }],
    ["^\\P{Digit}+$", { accept: ["abc"], reject: ["a1"] }],
    ["^\\p{XDigit}{4}$", { accept: ["0aF9"], reject: ["0aG9"] }],
    ["^\\p{IsLatin}+$", { accept: ["abcé"], reject: ["αβ"] }],
    ["^\\p{IsAlphabetic}\\p{javaLowerCase}$", { accept: ["Ab"], reject: ["AB"] }],
    ["^\\p{script=Greek}+$", { accept: ["αβ"], reject: ["ab"] }],
    ["^\\pL\\PL$", { accept: ["a1"], reject: ["ab"] }],
    ["^[\\p{Lower}\\p{Digit}]+$", { accept: ["ab1"], reject: ["Ab1"] }],
    // Anchors, escapes and quoting of Java, Ruby and PCRE.
    ["\\Aabc\\z", { accept: ["abc"], reject: ["xabc", "abcx", "Aabcz"] }],
    ["\\Aabc\\Z", { accept: ["abc", "abc\n"], reject: ["abc\n\n", "abcx"] }],
    ["^a\\hb$", { accept: ["a b", "a\tb", "a\u00a0b"], reject: ["a\nb"] }],
    ["^\\Q1+1=2\\E$", { accept: ["1+1=2"], reject: ["11=2", "1+1x2"] }],
    ["^\\x{1F600}$", { accept: ["😀"], reject: ["x"] }],
    ["^\\e$", { accept: ["\u001b"], reject: ["e"] }],
    // POSIX bracket expressions (PCRE, Ruby, Go) and Java's nested classes.
    ["^[[:alnum:]_-]+$", { accept: ["a_b-1", "é"], reject: ["a b", ""] }],
    ["^[[:xdigit:][:space:]]+$", { accept: ["af 09"], reject: ["g"] }],
    ["^[a-c[x-z]]+$", { accept: ["axz"], reject: ["d", "["] }],
    // Inline modifiers apply to the whole pattern (a superset of what a scoped one says).
    ["(?i)^[a-f]+$", { accept: ["abc", "ABC"], reject: ["abg"], flags: "iu" }],
    // ES2025's modifier groups and repeated group names compile on Node 22+ only: rewritten the same
    // way everywhere, so the output does not depend on the Node that generates it and loads on Node 20.
    ["^x(?i:ab)$", { accept: ["xAB", "xab"], reject: ["xac"], flags: "iu", how: "newer" }],
    ["^(?-i:ab)c$", { accept: ["abc"], reject: ["Abc"], how: "newer" }],
    ["^(?<y>\\d{4})-a$|^(?<y>\\d{2})-b$", { accept: ["2024-a", "24-b"], reject: ["24-a", "2024-b"], how: "newer" }],
    ["(?s)^a.b$", { accept: ["a\nb"], reject: ["ab"], flags: "su" }],
    ["(?iu)^ä$", { accept: ["Ä"], reject: ["a"], flags: "iu" }],
    // Possessive quantifiers and atomic groups read as greedy ones; Python's named groups.
    ["^a++b$", { accept: ["aab"], reject: ["b"] }],
    ["^\\d*+\\.\\d{2}+$", { accept: ["12.34", ".50"], reject: ["1.2"] }],
    ["^(?>ab|a)c$", { accept: ["abc", "ac"], reject: ["bc"] }],
    ["^(?P<w>[a-z])(?P=w)$", { accept: ["aa"], reject: ["ab"] }],
    // Java's class intersection (AWS autoscaling-plans), PHP's delimiters (akeneo), Java's \p{all}.
    ["^[\\p{Print}&&[^|:/]]+$", { accept: ["abc def", "é"], reject: ["a:b", "a|b", "a/b", "\u0001"] }],
    ["^[\\w&&[^_]]+$", { accept: ["ab1"], reject: ["a_b", "a-b"] }],
    ["^[a-z&&[def]]$", { accept: ["e"], reject: ["a", "x"] }],
    ["/(?P<product_ref>.*)\\.jpg/", { accept: ["shoe-1.jpg"], reject: ["shoe-1.png"] }],
    ["/^ab\\_c$/i", { accept: ["AB_C"], reject: ["/ab_c/"], flags: "iu" }],
    ["^[\\p{all}]{2}$", { accept: ["\n\u0001"], reject: ["a"] }],
    // A class escape before "-" is a literal dash, as Java and ECMA without the flag read it (AWS iotevents).
    ["^((`[\\w\\- ]+`)|([\\w\\-]+))(\\.((`[\\w- ]+`)|([\\w\\-]+)))*$", { accept: ["a-b.`c d`", "x"], reject: ["a b", "é"] }],
    // No ECMA reading: ignored (a check that accepts more is harmless; one that rejects real values is not).
    ["^[\\p{Print}&&\\p{Lu}]$", undefined],
    ["^\\p{InGreek}+$", undefined],
    ["^[^\\P{Print}]$", undefined],
    ["(?x) a b # comment", undefined],
    ["\\Gabc", undefined],
    ["^[[:nonsense:]]$", undefined],
    ["^(?<y>a)\\k<y>$|^(?<y>b)$", undefined],
  ];

  it.each(cases)("given %j", (given, want) => {
    const c = compilePattern(given);
    if (want === undefined) return expect(c).toBeUndefined();
    expect(c?.how).toBe(want.how ?? (/`/.test(given) ? "unicode" : "foreign"));
    expect(c!.flags).toBe(want.flags ?? "u");
    const re = new RegExp(c!.source, c!.flags);
    for (const s of want.accept) expect(re.test(s), `${JSON.stringify(s)} accepted by /${c!.source}/${c!.flags}`).toBe(true);
    for (const s of want.reject) expect(re.test(s), `${JSON.stringify(s)} rejected by /${c!.source}/${c!.flags}`).toBe(false);
  });

  it("leaves ECMA patterns as they are, and reads an ECMA one that fails only the flag as before", () => {
    for (const p of ["^\\p{L}+$", "^[a-z]{2,3}$", "^(?<y>\\d{4})-\\k<y>$", "^(?=.*\\d)(?!x).+$", "a+?b*?c??"]) expect(compilePattern(p)).toEqual({ source: p, flags: "u", how: "as-is" });
    expect(compilePattern("^\\@\\_x$")).toEqual({ source: "^@_x$", flags: "u", how: "unicode" });
    expect(compilePattern("a{b}")).toEqual({ source: "a\\{b\\}", flags: "u", how: "unicode" });
  });

  it.each([
    ["^(?i:a)$", true],
    ["(?-m:a)", true],
    ["(?i-s:a)", true],
    ["(?<n>a)|(?<n>b)", true],
    ["(?:a)(?=b)(?!c)(?<=d)(?<!e)", false],
    ["(?<n>a)|(?<m>b)\\k<n>", false],
    ["[(?i:]\\(?i:", false],
  ])("newerSyntax(%j) is %j", (source, want) => {
    expect(newerSyntax(source)).toBe(want);
  });
});
