/**
 * Every output format of spec:diff on hostile specs: a seeded hostile spec (codegen's fuzz
 * generator: hostile paths, names, operationIds, enum values, versions, descriptions, server URLs)
 * against a mutated copy of itself, compared through the real pipeline (a base file whose name is
 * hostile too, a changeset written). Spec text can add no line to the text report, leaves the JSON
 * values intact, renders as itself in the changeset's markdown, and stays in its cell, code span,
 * XML text or workflow command when the shared helpers build those formats.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSpecDiff, type SpecDiffResult } from "../src/run.js";
import { renderJson, renderText } from "../src/report.js";
import { markdownCodeSpan, markdownTableCell, oneLine, workflowCommand, xmlText } from "../src/inert-text.js";
import type { Change } from "../src/types.js";
import { hostileSpec } from "../../codegen/test/support/hostile-spec.js";
import { hostileText, rng } from "../../codegen/test/support/hostile-strings.js";

type Obj = Record<string, unknown>;

/** Characters no line of any output may hold raw (line breaks are checked by counting lines). */
const RAW = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

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
  it.each(SEEDS)("seed %i: text, JSON, changeset and the helpers for markdown tables, XML and workflow commands", async (seed) => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-hostile-"));
    try {
      const base = hostileSpec(seed).document;
      // The base's label is its path as given on the command line: hostile too.
      const baseName = `base\u001b[31m \`<b>\u2028|${seed}.json`;
      writeFileSync(join(dir, baseName), JSON.stringify(base));
      writeFileSync(join(dir, "head.json"), JSON.stringify(mutate(base, seed)));
      const result = await runSpecDiff({ cwd: dir, baseSpec: baseName, spec: join(dir, "head.json"), writeChangeset: true, changesetDir: join(dir, "changesets") });
      expect(result.changes.length).toBeGreaterThan(5);
      checkText(result);
      checkJson(result);
      if (result.changeset) checkChangeset(readFileSync(result.changeset.file, "utf8"), result.changes);
      else expect(readdirSync(dir)).not.toContain("changesets");
      for (const c of result.changes) checkHelpers(c);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** One line per fixed part and per change: spec text can neither add nor hide one. */
function checkText(r: SpecDiffResult): void {
  const text = renderText(r);
  const lines = text.split("\n");
  const sections = [r.changes.filter((c) => c.breaking), r.changes.filter((c) => !c.breaking && c.bump !== "patch"), r.changes.filter((c) => c.bump === "patch")].filter((s) => s.length);
  const want = 2 + (r.changes.length ? 0 : 2) + sections.reduce((n, s) => n + 3 + s.length, 0) + (r.proposedBump !== "none" ? 1 : 0) + (r.changeset ? 1 : 0) + 1 + 1;
  expect(lines.length).toBe(want);
  for (const line of lines) expect(line).not.toMatch(RAW);
  expect(lines.at(-2)).toMatch(/^(OK|FAIL): /);
}

/** The same values as the result, with nothing invisible left raw in the text. */
function checkJson(r: SpecDiffResult): void {
  const text = renderJson(r);
  expect(text).not.toMatch(RAW);
  const { changes, ...rest } = r;
  expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ ...rest, breakingChanges: changes.filter((c) => c.breaking), nonBreakingChanges: changes.filter((c) => !c.breaking) })));
}

/** What CommonMark shows for inline text made of characters and backslash escapes of ASCII punctuation. */
const renderEscapes = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, "$1");

/** Front matter intact, one list item per change, each rendering as its operation and reason. */
function checkChangeset(md: string, changes: Change[]): void {
  const lines = md.split("\n");
  expect(lines.slice(0, 6)).toEqual(["---", expect.stringMatching(/^"@specforge\/types": (major|minor|patch)$/), expect.any(String), expect.any(String), expect.any(String), "---"]);
  expect(lines[6]).toBe("");
  expect(lines[7]).toMatch(/^API contract .* \(compared with .*\): \d+ breaking, \d+ non-breaking, \d+ documentation changes\.$/);
  const items = lines.filter((l) => l.startsWith("- "));
  // Breaking changes first, then the other non-patch ones; documentation only when there is nothing else.
  const listed = changes.filter((c) => c.bump !== "patch" || !changes.some((x) => x.bump !== "patch")).sort((a, b) => Number(b.breaking) - Number(a.breaking));
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
    // Outside the code span no markup character is left unescaped, and the text shows as the reason.
    expect(rest.replace(/\\[!-/:-@[-`{-~]/g, "")).not.toMatch(/[\\`*_[<|~&$]/);
    expect(renderEscapes(rest)).toBe(oneLine(c.reason));
  }
  // Nothing but the generated lines: header, blank lines, section titles and items.
  expect(lines.slice(8).every((l) => l === "" || l.startsWith("- ") || /^(Breaking changes|Non-breaking changes|Documentation and examples):$/.test(l))).toBe(true);
}

/** The helpers later formats (markdown tables, JUnit XML, GitHub annotations) are built from. */
function checkHelpers(c: Change): void {
  const row = `| ${markdownCodeSpan(c.operation, true)} | ${markdownTableCell(c.pointer)} | ${markdownTableCell(c.reason)} |`;
  expect(row).not.toMatch(/[\n\r]/);
  // GFM splits a row at pipes not preceded by a backslash: exactly three cells.
  expect(row.split(/(?<!\\)\|/).length - 2).toBe(3);
  const xml = `<testcase name="${xmlText(c.operation)}"><failure message="${xmlText(c.reason)}">${xmlText(c.pointer)}</failure></testcase>`;
  expect(xml.match(/[<>]/g)).toHaveLength(8);
  expect(xml.match(/"/g)).toHaveLength(4);
  const command = workflowCommand(c.breaking ? "error" : "notice", { file: "spec/openapi.yaml", title: c.operation }, `${c.pointer}: ${c.reason}`);
  expect(command).not.toMatch(/[\r\n]/);
  expect(command).not.toMatch(RAW);
  expect(/^::(error|notice) file=spec\/openapi\.yaml,title=[^,:]*::/.test(command)).toBe(true);
}
