import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import type { Change } from "./types.js";
import { SPEC_PACKAGES, type BumpOrNone } from "./bump.js";
import { markdownCodeSpan, markdownText } from "./inert-text.js";

export interface ChangesetInput {
  bump: Exclude<BumpOrNone, "none">;
  changes: Change[];
  baseLabel: string;
  fromVersion: string;
  toVersion: string;
  /** The packages to bump. Default: SPEC_PACKAGES. */
  packages?: string[];
}

// The summary becomes CHANGELOG.md and release notes: spec text in it is escaped markdown (the
// operation a code span), so a spec cannot add HTML, links, headings or lines there.
const line = (c: Change) => `- ${c.operation === "(document)" ? "" : `${markdownCodeSpan(c.operation)}: `}${markdownText(c.reason)}`;

/**
 * A changeset bumping every package generated from the spec (types, client, zod, mocks) by the
 * proposed bump, with the classified changes as its changelog entry. The runtime is hand-written
 * and does not change with the spec, so it is not part of it.
 */
export function renderChangeset(input: ChangesetInput): string {
  // A change the ignore file accepts is released as a non-breaking one.
  const counted = (c: Change) => c.breaking && !c.ignored;
  const breaking = input.changes.filter(counted);
  const other = input.changes.filter((c) => !counted(c) && c.bump !== "patch");
  const docs = input.changes.filter((c) => c.bump === "patch");
  const parts = [
    "---",
    ...(input.packages ?? SPEC_PACKAGES).map((p) => `"${p}": ${input.bump}`),
    "---",
    "",
    `API contract ${markdownText(input.fromVersion)} → ${markdownText(input.toVersion)} (compared with ${markdownText(input.baseLabel)}): ${breaking.length} breaking, ${other.length} non-breaking, ${docs.length} documentation changes.`,
  ];
  if (breaking.length) parts.push("", "Breaking changes:", "", ...breaking.map(line));
  if (other.length) parts.push("", "Non-breaking changes:", "", ...other.map(line));
  if (docs.length && !breaking.length && !other.length) parts.push("", "Documentation and examples:", "", ...docs.map(line));
  return parts.join("\n") + "\n";
}

/** Writes the changeset as `.changeset/spec-<hash>.md` (named after its content, so re-running does not duplicate it). */
export function writeChangeset(dir: string, content: string): { file: string; existed: boolean } {
  const file = join(dir, `spec-${createHash("sha256").update(content).digest("hex").slice(0, 10)}.md`);
  if (existsSync(file)) return { file, existed: true };
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
  return { file, existed: false };
}
