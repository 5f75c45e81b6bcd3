import { join, resolve } from "node:path";
import { diffSpecs } from "./diff.js";
import { loadVersion } from "./load.js";
import { defaultBase, extractSpecAt, repoRoot } from "./git.js";
import { maxBump, nextVersion, pendingChangesets, proposeBump, versionBump, type BumpOrNone } from "./bump.js";
import { renderChangeset, writeChangeset } from "./changeset.js";
import type { Change } from "./types.js";

export interface SpecDiffOptions {
  /** Working directory: the repository, and where relative paths start. Default: process.cwd(). */
  cwd?: string;
  /** Git ref of the base version. Default: last release tag, else origin/main, else HEAD~. */
  base?: string;
  /** A spec file to use as the base instead of a git ref. */
  baseSpec?: string;
  /** Git ref of the head version. Default: the working tree. */
  head?: string;
  /** Root file of the spec. Default: spec/openapi.yaml of the repository. */
  spec?: string;
  /** Write a changeset for the proposed bump. Default: false. */
  writeChangeset?: boolean;
  /** Where changesets live. Default: .changeset of the repository. */
  changesetDir?: string;
}

export interface SideInfo {
  label: string;
  version: string;
}

export interface SpecDiffResult {
  base: SideInfo;
  head: SideInfo;
  changes: Change[];
  breaking: number;
  proposedBump: BumpOrNone;
  /** The bump from the base's info.version to the head's. */
  versionBump: BumpOrNone | "invalid";
  /** The largest bump pending changesets declare for the spec packages. */
  changesetBump: BumpOrNone;
  suggestedVersion: string;
  changeset?: { file: string; existed: boolean };
  /** False when there are breaking changes without a major bump. */
  ok: boolean;
  verdict: string;
}

/** Loads both versions, classifies the changes and decides whether they may be released. */
export async function runSpecDiff(options: SpecDiffOptions = {}): Promise<SpecDiffResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const needsGit = !options.baseSpec || options.head !== undefined;
  const root = needsGit ? repoRoot(cwd) : tryRepoRoot(cwd);
  const specFile = resolve(cwd, options.spec ?? join(root, "spec/openapi.yaml"));
  const cleanups: (() => void)[] = [];
  try {
    let baseFile: string;
    let baseLabel: string;
    if (options.baseSpec) [baseFile, baseLabel] = [resolve(cwd, options.baseSpec), options.baseSpec];
    else {
      const chosen = options.base ? { ref: options.base, why: "--base" } : defaultBase(root);
      const x = extractSpecAt(root, chosen.ref, specFile);
      cleanups.push(x.cleanup);
      [baseFile, baseLabel] = [x.file, `${chosen.ref} (${chosen.why})`];
    }
    let headFile = specFile;
    let headLabel = "working tree";
    if (options.head) {
      const x = extractSpecAt(root, options.head, specFile);
      cleanups.push(x.cleanup);
      [headFile, headLabel] = [x.file, options.head];
    }
    const [base, head] = [await loadVersion(baseFile), await loadVersion(headFile)];
    const changes = diffSpecs(base, head);
    const breaking = changes.filter((c) => c.breaking).length;
    const proposedBump = proposeBump(changes);
    const fromVersion = base.model.version;
    const suggestedVersion = nextVersion(fromVersion, proposedBump);
    const changesetDir = resolve(cwd, options.changesetDir ?? join(root, ".changeset"));
    let changeset: SpecDiffResult["changeset"];
    if (options.writeChangeset && proposedBump !== "none") {
      const toVersion = versionBump(fromVersion, head.model.version) === "none" ? suggestedVersion : head.model.version;
      changeset = writeChangeset(changesetDir, renderChangeset({ bump: proposedBump, changes, baseLabel, fromVersion, toVersion }));
    }
    const vb = versionBump(fromVersion, head.model.version);
    const changesetBump = maxBump(...pendingChangesets(changesetDir).map((c) => c.bump));
    const ok = breaking === 0 || vb === "major" || changesetBump === "major";
    return {
      base: { label: baseLabel, version: fromVersion },
      head: { label: headLabel, version: head.model.version },
      changes,
      breaking,
      proposedBump,
      versionBump: vb,
      changesetBump,
      suggestedVersion,
      ...(changeset ? { changeset } : {}),
      ok,
      verdict: verdict(breaking, ok, vb, changesetBump, fromVersion, head.model.version, suggestedVersion),
    };
  } finally {
    for (const c of cleanups) c();
  }
}

function tryRepoRoot(cwd: string): string {
  try {
    return repoRoot(cwd);
  } catch {
    return cwd;
  }
}

function verdict(breaking: number, ok: boolean, vb: string, cb: BumpOrNone, from: string, to: string, suggested: string): string {
  const versions = `info.version ${from} → ${to}`;
  if (breaking === 0) return "no breaking changes";
  const n = `${breaking} breaking change${breaking > 1 ? "s" : ""}`;
  if (ok) return vb === "major" ? `${n}, allowed: ${versions} is a major bump` : `${n}, allowed: a pending changeset declares a major bump`;
  const now = vb === "invalid" ? `${versions} is not semver` : vb === "none" ? `${versions} is not bumped` : `${versions} is only a ${vb} bump`;
  return `${n}, but ${now}: set info.version to ${suggested} or record a major changeset (pnpm spec:diff --write-changeset)`;
}

