import type { Change } from "./types.js";
import type { SpecDiffResult } from "./run.js";
import { jsonText, terminalCell } from "./inert-text.js";

/** Rows grouped by operation, in the order operations first appear. */
function byOperation(changes: Change[]): Change[] {
  const first = new Map<string, number>();
  changes.forEach((c, i) => first.has(c.operation) || first.set(c.operation, i));
  return [...changes].sort((a, b) => first.get(a.operation)! - first.get(b.operation)!);
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => "  " + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ").trimEnd());
}

function section(title: string, changes: Change[]): string[] {
  if (!changes.length) return [];
  const rows = byOperation(changes).map((c) => [c.operation, c.pointer, c.reason].map(terminalCell));
  return [`${title} (${changes.length})`, ...table([["OPERATION", "POINTER", "REASON"], ...rows]), ""];
}

/**
 * The human report: breaking changes, then the rest, then the proposed bump and the verdict.
 * Everything quoted from the spec or the command line goes through terminalCell: one line each,
 * no terminal control sequences.
 */
export function renderText(r: SpecDiffResult): string {
  const t = terminalCell;
  const lines = [`spec:diff ${t(r.base.label)} (info.version ${t(r.base.version)}) → ${t(r.head.label)} (info.version ${t(r.head.version)})`, ""];
  if (!r.changes.length) lines.push("No changes.", "");
  lines.push(...section("Breaking changes", r.changes.filter((c) => c.breaking)));
  lines.push(...section("Non-breaking changes", r.changes.filter((c) => !c.breaking && c.bump !== "patch")));
  lines.push(...section("Documentation and other changes", r.changes.filter((c) => c.bump === "patch")));
  if (r.proposedBump !== "none") lines.push(`Proposed bump: ${r.proposedBump} (info.version ${t(r.base.version)} → ${t(r.suggestedVersion)})`);
  if (r.changeset) lines.push(`Changeset: ${t(r.changeset.file)}${r.changeset.existed ? " (already there)" : " (written)"}`);
  lines.push(`${r.ok ? "OK" : "FAIL"}: ${t(r.verdict)}`);
  return lines.join("\n") + "\n";
}

/** Machine output: the same as the text, split into breaking and non-breaking lists (values as they are, invisible characters escaped). */
export function renderJson(r: SpecDiffResult): string {
  const { changes, ...rest } = r;
  return jsonText({ ...rest, breakingChanges: changes.filter((c) => c.breaking), nonBreakingChanges: changes.filter((c) => !c.breaking) }, 2) + "\n";
}
