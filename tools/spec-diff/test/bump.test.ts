import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nextVersion, pendingChangesets, proposeBump, versionBump, type BumpOrNone } from "../src/bump.js";
import { renderChangeset } from "../src/changeset.js";
import { diffDocs, getThing, object } from "./support/spec-pair.js";
import type { Change } from "../src/types.js";

describe("version bumps", () => {
  it.each<[string, string, BumpOrNone | "invalid"]>([
    ["1.0.0", "2.0.0", "major"],
    ["1.0.0", "1.1.0", "minor"],
    ["1.0.0", "1.0.1", "patch"],
    ["1.0.0", "1.0.0", "none"],
    ["2.0.0", "1.9.9", "none"],
    ["0.1.0", "0.2.0", "major"],
    ["0.1.0", "0.1.1", "minor"],
    ["v1.2.3", "2.0.0-beta.1", "major"],
    ["one", "1.0.0", "invalid"],
    // Short forms real APIs use.
    ["v1", "v1", "none"],
    ["v1", "v2", "major"],
    ["v1", "v1.1", "minor"],
    ["1.2", "1.3", "minor"],
    ["2024-01-01", "2024-02-01", "invalid"],
  ])("info.version %s → %s is %s", (from, to, want) => {
    expect(versionBump(from, to)).toBe(want);
  });

  it.each<[string, BumpOrNone, string | undefined]>([
    ["1.4.2", "major", "2.0.0"],
    ["1.4.2", "minor", "1.5.0"],
    ["1.4.2", "patch", "1.4.3"],
    ["1.4.2", "none", "1.4.2"],
    ["0.3.1", "major", "0.4.0"],
    ["v1.2.3", "major", "v2.0.0"],
    // The author's short form is kept while it can say the version.
    ["v1", "major", "v2"],
    ["v1", "minor", "v1.1"],
    ["v1", "patch", "v1.0.1"],
    ["1.2", "minor", "1.3"],
    ["v0", "major", "v0.1"],
    ["2024-01-01", "major", undefined],
    ["beta", "minor", undefined],
  ])("%s + %s = %s", (from, bump, want) => {
    expect(nextVersion(from, bump)).toBe(want);
  });
});

describe("proposed bump", () => {
  const s = object({ a: { type: "string", description: "A." } });
  it.each<[string, Record<string, unknown>, BumpOrNone]>([
    ["nothing changed", getThing(s), "none"],
    ["documentation only", getThing(object({ a: { type: "string", description: "The a." } })), "patch"],
    ["an addition", getThing(object({ a: { type: "string", description: "A." }, b: { type: "string" } })), "minor"],
    ["a breaking change", getThing(object({})), "major"],
  ])("%s → %s", async (_, after, want) => {
    expect(proposeBump(await diffDocs(getThing(s), after))).toBe(want);
  });
});

describe("pending changesets", () => {
  it("reads the largest bump declared for a spec package, ignoring other packages and the README", () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-changesets-"));
    try {
      writeFileSync(join(dir, "README.md"), "---\n\"@specforge/client\": major\n---\n");
      writeFileSync(join(dir, "a.md"), '---\n"@specforge/client": minor\n"@specforge/runtime": major\n---\n\nRuntime rewrite.\n');
      writeFileSync(join(dir, "b.md"), "---\n'@specforge/types': patch\n---\n\nDocs.\n");
      expect(pendingChangesets(dir).map((c) => [c.file.slice(dir.length + 1), c.bump])).toEqual([
        ["a.md", "minor"],
        ["b.md", "patch"],
      ]);
      expect(pendingChangesets(join(dir, "missing"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("renders a changeset for the four spec packages with the changes as its summary", () => {
    const change = (rule: string, breaking: boolean, reason: string, bump: Change["bump"] = breaking ? "major" : "minor"): Change => ({
      rule,
      severity: breaking ? "breaking" : "info",
      breaking,
      bump,
      operation: "GET /users (listUsers)",
      pointer: "#/x",
      reason,
    });
    const text = renderChangeset({
      bump: "major",
      baseLabel: "v1.0.0",
      fromVersion: "1.0.0",
      toVersion: "2.0.0",
      changes: [change("response-property-removed", true, "response 200: body.email removed"), change("path-added", false, "path /teams added")],
    });
    expect(text).toBe(
      [
        "---",
        '"@specforge/types": major',
        '"@specforge/client": major',
        '"@specforge/zod": major',
        '"@specforge/mocks": major',
        "---",
        "",
        "API contract 1.0.0 → 2.0.0 (compared with v1.0.0): 1 breaking, 1 non-breaking, 0 documentation changes.",
        "",
        "Breaking changes:",
        "",
        "- `GET /users (listUsers)`: response 200: body.email removed",
        "",
        "Non-breaking changes:",
        "",
        "- `GET /users (listUsers)`: path /teams added",
        "",
      ].join("\n"),
    );
  });
});
