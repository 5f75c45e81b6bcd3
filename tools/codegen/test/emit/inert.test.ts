import { describe, expect, it } from "vitest";
import ts from "typescript";
import {
  commentText,
  escapeInvisible,
  identifier,
  indexLiteral,
  isIdentifierName,
  jsDoc,
  jsDocText,
  numberLiteral,
  propertyKey,
  regexExpression,
  stringLiteral,
  valueLiteral,
} from "../../src/emit/inert.js";
import { terminalText } from "../../src/terminal-text.mjs";
import { IdentifierPool, camelCase, pascalCase } from "../../src/ir/naming.js";
import { ALL_HOSTILE } from "../support/hostile-strings.js";

/** Parses `source` as a module: its syntax errors and how many top-level statements it has. */
function parse(source: string): { errors: string[]; statements: number } {
  const { diagnostics = [] } = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ESNext } });
  const errors = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  return { errors, statements: ts.createSourceFile("x.ts", source, ts.ScriptTarget.ESNext).statements.length };
}

/** Evaluates a JavaScript expression. */
const evaluate = (expression: string): unknown => new Function(`"use strict"; return (${expression});`)();

describe("commentText: one line of a // or /* */ comment", () => {
  it.each([
    ["plain", "Pet Store 1.0", "Pet Store 1.0"],
    ["comment terminator", "a */ b", "a *\\/ b"],
    ["every line terminator", "a\nb\rc\r\nd\u2028e\u2029f", "a b c d e f"],
    ["controls and bidi", "a\u001b[31mb\u202e\u0000", "a\\u001b[31mb\\u202e\\u0000"],
    ["lone surrogates, a pair kept", "\ud800x\udc00😀", "\\ud800x\\udc00😀"],
    ["C1 and DEL", "\u009b\u007f", "\\u009b\\u007f"],
    ["interner tokens", "\u00010\u0002", "\\u00010\\u0002"],
  ])("%s", (_, given, want) => expect(commentText(given)).toBe(want));

  it("keeps every hostile string inside the comment", () => {
    for (const s of ALL_HOSTILE) {
      for (const source of [`// ${commentText(s)}\nexport {};`, `/* ${commentText(s)} */ export {};`]) {
        const { errors, statements } = parse(source);
        expect({ s, errors, statements }).toEqual({ s, errors: [], statements: 1 });
      }
    }
  });
});

describe("jsDocText and jsDoc", () => {
  it.each([
    ["one line", "Lists users.", ["Lists users."]],
    ["line terminators split lines", "a\r\nb\u2028c\rd", ["a", "b", "c", "d"]],
    ["terminator escaped, trailing space trimmed", "x */  ", ["x *\\/"]],
  ])("%s", (_, given, want) => expect(jsDocText(given)).toEqual(want));

  it.each([
    ["empty", [], ""],
    ["one line", ["Creates a pet."], "/** Creates a pet. */"],
    ["lines with spec text", ["T */ x", "", "a\nb"], "/**\n * T *\\/ x\n *\n * a\n * b\n */"],
    ["trailing blank lines dropped", ["a", "", ""], "/** a */"],
  ])("%s", (_, given, want) => expect(jsDoc(given as string[], "")).toBe(want));

  it("keeps every hostile string inside the block", () => {
    for (const s of ALL_HOSTILE) {
      const { errors, statements } = parse(`${jsDoc([s, `before ${s} after`], "  ")}\nexport const x = 1;`);
      expect({ s, errors, statements }).toEqual({ s, errors: [], statements: 1 });
    }
  });
});

describe("stringLiteral", () => {
  it.each([
    ["plain", "abc", '"abc"'],
    ["quotes and backslash", `"'\\`, `"\\"'\\\\"`],
    ["template syntax is plain text", "`${x}`", '"`${x}`"'],
    ["line terminators", "\n\r\u2028\u2029", '"\\n\\r\\u2028\\u2029"'],
    ["lone surrogate", "\ud800", '"\\ud800"'],
    ["bidi and BOM", "\u202e\ufeff", '"\\u202e\\ufeff"'],
    ["C1", "\u009b", '"\\u009b"'],
    ["astral letter kept", "😀", '"😀"'],
  ])("%s", (_, given, want) => expect(stringLiteral(given)).toBe(want));

  it("is one expression whose value is the string, for every hostile string", () => {
    for (const s of ALL_HOSTILE) {
      expect(parse(`export const x = ${stringLiteral(s)};`).errors).toEqual([]);
      expect(evaluate(stringLiteral(s))).toBe(s);
    }
  });
});

describe("propertyKey and indexLiteral", () => {
  it.each([
    ["identifier", "name", undefined, "name"],
    ["not an identifier", "foo-bar", undefined, '"foo-bar"'],
    ["digits are quoted by default", "200", undefined, '"200"'],
    ["non-ASCII letters are quoted", "déjà", undefined, '"déjà"'],
    ["__proto__ is computed", "__proto__", undefined, '["__proto__"]'],
    ["__proto__ is computed when quoted", "__proto__", "quoted", '["__proto__"]'],
    ["quoted", "name", "quoted", '"name"'],
    ["numeric: canonical integer bare", "200", "numeric", "200"],
    ["numeric: octal-looking quoted", "0200", "numeric", '"0200"'],
    ["numeric: range quoted", "4XX", "numeric", '"4XX"'],
  ] as const)("%s", (_, given, style, want) => expect(propertyKey(given, style)).toBe(want));

  it.each([
    ["200", "200"],
    ["0", "0"],
    ["0200", '"0200"'],
    ["default", '"default"'],
    ["__proto__", '"__proto__"'],
  ])("indexLiteral(%j) = %s", (given, want) => expect(indexLiteral(given)).toBe(want));

  it("defines an own property named exactly the key, for every hostile string and style", () => {
    for (const s of ALL_HOSTILE) {
      for (const style of ["bare", "quoted"] as const) {
        const o = evaluate(`{ ${propertyKey(s, style)}: 1 }`) as object;
        expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
        expect(Object.keys(o)).toEqual([s]);
      }
      expect(parse(`export interface X { ${propertyKey(s)}?: string }`).errors).toEqual([]);
      expect(evaluate(`({ [${JSON.stringify(s)}]: 1 })[${indexLiteral(s)}]`)).toBe(1);
    }
  });
});

