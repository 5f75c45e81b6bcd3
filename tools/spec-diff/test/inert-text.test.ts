import { describe, expect, it } from "vitest";
import {
  jsonText,
  markdownCodeSpan,
  markdownTableCell,
  markdownText,
  oneLine,
  terminalCell,
  workflowCommand,
  workflowCommandMessage,
  workflowCommandProperty,
  xmlText,
} from "../src/inert-text.js";
import { ALL_HOSTILE } from "../../codegen/test/support/hostile-strings.js";

/** What CommonMark shows for inline text made only of characters and backslash escapes of ASCII punctuation. */
// What a reader sees: the escaped characters, and no word joiner after `@` and `#` (markdownText adds it; invisible).
const renderEscapes = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, "$1").replace(/(?<=[@#])\u2060/g, "");
const decodeXml = (xml: string) =>
  xml.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) => (e.startsWith("#") ? String.fromCharCode(Number(e.slice(1))) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e]!));
const decodeWorkflow = (s: string) => s.replace(/%(25|0D|0A|3A|2C)/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe("oneLine and terminalCell", () => {
  it.each([
    ["plain", "GET /users", "GET /users"],
    ["line terminators become spaces", "a\nb\r\nc\u2028d", "a b c d"],
    ["controls, bidi, lone surrogates escaped", "\u001b[31m\u202e\ud800", "\\u001b[31m\\u202e\\ud800"],
  ])("oneLine: %s", (_, given, want) => expect(oneLine(given)).toBe(want));

  it.each([
    ["plain", "GET /users (listUsers)", "GET /users (listUsers)"],
    ["ESC sequence", "\u001b]0;pwned\u0007", "\\u001b]0;pwned\\u0007"],
    ["a line of its own", "x\nOK: no breaking changes", "x\\u000aOK: no breaking changes"],
    ["C1 CSI", "\u009b2J", "\\u009b2J"],
  ])("terminalCell: %s", (_, given, want) => expect(terminalCell(given)).toBe(want));
});

describe("jsonText", () => {
  it.each([
    [{ a: "x\u2028y" }, '{"a":"x\\u2028y"}'],
    [{ a: "\u009b\u007f" }, '{"a":"\\u009b\\u007f"}'],
    [{ a: "\u001b\ud800" }, '{"a":"\\u001b\\ud800"}'],
  ])("%j", (given, want) => expect(jsonText(given)).toBe(want));

  it("is the same JSON value for every hostile string", () => {
    const value = { list: [...ALL_HOSTILE], map: Object.fromEntries(ALL_HOSTILE.map((s, i) => [s, i])) };
    expect(JSON.parse(jsonText(value, 2))).toEqual(value);
  });
});

describe("markdown", () => {
  it.each([
    ["plain stays readable", "path /users/{id} added in 1.0.0", "path /users/{id} added in 1.0.0"],
    ["HTML", "<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)>"],
    ["blockquote at the start", "> quote", "\\> quote"],
    ["link", "[x](javascript:alert(1))", "\\[x](javascript:alert(1))"],
    ["emphasis and code", "*a* _b_ `c`", "\\*a\\* \\_b\\_ \\`c\\`"],
    ["table cell boundary", "a | b", "a \\| b"],
    ["entity and math", "&lt; $x$", "\\&lt; \\$x\\$"],
    ["heading at the start", "# title", "\\# title"],
    ["list item at the start", "- item", "\\- item"],
    ["ordered item at the start", "1. item", "1\\. item"],
    ["thematic break", "---", "\\---"],
    ["backslash", "a\\b", "a\\\\b"],
    ["new lines are spaces", "a\n\n# b", "a  # b"],
    ["a mention stays text", "ask @octocat or @org/team", "ask @\u2060octocat or @\u2060org/team"],
    ["an issue reference stays text", "fixes #12 and owner/repo#3", "fixes #\u206012 and owner/repo#\u20603"],
  ])("markdownText: %s", (_, given, want) => expect(markdownText(given)).toBe(want));

  it.each([
    ["plain", "GET /users (listUsers)", false, "`GET /users (listUsers)`"],
    ["backticks inside", "a`b``c", false, "```a`b``c```"],
    ["backtick at an end", "`x", false, "`` `x ``"],
    ["a space at an end", " x", false, "`  x `"],
    ["HTML stays text", "</script>", false, "`</script>`"],
    ["new lines", "a\nb", false, "`a b`"],
    ["pipe in a table", "a|b", true, "`a\\|b`"],
    ["empty", "", false, "` `"],
  ])("markdownCodeSpan: %s", (_, given, table, want) => expect(markdownCodeSpan(given, table)).toBe(want));

  it("renders every hostile string as itself, on one line", () => {
    for (const s of ALL_HOSTILE) {
      const md = markdownText(s);
      expect(md).not.toMatch(/[\n\r\u2028\u2029]/);
      // Every markup character is escaped: none is left without its backslash.
      expect(md.replace(/\\[!-/:-@[-`{-~]/g, "")).not.toMatch(/[\\`*_[<|~&$]/);
      expect(renderEscapes(md)).toBe(oneLine(s));
      expect(md).not.toMatch(/[@#][\p{L}\p{N}_-]/u);
      expect(markdownTableCell(s)).toBe(md);
    }
  });

  it("keeps every hostile string inside one code span", () => {
    for (const s of ALL_HOSTILE) {
      const span = markdownCodeSpan(s);
      const fence = /^`+/.exec(span)![0];
      const inner = span.slice(fence.length, -fence.length);
      expect(span.endsWith(fence) && !span.slice(0, -fence.length).endsWith("`" + fence)).toBe(true);
      // No run of exactly the fence's length inside: the span cannot close early.
      expect((inner.match(/`+/g) ?? []).every((run) => run.length !== fence.length)).toBe(true);
      expect(inner).not.toMatch(/[\n\r]/);
      // CommonMark strips one space from both ends when both are spaces (and not all spaces).
      const shown = /^ .* $/s.test(inner) && inner.trim() !== "" ? inner.slice(1, -1) : inner;
      expect(shown).toBe(oneLine(s) || " ");
    }
  });
});

describe("xmlText", () => {
  it.each([
    ["markup", `<a href="x">&'</a>`, "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"],
    ["line breaks kept as references", "a\nb\r\tc", "a&#10;b&#13;&#9;c"],
    ["what XML cannot hold", "\u0000\u001b\ud800\uffff", "\\u0000\\u001b\\ud800\\uffff"],
    ["line separators and bidi controls", "a\u2028b\u202ec", "a\\u2028b\\u202ec"],
    ["CDATA end", "]]>", "]]&gt;"],
  ])("%s", (_, given, want) => expect(xmlText(given)).toBe(want));

  it("holds no markup and decodes to the text, for every hostile string", () => {
    for (const s of ALL_HOSTILE) {
      const x = xmlText(s);
      expect(x.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, "")).not.toMatch(/[<>&"'\0-\x08\x0b\x0c\x0e-\x1f]/);
      expect(x).not.toMatch(/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      expect(decodeXml(x)).toBe(s.replace(/[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
    }
  });
});

describe("GitHub workflow commands", () => {
  it.each([
    ["percent first", "100%0A", "100%250A"],
    ["line breaks", "a\r\n::error::pwned", "a%0D%0A::error::pwned"],
    ["ANSI", "\u001b[31m", "\\u001b[31m"],
  ])("message: %s", (_, given, want) => expect(workflowCommandMessage(given)).toBe(want));

  it.each([
    ["colon and comma", "a,b:c", "a%2Cb%3Ac"],
    ["line break", "x\ny", "x%0Ay"],
  ])("property: %s", (_, given, want) => expect(workflowCommandProperty(given)).toBe(want));

  it("a whole command", () => {
    expect(workflowCommand("error", { file: "spec/openapi.yaml", title: "GET /a,b (x:y)" }, "removed\n::warning::x")).toBe(
      "::error file=spec/openapi.yaml,title=GET /a%2Cb (x%3Ay)::removed%0A::warning::x",
    );
  });

  it("cannot start another command or property, for every hostile string", () => {
    for (const s of ALL_HOSTILE) {
      const line = workflowCommand("warning", { title: s }, s);
      expect(line).not.toMatch(/[\r\n\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      const [, props, message] = /^::warning ([^:]*)::(.*)$/s.exec(line)!;
      expect(props!.split(",")).toHaveLength(1);
      expect(decodeWorkflow(props!.slice("title=".length))).toBe(decodeWorkflow(workflowCommandProperty(s)));
      expect(decodeWorkflow(message!)).toBe(s.replace(/[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
    }
  });
});
