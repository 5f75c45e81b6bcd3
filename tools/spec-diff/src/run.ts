import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { diffSpecs } from "./diff.js";
import { loadVersion } from "./load.js";
import { defaultBase, extractSpecAt, repoRoot } from "./git.js";
import { maxBump, nextVersion, pendingChangesets, versionBump, type BumpOrNone } from "./bump.js";
import { renderChangeset, writeChangeset } from "./changeset.js";
import { severityResolver, validateConfig, type FailOn, type SpecDiffConfig } from "./config.js";
import { applyIgnores, readIgnoreFile, type IgnoreOutcome } from "./ignore.js";
import { atLeast, bumpFor } from "./severity.js";
import { verdict } from "./verdict.js";
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
  /**
   * Where changesets live. Default: .changeset of the repository. Pending changesets are read when
   * comparing the project's spec with a git ref; with `baseSpec` only when this is given (or a
   * changeset is written): a pending major changeset says nothing about two arbitrary files.
   */
  changesetDir?: string;
  /**
   * The project's spec-diff configuration: severities, failOn, ignore file, report defaults. A
   * relative `ignoreFile` in it is relative to `cwd`: whoever reads a config file makes its paths
   * absolute from the file's folder first (`readConfigFile`, `resolveConfigPaths`), as the CLI does.
   */
  config?: SpecDiffConfig;
  /** The lowest severity that fails the gate; wins over `config.failOn`. Default: breaking. */
  failOn?: FailOn;
  /** The ignore file, relative to `cwd`; wins over `config.ignoreFile`. Default: .spec-diff-ignore.yaml (or .json) at the repository root, when there. */
  ignoreFile?: string;
  /** Today as YYYY-MM-DD (UTC), for the expiry of ignore entries. Default: the current date. */
  today?: string;
  /** The packages generated from the spec, which changesets bump. Default: @specforge/types, client, zod and mocks (the config's scope when the CLI reads specforge.config.ts). */
  packages?: string[];
}

export interface SideInfo {
  label: string;
  version: string;
}

export interface SpecDiffResult {
  base: SideInfo;
  head: SideInfo;
  /** Every change, classified: severity, bump, and whether the ignore file accepts it. */
  changes: Change[];
  /** Changes by severity, accepted ones apart. */
  counts: { breaking: number; warning: number; info: number; accepted: number };
  /** Breaking changes the ignore file does not accept (`counts.breaking`). */
  breaking: number;
  failOn: FailOn;
  /** Changes at or above `failOn` that the ignore file does not accept: what the gate looks at. */
  failing: number;
  proposedBump: BumpOrNone;
  /** The bump from the base's info.version to the head's. */
  versionBump: BumpOrNone | "invalid";
  /** The largest bump pending changesets declare for the spec packages ("none" when not read). */
  changesetBump: BumpOrNone;
  /** Whether pending changesets were read (see SpecDiffOptions.changesetDir). */
  changesetsRead: boolean;
  /** The base's info.version bumped by the proposed bump; absent when it is not a version. */
  suggestedVersion?: string;
  changeset?: { file: string; existed: boolean };
  /** The ignore file used, its expired and its stale entries. */
  ignore?: IgnoreOutcome;
  /** False when something fails the gate and the release is not major. */
  ok: boolean;
  verdict: string;
}

const IGNORE_FILES = [".spec-diff-ignore.yaml", ".spec-diff-ignore.yml", ".spec-diff-ignore.json"];

/** Loads both versions, classifies the changes and decides whether they may be released. */
export async function runSpecDiff(options: SpecDiffOptions = {}): Promise<SpecDiffResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = options.config ? validateConfig(options.config, "spec-diff configuration") : {};
  const failOn = options.failOn ?? config.failOn ?? "breaking";
  const needsGit = !options.baseSpec || options.head !== undefined;
  const root = needsGit ? repoRoot(cwd) : tryRepoRoot(cwd);
  const specFile = resolve(cwd, options.spec ?? join(root, "spec/openapi.yaml"));
  // Read before the specs: a broken ignore file fails fast.
  const ignorePath = options.ignoreFile ?? config.ignoreFile;
  const ignoreFile = ignorePath !== undefined ? resolve(cwd, ignorePath) : IGNORE_FILES.map((f) => join(root, f)).find((f) => existsSync(f));
  const entries = ignoreFile ? readIgnoreFile(ignoreFile) : [];
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
    // Named as given, like the base: two files compared are not "the working tree" and something else.
    let headLabel = options.spec ?? "working tree";
    if (options.head) {
      const x = extractSpecAt(root, options.head, specFile);
      cleanups.push(x.cleanup);
      [headFile, headLabel] = [x.file, options.head];
    }
    const [base, head] = [await loadVersion(baseFile), await loadVersion(headFile)];
    const changes = diffSpecs(base, head, severityResolver(config.severity));
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const ignore = ignoreFile ? applyIgnores(changes, entries, ignoreFile, today) : undefined;

    const open = changes.filter((c) => !c.ignored);
    const counts = {
      breaking: open.filter((c) => c.severity === "breaking").length,
      warning: open.filter((c) => c.severity === "warning").length,
      info: open.filter((c) => c.severity === "info").length,
      accepted: changes.length - open.length,
    };
    const failing = open.filter((c) => atLeast(c.severity, failOn)).length;
    // An accepted change is released as a non-breaking one.
    const proposedBump = maxBump(...changes.map((c) => (c.ignored && c.bump === "major" ? bumpFor(c.rule, "info") : c.bump)));
    const fromVersion = base.model.version;
    const suggestedVersion = nextVersion(fromVersion, proposedBump);
    const vb = versionBump(fromVersion, head.model.version);
    const changesetDir = resolve(cwd, options.changesetDir ?? join(root, ".changeset"));
    let changeset: SpecDiffResult["changeset"];
    if (options.writeChangeset && proposedBump !== "none") {
      const toVersion = vb === "none" || vb === "invalid" ? (suggestedVersion ?? head.model.version) : head.model.version;
      changeset = writeChangeset(changesetDir, renderChangeset({ bump: proposedBump, changes, baseLabel, fromVersion, toVersion, ...(options.packages ? { packages: options.packages } : {}) }));
    }
    const changesetsRead = !options.baseSpec || options.changesetDir !== undefined || options.writeChangeset === true;
    const changesetBump = changesetsRead ? maxBump(...pendingChangesets(changesetDir, options.packages).map((c) => c.bump)) : "none";
    const ok = failing === 0 || vb === "major" || changesetBump === "major";
    return {
      base: { label: baseLabel, version: fromVersion },
      head: { label: headLabel, version: head.model.version },
      changes,
      counts,
      breaking: counts.breaking,
      failOn,
      failing,
      proposedBump,
      versionBump: vb,
      changesetBump,
      changesetsRead,
      ...(suggestedVersion !== undefined ? { suggestedVersion } : {}),
      ...(changeset ? { changeset } : {}),
      ...(ignore ? { ignore } : {}),
      ok,
      verdict: verdict({ counts, failOn, failing, ok, versionBump: vb, changesetBump, changesetsRead, from: fromVersion, to: head.model.version, suggested: suggestedVersion }),
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
