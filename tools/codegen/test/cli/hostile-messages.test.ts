/**
 * Errors and warnings quote the spec (pointers through its keys, `$ref`s, file names a `$ref`
 * makes up, operationIds, versions, example values, patterns) and the CLI prints them on stderr —
 * often into a CI log, where a line starting with `::` is a GitHub workflow command (an annotation,
 * `::stop-commands::`). Given a hostile spec whose text tries every line terminator, want the exit
 * code the CLI documents and every line of stdout and stderr starting with the CLI's own text:
 * never `::`, never a line the spec forged, no raw line terminator but the CLI's own line feeds.
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { codegen } from "../support/run-cli.js";
import { scratchFolders } from "../scratch.js";
import { Message, errorText, message, messageText, terminalText } from "../../src/terminal-text.mjs";
import { SpecError, specWarning } from "../../src/load/spec-error.js";

const scratch = scratchFolders();

/** Every line terminator a terminal, a log viewer or JavaScript knows (LF, CR, CRLF, VT, FF, NEL, LS, PS), each followed by a forged line. */
const BREAKS = ["\n", "\r", "\r\n", "\u000b", "\u000c", "\u0085", "\u2028", "\u2029"];
const evil = (tag: string) => `${tag}${BREAKS.map((b, i) => `${b}::error::FORGED-${tag}-${i}`).join("")}\nFORGED-line\n::stop-commands::FORGED-token`;
/** What no output holds raw: every terminator above but LF (the CLI's own line breaks). */
const RAW_BREAK = /[\r\u000b\u000c\u0085\u2028\u2029]/;

/** Every line starts with our own text: not `::`, not the spec's; and the spec's text did reach the output, quoted. */
function expectInert(output: string, quoted: string | undefined): void {
  expect(output).not.toMatch(RAW_BREAK);
  for (const line of output.split("\n")) {
    const start = line.trimStart(); // the runner trims leading white space before it looks for `::`
    expect(start.startsWith("::"), line).toBe(false);
    expect(start.startsWith("FORGED"), line).toBe(false);
  }
  if (quoted) expect(output).toContain(terminalText(quoted, true));
}

const info = { title: "t", version: "1" };
const ok = { description: "ok" };
const get200 = (schema: unknown, extra: Record<string, unknown> = {}) => ({ get: { ...extra, responses: { "200": { description: "ok", content: { "application/json": { schema } } } } } });

interface Case {
  name: string;
  files: Record<string, unknown>;
  args?: string[];
  code: 0 | 1;
  /** Spec text the output must quote (escaped): proof the case reaches a message at all. */
  quoted?: string;
}

const CASES: Case[] = [
  {
    name: "a local $ref to a missing schema",
    files: { "spec.json": { openapi: "3.1.0", info, paths: { "/a": get200({ $ref: `#/components/schemas/No${evil("ref")}` }) } } },
    code: 1,
    quoted: evil("ref"),
  },
  {
    name: "a $ref to a missing file",
    files: { "spec.json": { openapi: "3.1.0", info, paths: { "/a": get200({ $ref: `./missing${evil("file")}.yaml` }) } } },
    code: 1,
    quoted: evil("file"),
  },
  {
    name: "a list of broken $refs, in files whose names are hostile too",
    files: {
      "spec.json": {
        openapi: "3.1.0",
        info,
        paths: {},
        components: {
          schemas: {
            A: { $ref: "./::error::FORGED-name.json#/Here" },
            B: { $ref: "./b\n::error::FORGED-lf.json#/Here" },
            C: { $ref: `#/components/schemas/Nope${evil("list")}` },
            D: { $ref: `./missing${evil("missing")}.json` },
          },
        },
      },
      "::error::FORGED-name.json": { Here: { type: "object", properties: { y: { $ref: `#/Gone${evil("inner")}` } } } },
      "b\n::error::FORGED-lf.json": { Here: { type: "object", properties: { y: { $ref: "#/Gone" } } } },
    },
    code: 1,
    quoted: evil("list"),
  },
  {
    name: "a path key (in the pointer of the error)",
    files: { "spec.json": { openapi: "3.1.0", info, paths: { [`/a${evil("path")}`]: get200({ $ref: "#/components/schemas/Nope" }) } } },
    code: 1,
    quoted: evil("path"),
  },
  {
    name: "an operationId used twice (a warning: the second is named from its method and path)",
    files: { "spec.json": { openapi: "3.1.0", info, paths: { "/a": get200({ type: "string" }, { operationId: evil("op") }), "/b": get200({ type: "string" }, { operationId: evil("op") }) } } },
    code: 0,
    quoted: "::error::FORGED-op-7", // JSON-quoted here; still one line
  },
  {
    name: "an unsupported openapi version",
    files: { "spec.json": { openapi: `3.9${evil("openapi")}`, info, paths: {} } },
    code: 1,
  },
  {
    name: "examples that fail their schema (an error with one line per example)",
    files: { "spec.json": examplesSpec() },
    args: ["--invalid-examples", "error"],
    code: 1,
    quoted: evil("key"),
  },
  {
    name: "examples that fail their schema (warnings, each listed)",
    files: { "spec.json": examplesSpec() },
    args: ["--invalid-examples", "warn", "--verbose"],
    code: 0,
    quoted: evil("key"),
  },
  {
    name: "keywords not enforced, unknown formats, broken patterns (warnings, each listed)",
    files: { "spec.json": keywordsSpec(3) },
    args: ["--verbose"],
    code: 0,
    quoted: evil("schema0"),
  },
  {
    name: "more than ten warnings (the summary by kind)",
    files: { "spec.json": keywordsSpec(12) },
    code: 0,
    quoted: evil("schema0"),
  },
  {
    name: "info.title and info.version, every target",
    files: { "spec.json": { openapi: "3.1.0", info: { title: evil("title"), version: evil("version") }, paths: { "/a": get200({ type: "string" }) } } },
    args: ["--targets", "types,zod,client,mocks"],
    code: 0,
  },
];

