import type { SpecDiffResult } from "../run.js";
import type { Change } from "../types.js";
import { xmlText as x } from "../inert-text.js";
import { blocks, byOperation, ignoreNotes, sections } from "./sections.js";

/**
 * JUnit XML for CI test reporters: one test case per change shown (the gate's view: breaking
 * changes, warnings, accepted ones; the changelog view: every change), named after its operation
 * and rule. A change the gate fails on is a `<failure>`, an accepted one `<skipped>`, the rest pass
 * with their reason as output; expired and stale ignore entries are passing cases too (they fail
 * nothing by themselves). Every text goes through xmlText: attribute values and text both.
 */
export function renderJunit(r: SpecDiffResult, changelog = false): string {
  const changes = sections(r, changelog).flatMap((s) => byOperation(s.changes));
  const cases = changes.map((c) => testcase(r, c));
  for (const note of ignoreNotes(r)) cases.push(`    <testcase classname="spec-diff.ignore-file" name="${x(note)}"><system-out>${x(note)}</system-out></testcase>`);
  if (!cases.length) cases.push(`    <testcase classname="spec-diff" name="${x(r.verdict)}"></testcase>`);
  const failures = changes.filter((c) => blocks(r, c)).length;
  const skipped = changes.filter((c) => c.ignored).length;
  const attrs = `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="spec:diff" ${attrs}>`,
    `  <testsuite name="${x(`spec:diff ${r.base.label} → ${r.head.label}`)}" ${attrs}>`,
    `    <properties>`,
    ...[
      ["verdict", `${r.ok ? "OK" : "FAIL"}: ${r.verdict}`],
      ["base", `${r.base.label} (info.version ${r.base.version})`],
      ["head", `${r.head.label} (info.version ${r.head.version})`],
      ["proposedBump", r.proposedBump],
      ["failOn", r.failOn],
    ].map(([k, v]) => `      <property name="${k}" value="${x(v!)}"/>`),
    `    </properties>`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}

function testcase(r: SpecDiffResult, c: Change): string {
  const head = `    <testcase classname="${x(`spec-diff.${c.operation}`)}" name="${x(`${c.rule} ${c.pointer}`)}">`;
  const detail = x(`${c.operation}\n${c.rule} (${c.severity})\n${c.pointer}\n${c.reason}`);
  if (blocks(r, c)) return `${head}<failure type="${c.severity}" message="${x(c.reason)}">${detail}</failure></testcase>`;
  if (c.ignored) return `${head}<skipped message="${x(`accepted (ignore file entry ${c.ignored.entry}): ${c.ignored.reason}`)}"/></testcase>`;
  return `${head}<system-out>${detail}</system-out></testcase>`;
}
