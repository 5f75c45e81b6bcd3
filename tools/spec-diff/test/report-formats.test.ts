/**
 * Every output format of spec:diff on hostile specs: a seeded hostile spec (codegen's fuzz
 * generator: hostile paths, names, operationIds, enum values, versions, descriptions, server URLs)
 * against a mutated copy of itself, compared through the real pipeline (a base file whose name is
 * hostile too, a changeset written, an ignore file whose reasons are hostile, warnings from the
 * configuration). In each format — text, JSON, markdown, JUnit XML, GitHub workflow commands, in
 * the gate's view and the changelog view, and the changeset — spec text adds no line, cell, tag or
 * command, and reads back as itself.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSpecDiff, type SpecDiffOptions, type SpecDiffResult } from "../src/run.js";
import { renderGithub, renderJson, renderJunit, renderMarkdown, renderText } from "../src/format/index.js";
import { MAX_ROWS } from "../src/format/markdown.js";
import { alsoIn, blocks, byOperation, folded, ignoreNotes, sections } from "../src/format/sections.js";
import { markdownCodeSpan, oneLine } from "../src/inert-text.js";
import type { Change } from "../src/types.js";
import { hostileSpec } from "../../codegen/test/support/hostile-spec.js";
import { hostileText, rng } from "../../codegen/test/support/hostile-strings.js";

type Obj = Record<string, unknown>;

/** Characters no line of any output may hold raw (line breaks are checked by counting lines). */
const RAW = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const INVISIBLE = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const XML_UNFIT = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const escapeUnit = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** The base spec changed the ways the rules look at: a path, properties, enum values, versions, servers, webhooks, descriptions. */
function mutate(base: Obj, seed: number): Obj {
  const r = rng(seed * 7919);
  const text = () => hostileText(r);
  const head = structuredClone(base) as Obj & { paths: Obj; webhooks: Obj; info: Obj; servers: Obj[]; components: { schemas: Record<string, Obj>; securitySchemes: Obj } };
  delete head.paths[Object.keys(head.paths)[0]!];
  for (const item of Object.values(head.paths) as Record<string, Obj>[]) for (const op of Object.values(item)) if (op && typeof op === "object") op.description = text();
  delete head.webhooks[Object.keys(head.webhooks)[0]!];
  delete head.components.securitySchemes[Object.keys(head.components.securitySchemes).at(-1)!];
  for (const schema of Object.values(head.components.schemas)) {
    const props = schema.properties as Obj | undefined;
    if (props && Object.keys(props).length) {
      delete props[Object.keys(props)[0]!];
      Object.defineProperty(props, text(), { value: { type: "integer", description: text() }, enumerable: true, writable: true, configurable: true });
    }
    if (Array.isArray(schema.enum)) schema.enum = [...schema.enum.slice(1), text()];
    if (typeof schema.description === "string") schema.description = text();
  }
  head.info.version = text();
  head.servers = [{ url: text() }];
  return head;
}

const SEEDS = [1, 2, 3, 4, 5, 6];

