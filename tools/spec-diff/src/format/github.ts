import { relative } from "node:path";
import type { SpecDiffResult } from "../run.js";
import type { Change } from "../types.js";
import { workflowCommand } from "../inert-text.js";
import { alsoIn, blocks, folded, ignoreNotes, sections } from "./sections.js";

export interface GithubOptions {
  /** The head spec's root file, relative to the repository (GitHub places file annotations by it). */
  specFile?: string;
  /** The ignore file, relative to the repository. */
  ignoreFile?: string;
}

/**
 * GitHub Actions workflow commands, one line each: `::error` for a change the gate fails on,
 * `::warning` for the other breaking changes and warnings, `::notice` for accepted ones (and, in
 * the changelog view, every other change), a warning per expired or stale ignore entry, and the
 * verdict last. Messages and properties go through workflowCommand, so spec text cannot end the
 * line or start a command of its own. (Pointers name places in the bundled spec: annotations are
 * attached to the spec's root file, without a line.)
 */
export function renderGithub(r: SpecDiffResult, changelog = false, options: GithubOptions = {}): string {
  const file: Record<string, string> = options.specFile ? { file: options.specFile } : {};
  const lines: string[] = [];
  // One annotation per change, a shared component's change once (GitHub shows only the first few of a step).
  for (const { change: c, more } of sections(r, changelog).flatMap((s) => folded(s.changes))) {
    const level = blocks(r, c) ? "error" : c.ignored || c.severity === "info" ? "notice" : "warning";
    lines.push(workflowCommand(level, { ...file, title: `${title(c)}: ${c.operation}` }, `${c.reason}${alsoIn(more)} (${c.rule} at ${c.pointer})${c.ignored ? `; accepted by ignore file entry ${c.ignored.entry}: ${c.ignored.reason}` : ""}`));
  }
  const ignore: Record<string, string> = options.ignoreFile ? { file: options.ignoreFile } : {};
  for (const note of ignoreNotes(r)) lines.push(workflowCommand("warning", { ...ignore, title: "spec:diff ignore file" }, note));
  lines.push(workflowCommand(r.ok ? "notice" : "error", { title: `spec:diff ${r.ok ? "OK" : "FAIL"}` }, r.verdict));
  return lines.join("\n") + "\n";
}

const title = (c: Change) => (c.ignored ? `accepted ${c.severity}` : c.severity === "info" ? "change" : c.severity);

/** `root/spec/openapi.yaml` → `spec/openapi.yaml`; undefined when outside `root`. */
export function repoPath(root: string, file: string): string | undefined {
  const rel = relative(root, file);
  return rel && !rel.startsWith("..") ? rel.split("\\").join("/") : undefined;
}
