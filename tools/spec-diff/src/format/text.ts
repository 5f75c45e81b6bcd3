import type { SpecDiffResult } from "../run.js";
import type { Change } from "../types.js";
import { terminalCell } from "../inert-text.js";
import { alsoIn, bumpLine, folded, ignoreNotes, leftOut, sections } from "./sections.js";

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => "  " + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ").trimEnd());
}

const accepted = (c: Change) => (c.ignored ? ` [accepted, entry ${c.ignored.entry}: ${c.ignored.reason}]` : "");

/**
 * The human report: breaking changes, warnings and accepted ones as tables (operation, rule,
 * pointer, reason; one row for a change every operation using a shared component sees), the count of the rest (all of them with `changelog`), the ignore file's
 * expired and stale entries, the proposed bump and the verdict. Everything quoted from the spec,
 * the ignore file or the command line goes through terminalCell: one line each, no control sequences.
 */
export function renderText(r: SpecDiffResult, changelog = false): string {
  const t = terminalCell;
  const lines = [`spec:diff ${t(r.base.label)} (info.version ${t(r.base.version)}) → ${t(r.head.label)} (info.version ${t(r.head.version)})`, ""];
  if (!r.changes.length) lines.push("No changes.", "");
  for (const s of sections(r, changelog)) {
    const rows = folded(s.changes).map(({ change: c, more }) => [c.operation, c.rule, c.pointer, c.reason + alsoIn(more) + accepted(c)].map(t));
    lines.push(`${s.title} (${s.changes.length})`, ...table([["OPERATION", "RULE", "POINTER", "REASON"], ...rows]), "");
  }
  const rest = leftOut(r, changelog);
  if (rest) lines.push(`Other changes (${rest}): not breaking; --changelog lists them`, "");
  const notes = ignoreNotes(r);
  if (notes.length) lines.push(`Ignore file ${t(r.ignore!.file)}:`, ...notes.map((n) => `  ${t(n)}`), "");
  const bump = bumpLine(r);
  if (bump) lines.push(t(bump));
  if (r.changeset) lines.push(`Changeset: ${t(r.changeset.file)}${r.changeset.existed ? " (already there)" : " (written)"}`);
  lines.push(`${r.ok ? "OK" : "FAIL"}: ${t(r.verdict)}`);
  return lines.join("\n") + "\n";
}
