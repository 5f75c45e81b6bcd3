import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { Bump, Change } from "./types.js";

export type BumpOrNone = Bump | "none";
const ORDER: BumpOrNone[] = ["none", "patch", "minor", "major"];
export const maxBump = (...bs: BumpOrNone[]): BumpOrNone => bs.reduce((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), "none");

/** The packages generated from the spec: they are versioned together and follow the spec's bump. */
export const SPEC_PACKAGES = ["@specforge/types", "@specforge/client", "@specforge/zod", "@specforge/mocks"];

/** Breaking → major, any other contract change → minor, documentation only → patch. */
export function proposeBump(changes: Change[]): BumpOrNone {
  return maxBump(...changes.map((c) => c.bump));
}

const semver = (v: string) => /^v?(\d+)\.(\d+)\.(\d+)/.exec(v.trim())?.slice(1).map(Number) as [number, number, number] | undefined;

/**
 * The bump from one `info.version` to the next. Below 1.0.0 a minor bump is the major one
 * (semver: anything may change in 0.x, and the minor digit carries breaking changes).
 */
export function versionBump(from: string, to: string): BumpOrNone | "invalid" {
  const a = semver(from);
  const b = semver(to);
  if (!a || !b) return "invalid";
  if (b[0] > a[0]) return "major";
  if (b[0] < a[0]) return "none";
  if (b[1] > a[1]) return a[0] === 0 ? "major" : "minor";
  if (b[1] < a[1]) return "none";
  return b[2] > a[2] ? (a[0] === 0 ? "minor" : "patch") : "none";
}

/** `from` bumped by `bump` (1.4.2 + minor = 1.5.0). */
export function nextVersion(from: string, bump: BumpOrNone): string {
  const v = semver(from);
  if (!v || bump === "none") return from;
  if (bump === "major") return v[0] === 0 ? `0.${v[1] + 1}.0` : `${v[0] + 1}.0.0`;
  if (bump === "minor") return v[0] === 0 ? `0.${v[1]}.${v[2] + 1}` : `${v[0]}.${v[1] + 1}.0`;
  return `${v[0]}.${v[1]}.${v[2] + 1}`;
}

export interface PendingChangeset {
  file: string;
  bump: BumpOrNone;
}

/**
 * Changesets in `.changeset/` not yet released, and the bump each declares for a spec package.
 * Frontmatter is YAML: `"@specforge/client": major`.
 */
export function pendingChangesets(dir: string): PendingChangeset[] {
  if (!existsSync(dir)) return [];
  const out: PendingChangeset[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".md") || name.toLowerCase() === "readme.md") continue;
    const text = readFileSync(join(dir, name), "utf8");
    const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!m) continue;
    let front: unknown;
    try {
      front = parse(m[1]!);
    } catch {
      continue;
    }
    const declared = Object.entries((front ?? {}) as Record<string, unknown>)
      .filter(([pkg]) => SPEC_PACKAGES.includes(pkg))
      .map(([, b]) => (ORDER.includes(b as BumpOrNone) ? (b as BumpOrNone) : "none"));
    out.push({ file: join(dir, name), bump: maxBump(...declared) });
  }
  return out;
}