describe("spec:diff outputs stay inert on hostile specs", () => {
  it.each(SEEDS)("seed %i: text, JSON, markdown, JUnit, GitHub commands and the changeset", async (seed) => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-hostile-"));
    try {
      const base = hostileSpec(seed).document;
      // The base's label is its path as given on the command line: hostile too.
      const baseName = `base\u001b[31m \`<b>\u2028|${seed}.json`;
      writeFileSync(join(dir, baseName), JSON.stringify(base));
      writeFileSync(join(dir, "head.json"), JSON.stringify(mutate(base, seed)));
      const options: SpecDiffOptions = {
        cwd: dir,
        baseSpec: baseName,
        spec: join(dir, "head.json"),
        changesetDir: join(dir, "changesets"),
        config: { severity: { "*-property-added-*": "warning" } },
        today: "2030-01-01",
      };
      const first = await runSpecDiff(options);
      expect(first.changes.length).toBeGreaterThan(5);
      // An ignore file naming real changes, with hostile reasons: one entry applies, one expired, one stale.
      const r = rng(seed * 104729);
      const [a, b] = [first.changes[0]!, first.changes.at(-1)!];
      const ignore = [
        { pointer: a.pointer, rule: a.rule, reason: hostileText(r) },
        { operation: b.operation, rule: "*", reason: hostileText(r), expires: "2000-01-01" },
        { pointer: "#/nowhere", rule: "*", reason: hostileText(r) },
      ];
      writeFileSync(join(dir, "ignore.json"), JSON.stringify(ignore));
      const result = await runSpecDiff({ ...options, ignoreFile: "ignore.json", writeChangeset: true });
      expect(result.counts.accepted).toBeGreaterThan(0);
      expect(result.ignore?.expired).toHaveLength(1);
      expect(result.ignore?.stale).toHaveLength(1);
      for (const changelog of [false, true]) {
        checkText(result, changelog);
        checkMarkdown(result, changelog);
        checkJunit(result, changelog);
        checkGithub(result, changelog);
      }
      checkJson(result);
      if (result.changeset) checkChangeset(readFileSync(result.changeset.file, "utf8"), result.changes);
      else expect(readdirSync(dir)).not.toContain("changesets");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a change to a shared component, in the human reports", () => {
  it("is one row naming how many more operations it reaches (text and markdown); JSON keeps one finding per operation", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-fold-"));
    try {
      const op = (id: string) => ({ operationId: id, responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } } } } });
      const doc = (props: Obj) => ({
        openapi: "3.1.0",
        info: { title: "t", version: "1.0.0" },
        paths: { "/a": { get: op("getA") }, "/b": { get: op("getB") }, "/c": { get: op("getC") } },
        components: { schemas: { User: { type: "object", required: ["id"], properties: props } } },
      });
      writeFileSync(join(dir, "base.json"), JSON.stringify(doc({ id: { type: "string" }, email: { type: "string" } })));
      writeFileSync(join(dir, "head.json"), JSON.stringify(doc({ id: { type: "string" } })));
      const r = await runSpecDiff({ cwd: dir, baseSpec: "base.json", spec: join(dir, "head.json") });
      expect(r.changes.filter((c) => c.rule === "response-property-removed").map((c) => c.operation)).toEqual(["GET /a (getA)", "GET /b (getB)", "GET /c (getC)"]);
      const text = renderText(r);
      expect(text.match(/response-property-removed/g)).toHaveLength(1);
      expect(text).toContain(`body.email: property "email" removed (and in 2 more operations)`);
      expect(renderMarkdown(r)).toContain("(and in 2 more operations)");
      expect(renderGithub(r).match(/response-property-removed/g)).toHaveLength(1);
      expect(JSON.parse(renderJson(r)).changes.filter((c: Change) => c.rule === "response-property-removed")).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** One line per fixed part and per change shown: spec text can neither add nor hide one. */
function checkText(r: SpecDiffResult, changelog: boolean): void {
  const lines = renderText(r, changelog).split("\n");
  const shown = sections(r, changelog);
  const notes = ignoreNotes(r).length;
  const want =
    2 +
    (r.changes.length ? 0 : 2) +
    shown.reduce((n, s) => n + 3 + folded(s.changes).length, 0) +
    (!changelog && r.counts.info ? 2 : 0) +
    (notes ? notes + 2 : 0) +
    (r.proposedBump !== "none" ? 1 : 0) +
    (r.changeset ? 1 : 0) +
    1 +
    1;
  expect(lines.length).toBe(want);
  for (const line of lines) expect(line).not.toMatch(RAW);
  expect(lines.at(-2)).toMatch(/^(OK|FAIL): /);
}

/** The same values as the result, with nothing invisible left raw in the text. */
function checkJson(r: SpecDiffResult): void {
  const text = renderJson(r);
  expect(text).not.toMatch(RAW);
  expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(r)));
}