/** A media-type example and a parameter example that fail their schemas, under a hostile path, property and parameter name. */
function examplesSpec(): unknown {
  const key = evil("key");
  const schema = { type: "object", properties: { [key]: { type: "integer", enum: [1, 2] } } };
  return {
    openapi: "3.1.0",
    info,
    paths: {
      [`/a${key}`]: {
        get: {
          parameters: [{ name: key, in: "query", schema: { type: "integer" }, example: evil("param") }],
          responses: { "200": { description: "ok", content: { "application/json": { schema, example: { [key]: evil("value") } } } } },
        },
      },
    },
  };
}

/** Schemas named by the spec, each with a keyword the generator refuses to enforce, an unknown format and a pattern that is no regex. */
function keywordsSpec(n: number): unknown {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    schemas[evil(`schema${i}`)] = {
      type: "object",
      properties: { a: { type: "string", format: evil(`format${i}`) }, b: { type: "string", pattern: `(${evil(`pattern${i}`)}` } },
      anyOf: [{ properties: { c: { type: "string" } } }, { properties: { d: { type: "string" } } }],
      oneOf: [{ properties: { e: { type: "string" } } }, { properties: { f: { type: "string" } } }],
      unevaluatedProperties: false,
    };
  }
  return { openapi: "3.1.0", info, paths: { "/a": { get: { responses: { "200": ok } } } }, components: { schemas } };
}

describe("codegen's messages quote a hostile spec on one line: no line of its output starts with spec text", () => {
  it.concurrent.each(CASES)("$name: exit $code", async ({ files, args, code, quoted }) => {
    const dir = scratch("cg-hostile-msg-");
    for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(value));
    const res = await codegen(["--spec", join(dir, "spec.json"), "--out", join(dir, "out"), "--targets", "zod,client,mocks", "--types-import", "@acme/types", ...(args ?? [])]);
    expect({ code: res.code, internal: /internal error/.test(res.stderr) }, res.stderr).toEqual({ code, internal: false });
    expectInert(res.stdout, undefined);
    expectInert(res.stderr, quoted);
    if (code === 1) expect(res.stderr.match(/^codegen: error: /gm)).toHaveLength(1);
  });
});

describe("the rule where spec text enters a message", () => {
  const hostile = evil("x");

  it("message`…`: its own line breaks stay, every value is one line; a Message inside is kept as built", () => {
    const list = ["#/a\n::error::x", "#/b"].map((p) => message`\n  - ${p}: ${"bad\r\nvalue"}`);
    expect(message`${2} problems:${list}\n(fix them)`.text).toBe("2 problems:\n  - #/a\\u000a::error::x: bad\\u000d\\u000avalue\n  - #/b: bad\\u000d\\u000avalue\n(fix them)");
  });

  it("a plain string is taken to quote a spec: one line; a Message keeps its lines", () => {
    expect(messageText("a\nb\u2028c\u0085d")).toBe("a\\u000ab\\u2028c\\u0085d");
    expect(messageText(new Message("a\n  - b"))).toBe("a\n  - b");
  });

  it.each([
    ["file", () => new SpecError(`/s/${hostile}.yaml`, "#/a", "problem")],
    ["pointer", () => new SpecError("/s/spec.yaml", `#/paths/${hostile}`, "problem")],
    ["plain problem", () => new SpecError("/s/spec.yaml", "#/a", `$ref target not found: ${hostile}`)],
    ["message problem", () => new SpecError("/s/spec.yaml", "#/a", message`2 broken:${[message`\n  - ${hostile}`, message`\n  - ${hostile}`]}`)],
  ])("SpecError: a hostile %s stays one line in the message, pointer and problem", (_, make) => {
    const err = make();
    for (const text of [err.message, err.pointer, err.problem]) {
      expect(text).not.toMatch(RAW_BREAK);
      for (const line of text.split("\n").slice(1)) expect(line).toMatch(/^ {2}- /);
    }
  });

  it("specWarning: pointer and message one line each", () => {
    const w = specWarning(`#/components/schemas/${hostile}`, `format ${hostile} is unknown`);
    expect(`${w.pointer}${w.message}`).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
  });

  it("errorText: the head of an unexpected error on one line, its stack frames after it", () => {
    const err = new Error(`cannot compile ${hostile}`);
    const lines = errorText(err).split("\n");
    expect(lines[0]).toBe(terminalText(`Error: cannot compile ${hostile}`, true));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {4}at /);
    expect(errorText("a\nb")).toBe("a\\u000ab");
  });
});
