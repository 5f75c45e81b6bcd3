import type { SpecDiffResult } from "../run.js";
import type { Change } from "../types.js";

/** One group of changes a report shows, in the order reports show them. */
export interface Section {
  id: "breaking" | "warning" | "accepted" | "minor" | "patch";
  title: string;
  changes: Change[];
}

/**
 * The groups of a report. The gate's view (the default) shows what fails or may fail the gate —
 * breaking changes, warnings — and what the ignore file accepted; the changelog view adds every
 * other change: non-breaking contract changes, then documentation and the rest.
 */
export function sections(r: SpecDiffResult, changelog: boolean): Section[] {
  const open = r.changes.filter((c) => !c.ignored);
  const all: Section[] = [
    { id: "breaking", title: "Breaking changes", changes: open.filter((c) => c.severity === "breaking") },
    { id: "warning", title: "Warnings", changes: open.filter((c) => c.severity === "warning") },
    { id: "accepted", title: "Accepted by the ignore file", changes: r.changes.filter((c) => c.ignored) },
    { id: "minor", title: "Non-breaking changes", changes: open.filter((c) => c.severity === "info" && c.bump !== "patch") },
    { id: "patch", title: "Documentation and other changes", changes: open.filter((c) => c.severity === "info" && c.bump === "patch") },
  ];
  return all.filter((s) => s.changes.length && (changelog || s.id === "breaking" || s.id === "warning" || s.id === "accepted"));
}

/** How many changes the gate's view leaves out (info): a report says so rather than hide them. */
export const leftOut = (r: SpecDiffResult, changelog: boolean) => (changelog ? 0 : r.counts.info);

/** Whether this change is one the gate fails on in this run. */
export const blocks = (r: SpecDiffResult, c: Change) => !r.ok && !c.ignored && (c.severity === "breaking" || (r.failOn === "warning" && c.severity === "warning"));

/** Changes grouped by operation, in the order operations first appear. */
export function byOperation(changes: Change[]): Change[] {
  const first = new Map<string, number>();
  changes.forEach((c, i) => first.has(c.operation) || first.set(c.operation, i));
  return [...changes].sort((a, b) => first.get(a.operation)! - first.get(b.operation)!);
}

/** A row of a human report: a change, and how many other operations the same change reaches. */
export interface Row {
  change: Change;
  more: number;
}

/**
 * Rows in operation order. A change to a shared component reaches every operation that uses it:
 * Stripe's error schema, edited once, is 254 findings, one per operation. The human reports (text
 * and markdown tables) fold those (same rule, pointer, severity and ignore entry) into the first
 * operation's row; the machine formats (JSON, JUnit, GitHub) and the changelog's bullets keep one
 * finding per operation.
 */
export function folded(changes: Change[]): Row[] {
  const rows: Row[] = [];
  const byKey = new Map<string, Row>();
  for (const change of byOperation(changes)) {
    const key = `${change.severity}\n${change.rule}\n${change.pointer}\n${change.ignored?.entry ?? ""}`;
    const row = byKey.get(key);
    if (row) row.more++;
    else {
      const added = { change, more: 0 };
      byKey.set(key, added);
      rows.push(added);
    }
  }
  return rows;
}

/** What a folded row adds to its reason. */
export const alsoIn = (more: number): string => (more ? ` (and in ${more} more operation${more === 1 ? "" : "s"})` : "");

/** The ignore file's expired and stale entries, as one line of plain text each. */
export function ignoreNotes(r: SpecDiffResult): string[] {
  if (!r.ignore) return [];
  return [
    ...r.ignore.expired.map((e) => `entry ${e.index} (${e.rule}) expired on ${e.expires}${e.matches ? `: ${e.matches} change${e.matches === 1 ? "" : "s"} it accepted count again` : ""} (${e.reason})`),
    ...r.ignore.stale.map((e) => `entry ${e.index} (${e.rule}) matches no change: remove it if the change is gone (${e.reason})`),
  ];
}

/** `Proposed bump: major (info.version 1.0.0 → 2.0.0)`, or undefined when nothing changed. */
export function bumpLine(r: SpecDiffResult): string | undefined {
  if (r.proposedBump === "none") return undefined;
  return `Proposed bump: ${r.proposedBump}${r.suggestedVersion !== undefined ? ` (info.version ${r.base.version} → ${r.suggestedVersion})` : ""}`;
}