/** What CommonMark shows for inline text made of characters and backslash escapes of ASCII punctuation. */
// What a reader sees: the escaped characters, and no word joiner after `@` and `#` (markdownText adds it; invisible).
const renderEscapes = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, "$1").replace(/(?<=[@#])\u2060/g, "");
/** Outside code spans no markup character is left unescaped. */
const escapedText = (md: string) => expect(md.replace(/\\[!-/:-@[-`{-~]/g, "")).not.toMatch(/[\\`*_[<|~&$]/);

/** A code span (in a table cell when `table`) shows exactly `text`. */
function expectCodeSpan(span: string, text: string, table: boolean): void {
  const fence = /^`+/.exec(span)![0];
  expect(span.endsWith(fence)).toBe(true);
  let inner = span.slice(fence.length, -fence.length);
  expect((inner.match(/`+/g) ?? []).every((run) => run.length !== fence.length)).toBe(true);
  if (table) inner = inner.replace(/\\\|/g, "|");
  const shown = /^ .* $/s.test(inner) && inner.trim() !== "" ? inner.slice(1, -1) : inner;
  expect(shown).toBe(oneLine(text) || " ");
}

/** GFM splits a row at pipes without a backslash: exactly `n` cells, returned trimmed. */
function cells(row: string, n: number): string[] {
  const parts = row.split(/(?<!\\)\|/);
  expect(parts.length - 2, row).toBe(n);
  return parts.slice(1, -1).map((c) => c.trim());
}

/**
 * Only lines of our own making: headings, the summary table, section tables (each row exactly its
 * cells, each cell reading back as its value), bullets, our `<details>` tags; no raw markup from the spec.
 */
function checkMarkdown(r: SpecDiffResult, changelog: boolean): void {
  const md = renderMarkdown(r, changelog);
  const lines = md.split("\n");
  for (const line of lines) expect(line).not.toMatch(RAW);
  expect(lines[0]).toBe(`### spec:diff: ${r.ok ? "OK" : "FAIL"}`);
  escapedText(lines[2]!);
  expect(renderEscapes(lines[2]!)).toBe(oneLine(`${r.ok ? "OK" : "FAIL"}: ${r.verdict}`));
  // Tags: ours only.
  for (const line of lines.filter((l) => l.startsWith("<"))) expect(line).toMatch(/^(<details open>|<summary>[A-Za-z -]+ \(\d+\)<\/summary>|<\/details>)$/);
  const rows = lines.filter((l) => l.startsWith("| ") && !l.startsWith("| breaking |") && !/^\| \d+ \| \d+ \| \d+ \| \d+ \|$/.test(l) && !l.startsWith("| Operation |"));
  const bulletsOp = lines.filter((l) => l.startsWith("- `"));
  const bulletsChange = lines.filter((l) => l.startsWith("  - "));
  const shown = sections(r, changelog).map((s) => ({ ...s, changes: byOperation(s.changes) }));
  if (!changelog) {
    const want = shown.flatMap((s) => folded(s.changes).slice(0, MAX_ROWS));
    expect(rows).toHaveLength(want.length);
    rows.forEach((row, i) => {
      const { change: c, more } = want[i]!;
      const cs = cells(row, c.ignored ? 5 : 4);
      expectCodeSpan(cs[0]!, c.operation, true);
      escapedText(cs[1]!);
      expect(renderEscapes(cs[1]!)).toBe(oneLine(c.reason + alsoIn(more)));
      expectCodeSpan(cs[2]!, c.rule, true);
      expectCodeSpan(cs[3]!, c.pointer, true);
      if (c.ignored) expect(renderEscapes(cs[4]!)).toBe(oneLine(`entry ${c.ignored.entry}: ${c.ignored.reason}`));
    });
  } else {
    expect(rows).toEqual([]);
    const want = shown.flatMap((s) => s.changes);
    expect(bulletsChange).toHaveLength(want.length);
    bulletsChange.forEach((line, i) => {
      const c = want[i]!;
      const span = markdownCodeSpan(c.rule);
      expect(line.endsWith(` ${span}`)).toBe(true);
      const text = line.slice(4, -span.length - 1);
      escapedText(text);
      expect(renderEscapes(text)).toBe(oneLine(c.reason + (c.ignored ? ` (accepted: ${c.ignored.reason})` : "")));
    });
    for (const line of bulletsOp) expectCodeSpan(line.slice(2), want.find((c) => markdownCodeSpan(c.operation) === line.slice(2))!.operation, false);
  }
  // Every other line is one of the fixed kinds.
  const known = /^(|### spec:diff: (OK|FAIL)|#### [A-Za-z -]+ \(\d+\)|\*\*[A-Za-z -]+ \(\d+\)\*\*|\*\*Ignore file\*\* `.*`|\|.*\||- .*|  - .*|<.*>|`.*` \(info\.version `.*`\) → `.*` \(info\.version `.*`\)|Other changes \(\d+\) are not breaking: spec:diff --changelog lists them\\?\.|… and \d+ more .*|Proposed bump: .*)$/;
  for (const line of lines.slice(3)) expect(line, line).toMatch(known);
}

const decodeXml = (xml: string) =>
  xml.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) => (e.startsWith("#") ? String.fromCharCode(Number(e.slice(1))) : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e]!));
const xmlValue = (s: string) => s.replace(XML_UNFIT, escapeUnit);
const ATTR = `"([^"<>&]*(?:&(?:amp|lt|gt|quot|apos|#\\d+);[^"<>&]*)*)"`;
const TEXT = `([^<>&]*(?:&(?:amp|lt|gt|quot|apos|#\\d+);[^<>&]*)*)`;

/** One test case per change shown, each line a whole element whose attributes and text decode to the change. */
function checkJunit(r: SpecDiffResult, changelog: boolean): void {
  const xml = renderJunit(r, changelog);
  const lines = xml.split("\n");
  for (const line of lines) expect(line).not.toMatch(RAW);
  const changes = sections(r, changelog).flatMap((s) => byOperation(s.changes));
  const cases = lines.filter((l) => l.startsWith("    <testcase "));
  expect(cases).toHaveLength(Math.max(1, changes.length + ignoreNotes(r).length));
  expect(lines.length).toBe(3 + 7 + cases.length + 2 + 1);
  const testcase = new RegExp(`^    <testcase classname=${ATTR} name=${ATTR}>(?:<failure type="(breaking|warning)" message=${ATTR}>${TEXT}</failure>|<skipped message=${ATTR}/>|<system-out>${TEXT}</system-out>)?</testcase>$`);
  changes.forEach((c, i) => {
    const m = testcase.exec(cases[i]!);
    expect(m, cases[i]).not.toBeNull();
    expect(decodeXml(m![1]!)).toBe(xmlValue(`spec-diff.${c.operation}`));
    expect(decodeXml(m![2]!)).toBe(xmlValue(`${c.rule} ${c.pointer}`));
    if (blocks(r, c)) expect(decodeXml(m![4]!)).toBe(xmlValue(c.reason));
    else if (c.ignored) expect(decodeXml(m![6]!)).toBe(xmlValue(`accepted (ignore file entry ${c.ignored.entry}): ${c.ignored.reason}`));
    else expect(decodeXml(m![7]!)).toBe(xmlValue(`${c.operation}\n${c.rule} (${c.severity})\n${c.pointer}\n${c.reason}`));
  });
  expect(lines[1]).toMatch(/^<testsuites name="spec:diff" tests="\d+" failures="\d+" errors="0" skipped="\d+">$/);
  expect(lines[2]).toMatch(new RegExp(`^  <testsuite name=${ATTR} tests="\\d+" failures="\\d+" errors="0" skipped="\\d+">$`));
}

const decodeWorkflow = (s: string) => s.replace(/%(25|0D|0A|3A|2C)/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
// What a workflow command's text decodes to: CR and LF come back (they were percent-encoded), other invisible characters stay `\uXXXX`.
const invisibleEscaped = (s: string) => s.replace(INVISIBLE, (c) => (c === "\r" ? c : escapeUnit(c)));

/** One command per change shown, per ignore note, and the verdict: each line one command whose title and message decode back. */
function checkGithub(r: SpecDiffResult, changelog: boolean): void {
  const out = renderGithub(r, changelog, { specFile: "spec/openapi,x:y.yaml" });
  const lines = out.split("\n").slice(0, -1);
  const rows = sections(r, changelog).flatMap((s) => folded(s.changes));
  expect(lines).toHaveLength(rows.length + ignoreNotes(r).length + 1);
  for (const line of lines) expect(line).not.toMatch(RAW);
  rows.forEach(({ change: c, more }, i) => {
    const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(lines[i]!);
    expect(m, lines[i]).not.toBeNull();
    expect(m![1]).toBe(blocks(r, c) ? "error" : c.ignored || c.severity === "info" ? "notice" : "warning");
    const props = m![2]!.split(",").map((p) => p.split("="));
    expect(props.map(([k]) => k)).toEqual(["file", "title"]);
    expect(decodeWorkflow(props[0]![1]!)).toBe("spec/openapi,x:y.yaml");
    expect(decodeWorkflow(props[1]!.slice(1).join("="))).toMatch(new RegExp(`: ${escapeRegExp(invisibleEscaped(c.operation))}$`, "s"));
    expect(decodeWorkflow(m![3]!).startsWith(invisibleEscaped(`${c.reason}${alsoIn(more)} (${c.rule} at ${c.pointer})`))).toBe(true);
  });
  expect(lines.at(-1)).toMatch(/^::(error|notice) title=spec%3Adiff (OK|FAIL)::/);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Front matter intact, one list item per change, each rendering as its operation and reason. */
function checkChangeset(md: string, changes: Change[]): void {
  const lines = md.split("\n");
  expect(lines.slice(0, 6)).toEqual(["---", expect.stringMatching(/^"@specforge\/types": (major|minor|patch)$/), expect.any(String), expect.any(String), expect.any(String), "---"]);
  expect(lines[6]).toBe("");
  expect(lines[7]).toMatch(/^API contract .* \(compared with .*\): \d+ breaking, \d+ non-breaking, \d+ documentation changes\.$/);
  const items = lines.filter((l) => l.startsWith("- "));
  // Breaking changes first (accepted ones are not), then the other non-patch ones; documentation only when there is nothing else.
  const counted = (c: Change) => c.breaking && !c.ignored;
  const listed = changes.filter((c) => c.bump !== "patch" || !changes.some((x) => x.bump !== "patch")).sort((a, b) => Number(counted(b)) - Number(counted(a)));
  expect(items).toHaveLength(listed.length);
  for (const [i, item] of items.entries()) {
    const c = listed[i]!;
    expect(item).not.toMatch(RAW);
    let rest = item.slice(2);
    if (c.operation !== "(document)") {
      const span = markdownCodeSpan(c.operation);
      expect(rest.startsWith(`${span}: `)).toBe(true);
      rest = rest.slice(span.length + 2);
    }
    escapedText(rest);
    expect(renderEscapes(rest)).toBe(oneLine(c.reason));
  }
  // Nothing but the generated lines: header, blank lines, section titles and items.
  expect(lines.slice(8).every((l) => l === "" || l.startsWith("- ") || /^(Breaking changes|Non-breaking changes|Documentation and examples):$/.test(l))).toBe(true);
}
