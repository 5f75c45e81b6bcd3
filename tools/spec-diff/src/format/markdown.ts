import type { SpecDiffResult } from "../run.js";
import { markdownCodeSpan as code, markdownTableCell as cell, markdownText as text } from "../inert-text.js";
import { alsoIn, bumpLine, byOperation, folded, ignoreNotes, leftOut, sections, type Section, type Row } from "./sections.js";

/** Rows per table in a PR comment (GitHub cuts comments at 65,536 characters). */
export const MAX_ROWS = 100;

/**
 * Markdown for a pull-request comment or a changelog. Every spec text goes through the markdown
 * helpers of inert-text.ts: table cells and code spans (operations, rules, pointers), inline text
 * (reasons, verdict), so a spec adds no HTML, link, heading, list item or table cell. The only
 * HTML is ours (`<details>` around long sections).
 *
 * The gate's view has one table per section (at most MAX_ROWS rows each); the changelog view lists
 * every change as a bullet under its operation, section by section.
 */
export function renderMarkdown(r: SpecDiffResult, changelog = false): string {
  const out = [
    `### spec:diff: ${r.ok ? "OK" : "FAIL"}`,
    "",
    text(`${r.ok ? "OK" : "FAIL"}: ${r.verdict}`),
    "",
    `${code(r.base.label)} (info.version ${code(r.base.version)}) → ${code(r.head.label)} (info.version ${code(r.head.version)})`,
    "",
    `| breaking | warnings | accepted | other |`,
    `|---:|---:|---:|---:|`,
    `| ${r.counts.breaking} | ${r.counts.warning} | ${r.counts.accepted} | ${r.counts.info} |`,
    "",
  ];
  for (const s of sections(r, changelog)) out.push(...(changelog ? bullets(s) : tableOf(s)), "");
  const rest = leftOut(r, changelog);
  if (rest) out.push(text(`Other changes (${rest}) are not breaking: spec:diff --changelog lists them.`), "");
  const notes = ignoreNotes(r);
  if (notes.length) out.push(`**Ignore file** ${code(r.ignore!.file)}`, "", ...notes.map((n) => `- ${text(n)}`), "");
  const bump = bumpLine(r);
  if (bump) out.push(text(bump), "");
  return out.join("\n");
}

function tableOf(s: Section): string[] {
  const rows = folded(s.changes);
  const shown = rows.slice(0, MAX_ROWS);
  const accepted = s.id === "accepted";
  const head = accepted ? "| Operation | Change | Rule | Pointer | Accepted because |\n|---|---|---|---|---|" : "| Operation | Change | Rule | Pointer |\n|---|---|---|---|";
  const row = ({ change: c, more }: Row) =>
    `| ${code(c.operation, true)} | ${cell(c.reason + alsoIn(more))} | ${code(c.rule, true)} | ${code(c.pointer, true)} |${accepted ? ` ${cell(`entry ${c.ignored!.entry}: ${c.ignored!.reason}`)} |` : ""}`;
  const more = rows.length - shown.length;
  const table = [`**${s.title} (${s.changes.length})**`, "", head, ...shown.map(row)];
  if (more) table.push("", text(`… and ${more} more (spec:diff --format json lists every change).`));
  // Long sections fold away so the verdict stays on screen.
  return rows.length > 10 ? ["<details open>", `<summary>${s.title} (${s.changes.length})</summary>`, "", ...table.slice(2), "", "</details>"] : table;
}

function bullets(s: Section): string[] {
  const out = [`#### ${s.title} (${s.changes.length})`, ""];
  let operation: string | undefined;
  for (const c of byOperation(s.changes)) {
    if (c.operation !== operation) out.push(`- ${code(c.operation)}`);
    operation = c.operation;
    const why = c.ignored ? ` (accepted: ${c.ignored.reason})` : "";
    out.push(`  - ${text(c.reason + why)} ${code(c.rule)}`);
  }
  return out;
}