describe("numberLiteral and valueLiteral", () => {
  it.each([
    [5, "5"],
    [-0, "0"],
    [1e21, "1e+21"],
    [-2.5, "-2.5"],
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
    [NaN, "NaN"],
  ])("numberLiteral(%s) = %s", (given, want) => expect(numberLiteral(given)).toBe(want));

  it("refuses what is not a number", () => expect(() => numberLiteral("1; x()" as unknown as number)).toThrow(TypeError));

  it.each([
    [{ id: "a", tags: ["b"] }, '{ id: "a", tags: ["b"] }'],
    [{ __proto__: null }, "{}"],
    [JSON.parse('{"__proto__": {"x": 1}}'), '{ ["__proto__"]: { x: 1 } }'],
    [[1, null, true, Infinity], "[1, null, true, null]"],
    [{ "a-b": undefined, c: "\u2028" }, '{ c: "\\u2028" }'],
  ])("valueLiteral(%j) = %s", (given, want) => expect(valueLiteral(given)).toBe(want));

  it("round-trips JSON values built from every hostile string", () => {
    const value = { list: [...ALL_HOSTILE], map: Object.fromEntries(ALL_HOSTILE.map((s, i) => [s, i])) };
    expect(evaluate(valueLiteral(value))).toEqual(value);
  });
});

describe("regexExpression", () => {
  it.each([
    ["^[a-z]+$", "u", 'new RegExp("^[a-z]+$", "u")'],
    ["a/b", "", 'new RegExp("a/b", "")'],
    ["\\d\u2028", "u", 'new RegExp("\\\\d\\u2028", "u")'],
  ])("regexExpression(%j, %j)", (source, flags, want) => expect(regexExpression(source, flags)).toBe(want));

  it("compiles to the same regex for sources holding break-out attempts", () => {
    for (const source of ["a/; x = 1; /", "[/]", "\\/\\*", "`${x}`", "a\\u2028"]) {
      const re = evaluate(regexExpression(source, "")) as RegExp;
      expect(re.source).toBe(new RegExp(source).source);
    }
  });
});

describe("escapeInvisible (openapi-typescript's output)", () => {
  it.each([
    ["/** a\u2028b */", "/** a\\u2028b */"],
    ['"\u202e"', '"\\u202e"'],
    ["line\nfeeds\tand tabs stay", "line\nfeeds\tand tabs stay"],
    ["/* \r */", "/* \\u000d */"],
  ])("%j", (given, want) => expect(escapeInvisible(given)).toBe(want));

  it("gives a string literal the same value", () => {
    for (const s of ALL_HOSTILE) expect(evaluate(escapeInvisible(JSON.stringify(s)))).toBe(s);
  });
});

describe("identifiers", () => {
  it.each([
    ["Pet", true],
    ["_200", true],
    ["$ref", true],
    ["DéjàVu", true],
    ["用户", true],
    ["𝒜bc", true],
    ["200", false],
    ["a-b", false],
    ["a²", false], // a number, not an identifier character
    ["", false],
    ["\u2028", false],
  ])("isIdentifierName(%j) = %s", (given, want) => expect(isIdentifierName(given)).toBe(want));

  it("the model's names are identifiers whatever the spec names are", () => {
    const pool = new IdentifierPool();
    for (const s of [...ALL_HOSTILE, "a²b", "Ꟑx", "\u0301a"]) {
      for (const name of [pascalCase(s), camelCase(s), pool.claim(pascalCase(s))]) expect({ s, ok: isIdentifierName(name) }).toEqual({ s, ok: true });
    }
  });

  it("identifier() refuses anything else rather than write it into code", () => {
    expect(identifier("Pet")).toBe("Pet");
    expect(() => identifier("x = 1; y")).toThrow(/not an identifier/);
  });
});

describe("terminalText", () => {
  it.each([
    ["plain", "a b", false, "a b"],
    ["ESC and BEL", "\u001b]0;t\u0007x", false, "\\u001b]0;t\\u0007x"],
    ["C1 CSI", "\u009b2J", false, "\\u009b2J"],
    ["carriage return", "done\rfake", false, "done\\u000dfake"],
    ["line feed kept in multi-line text", "a\nb", false, "a\nb"],
    ["line feed escaped in one-line text", "a\ncodegen: done", true, "a\\u000acodegen: done"],
    ["tab kept", "a\tb", true, "a\tb"],
    ["line separator, bidi control, lone surrogate", "a\u2028b\u202e\ud800😀", false, "a\\u2028b\\u202e\\ud800😀"],
  ])("%s", (_, given, oneLine, want) => expect(terminalText(given, oneLine)).toBe(want));
});
