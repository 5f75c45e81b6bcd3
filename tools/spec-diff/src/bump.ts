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

interface Version {
  parts: [number, number, number];
  /** `v` when written `v1.2.3`. */
  prefix: string;
  /** How many numbers were written: `v1` is 1, `1.2` is 2, `1.2.3-beta` is 3. */
  width: number;
}

/**
 * `1.2.3` (anything may follow: `-beta.1`), and the short forms APIs use for `info.version`: `v1`,
 * `1.2` (the missing numbers are 0). Anything else (`2024-01-01`, `beta`) is not a version.
 */
function parseVersion(v: string): Version | undefined {
  const t = v.trim();
  const full = /^(v?)(\d+)\.(\d+)\.(\d+)/.exec(t);
  if (full) return { prefix: full[1]!, parts: [Number(full[2]), Number(full[3]), Number(full[4])], width: 3 };
  const short = /^(v?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (!short) return undefined;
  return { prefix: short[1]!, parts: [Number(short[2]), Number(short[3] ?? 0), 0], width: short[3] === undefined ? 1 : 2 };
}

/**
 * The bump from one `info.version` to the next. Below 1.0.0 a minor bump is the major one
 * (semver: anything may change in 0.x, and the minor digit carries breaking changes).
 */
export function versionBump(from: string, to: string): BumpOrNone | "invalid" {
  const a = parseVersion(from)?.parts;
  const b = parseVersion(to)?.parts;
  if (!a || !b) return "invalid";
  if (b[0] > a[0]) return "major";
  if (b[0] < a[0]) return "none";
  if (b[1] > a[1]) return a[0] === 0 ? "major" : "minor";
  if (b[1] < a[1]) return "none";
  return b[2] > a[2] ? (a[0] === 0 ? "minor" : "patch") : "none";
}

/**
 * `from` bumped by `bump`, written the way `from` is (1.4.2 + minor = 1.5.0, v1 + major = v2,
 * v1 + minor = v1.1); undefined when `from` is not a version spec:diff can bump.
 */
export function nextVersion(from: string, bump: BumpOrNone): string | undefined {
  const v = parseVersion(from);
  if (!v) return undefined;
  if (bump === "none") return from;
  const [x, y, z] = v.parts;
  const next: [number, number, number] =
    bump === "major" ? (x === 0 ? [0, y + 1, 0] : [x + 1, 0, 0]) : bump === "minor" ? (x === 0 ? [0, y, z + 1] : [x, y + 1, 0]) : [x, y, z + 1];
  // Keep the short form while the numbers it leaves out stay 0.
  const width = Math.max(v.width, next[2] !== 0 ? 3 : next[1] !== 0 ? 2 : 1);
  return v.prefix + next.slice(0, width).join(".");
}

export interface PendingChangeset {
  file: string;
  bump: BumpOrNone;
}

/**
 * Changesets in `.changeset/` not yet released, and the bump each declares for a spec package.
 * Frontmatter is YAML: `"@specforge/client": major`.
 */
export function pendingChangesets(dir: string, packages: string[] = SPEC_PACKAGES): PendingChangeset[] {
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
      .filter(([pkg]) => packages.includes(pkg))
      .map(([, b]) => (ORDER.includes(b as BumpOrNone) ? (b as BumpOrNone) : "none"));
    out.push({ file: join(dir, name), bump: maxBump(...declared) });
  }
  return out;
}
