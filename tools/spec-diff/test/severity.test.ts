/**
 * Severities: each rule's default (the warnings of src/severity.ts, else breaking by direction),
 * a project's overrides by rule id or glob, and the bump that follows; the configuration's checks.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, readConfigFile, resolveConfigPaths, severityResolver, validateConfig, type SpecDiffConfig } from "../src/config.js";
import { RULE_IDS, rulesMatching } from "../src/rules/catalog.js";
import { WARNING_RULES, GENERATED_NAME_RULES, defaultSeverity } from "../src/severity.js";
import { diffSpecs } from "../src/diff.js";
import { loadVersion } from "../src/load.js";
import { doc, json, object, sharedThing } from "./support/spec-pair.js";

type P = Record<string, unknown>;

async function diffWith(before: P, after: P, severity: SpecDiffConfig["severity"]) {
  const dir = mkdtempSync(join(tmpdir(), "spec-diff-severity-"));
  try {
    writeFileSync(join(dir, "a.json"), JSON.stringify(before));
    writeFileSync(join(dir, "b.json"), JSON.stringify(after));
    return diffSpecs(await loadVersion(join(dir, "a.json")), await loadVersion(join(dir, "b.json")), severityResolver(severity));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const role = (values: string[]) => object({ role: { type: "string", enum: values } }, ["role"]);
const ok = { "200": { description: "ok", content: json({ type: "object" }) } };
const ops = (id: string) => doc({ "/users": { post: { operationId: id, tags: ["Users"], responses: ok } } });
/** `severity bump rule`, sorted. */
const seen = (cs: { severity: string; bump: string; rule: string }[]) => cs.map((c) => `${c.severity} ${c.bump} ${c.rule}`).sort();

describe("defaults", () => {
  it.each<[string, boolean, string]>([
    ["request-enum-narrowed", true, "breaking"],
    ["response-enum-narrowed", false, "info"],
    ["response-enum-widened", true, "warning"],
    ["operation-id-changed", true, "warning"],
    ["response-property-added-to-closed-object", true, "warning"],
    ["path-added", false, "info"],
  ])("%s (breaks by direction: %s) is %s", (rule, breaks, want) => expect(defaultSeverity(rule, breaks)).toBe(want));

  it("every default warning and generated-name rule is a rule the catalog knows", () => {
    for (const rule of [...Object.keys(WARNING_RULES), ...GENERATED_NAME_RULES]) expect(RULE_IDS.has(rule), rule).toBe(true);
  });
});

describe("overrides", () => {
  const enumAdded = [sharedThing(role(["a"])), sharedThing(role(["a", "b"]))] as const;
  it.each<[string, readonly [P, P], SpecDiffConfig["severity"], string[]]>([
    ["defaults", enumAdded, undefined, ["info minor request-enum-widened", "warning minor response-enum-widened"]],
    ["an id raised to breaking: major", enumAdded, { "response-enum-widened": "breaking" }, ["breaking major response-enum-widened", "info minor request-enum-widened"]],
    ["a glob", enumAdded, { "*-enum-widened": "breaking" }, ["breaking major request-enum-widened", "breaking major response-enum-widened"]],
    ["an id wins over a glob", enumAdded, { "*-enum-widened": "breaking", "request-enum-widened": "info" }, ["breaking major response-enum-widened", "info minor request-enum-widened"]],
    ["a longer glob wins over a shorter one", enumAdded, { "*": "breaking", "response-*": "info" }, ["breaking major request-enum-widened", "info minor response-enum-widened"]],
    [
      "breaking lowered to info: minor",
      [sharedThing(role(["a", "b"])), sharedThing(role(["a"]))],
      { "request-enum-narrowed": "info" },
      ["info minor request-enum-narrowed", "info minor response-enum-narrowed"],
    ],
    // Generated names change whatever the severity: @specforge/client breaks at compile time.
    ["operationId changed: a warning with a major bump", [ops("createUser"), ops("addUser")], undefined, ["warning major operation-id-changed"]],
    ["operationId changed, lowered to info: still major", [ops("createUser"), ops("addUser")], { "operation-id-changed": "info" }, ["info major operation-id-changed"]],
  ])("%s", async (_, [before, after], severity, want) => {
    expect(seen(await diffWith(before, after, severity))).toEqual(want);
  });
});

