import { describe, expect, it } from "vitest";
import { verdict, type VerdictInput } from "../src/verdict.js";

const counts = (breaking: number, warning = 0, accepted = 0) => ({ breaking, warning, info: 3, accepted });
const base: VerdictInput = { counts: counts(1), failOn: "breaking", failing: 1, ok: false, versionBump: "none", changesetBump: "none", changesetsRead: true, from: "1.0.0", to: "1.0.0", suggested: "2.0.0" };

describe("verdict", () => {
  it.each<[string, Partial<VerdictInput>, string]>([
    ["nothing breaks", { counts: counts(0), failing: 0, ok: true }, "no breaking changes"],
    ["warnings only, failing on breaking", { counts: counts(0, 2), failing: 0, ok: true }, "no breaking changes (2 warnings)"],
    ["failing on warnings, none", { counts: counts(0), failOn: "warning", failing: 0, ok: true }, "no breaking changes or warnings"],
    ["accepted ones are said", { counts: counts(0, 0, 2), failing: 0, ok: true }, "no breaking changes; 2 accepted by the ignore file"],
    [
      "breaking, not bumped",
      {},
      "1 breaking change, but info.version 1.0.0 → 1.0.0 is not bumped: set info.version to 2.0.0, record a major changeset (pnpm spec:diff --write-changeset) or accept reviewed changes in the ignore file",
    ],
    [
      // Item 4 of the issue: the advice was "set info.version to v1".
      "short info.version v1 → v1",
      { from: "v1", to: "v1", suggested: "v2" },
      "1 breaking change, but info.version v1 → v1 is not bumped: set info.version to v2, record a major changeset (pnpm spec:diff --write-changeset) or accept reviewed changes in the ignore file",
    ],
    [
      "info.version that is no version",
      { from: "2024-01-01", to: "2024-01-01", versionBump: "invalid", suggested: undefined },
      "1 breaking change, but info.version 2024-01-01 → 2024-01-01 is not a version spec:diff can compare: give info.version a new major version, record a major changeset (pnpm spec:diff --write-changeset) or accept reviewed changes in the ignore file",
    ],
    [
      "--base-spec: no changeset advice (changesets are not read)",
      { changesetsRead: false },
      "1 breaking change, but info.version 1.0.0 → 1.0.0 is not bumped: set info.version to 2.0.0 or accept reviewed changes in the ignore file",
    ],
    ["only a minor bump", { to: "1.1.0", versionBump: "minor" }, "1 breaking change, but info.version 1.0.0 → 1.1.0 is only a minor bump: set info.version to 2.0.0, record a major changeset (pnpm spec:diff --write-changeset) or accept reviewed changes in the ignore file"],
    ["allowed by info.version", { to: "2.0.0", versionBump: "major", ok: true }, "1 breaking change, allowed: info.version 1.0.0 → 2.0.0 is a major bump"],
    ["allowed by a changeset", { changesetBump: "major", ok: true }, "1 breaking change, allowed: a pending changeset declares a major bump"],
    [
      "failing on warnings",
      { counts: counts(2, 3), failOn: "warning", failing: 5 },
      "2 breaking changes and 3 warnings, but info.version 1.0.0 → 1.0.0 is not bumped: set info.version to 2.0.0, record a major changeset (pnpm spec:diff --write-changeset) or accept reviewed changes in the ignore file",
    ],
  ])("%s", (_, given, want) => {
    expect(verdict({ ...base, ...given })).toBe(want);
  });
});