describe("configuration", () => {
  it.each<[string, unknown, string]>([
    ["not an object", [], "spec-diff configuration must be an object"],
    ["unknown option", { failon: "warning" }, "cfg: failon: unknown option (known: severity, failOn, ignoreFile, format, changelog)"],
    ["bad severity", { severity: { "path-removed": "fatal" } }, 'cfg: severity.path-removed: must be one of "info", "warning", "breaking", not "fatal"'],
    ["rule that does not exist", { severity: { "path-deleted": "info" } }, 'cfg: severity.path-deleted: unknown rule; every rule id is listed in tools/spec-diff/README.md#rules'],
    ["a typo of a rule id", { severity: { "response-enum-widend": "info" } }, 'cfg: severity.response-enum-widend: unknown rule (did you mean "response-enum-widened"?)'],
    ["rule that is nothing like one", { severity: { "everything-else": "info" } }, "cfg: severity.everything-else: unknown rule; every rule id is listed"],
    ["glob that matches nothing", { severity: { "request-*-grew": "info" } }, "cfg: severity.request-*-grew: the pattern names no rule"],
    ["bad failOn", { failOn: "info" }, 'cfg: failOn: must be "breaking" or "warning", not "info"'],
    ["bad ignoreFile", { ignoreFile: "" }, "cfg: ignoreFile: must be a path"],
    ["bad format", { format: "html" }, 'cfg: format: must be one of "text", "json", "markdown", "junit", "github", not "html"'],
    ["bad changelog", { changelog: "yes" }, "cfg: changelog: must be true or false"],
  ])("rejects %s", (_, given, want) => {
    expect(() => validateConfig(given, "cfg")).toThrow(ConfigError);
    expect(() => validateConfig(given, "cfg")).toThrow(want);
  });

  it("names where the section sits in its file", () => {
    expect(() => validateConfig({ severity: { "path-deleted": "info" } }, "specforge.config.ts", "specDiff")).toThrow(/^specforge\.config\.ts: specDiff\.severity\.path-deleted: unknown rule/);
    expect(() => validateConfig([], "specforge.config.ts", "specDiff")).toThrow("specforge.config.ts: specDiff: the spec-diff configuration must be an object");
  });

  it("makes its relative paths absolute from the folder of the file that sets them", () => {
    expect(resolveConfigPaths({ failOn: "warning", ignoreFile: "review/ignore.yaml" }, "/p/api")).toEqual({ failOn: "warning", ignoreFile: "/p/api/review/ignore.yaml" });
    expect(resolveConfigPaths({ ignoreFile: "/abs/ignore.yaml" }, "/p")).toEqual({ ignoreFile: "/abs/ignore.yaml" });
    expect(resolveConfigPaths({ failOn: "warning" }, "/p")).toEqual({ failOn: "warning" });
  });

  it("accepts every option", () => {
    const config: SpecDiffConfig = { severity: { "response-*-widened": "warning", "path-removed": "breaking" }, failOn: "warning", ignoreFile: "x.yaml", format: "markdown", changelog: true };
    expect(validateConfig(config, "cfg")).toEqual(config);
  });

  it("reads a JSON file; a relative ignore file is relative to it", () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-config-"));
    try {
      writeFileSync(join(dir, "c.json"), JSON.stringify({ failOn: "warning", ignoreFile: "ignore.yaml" }));
      expect(readConfigFile(join(dir, "c.json"))).toEqual({ failOn: "warning", ignoreFile: join(dir, "ignore.yaml") });
      writeFileSync(join(dir, "bad.json"), "{ failOn: ");
      expect(() => readConfigFile(join(dir, "bad.json"))).toThrow(/bad\.json: not JSON/);
      expect(() => readConfigFile(join(dir, "none.json"))).toThrow(/none\.json: no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("globs name rules by whole id", () => {
    expect(rulesMatching("response-enum-*")).toEqual(["response-enum-narrowed", "response-enum-widened", "response-enum-changed"]);
    expect(rulesMatching("enum")).toEqual([]);
  });
});
