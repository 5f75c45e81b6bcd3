/**
 * The ignore file: how entries are read and checked, which changes each accepts, expiry and
 * stale entries, and what an accepted change does to the gate and the bump.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyIgnores, parseIgnoreEntries, readIgnoreFile, type IgnoreEntry } from "../src/ignore.js";
import { ConfigError } from "../src/config.js";
import { runSpecDiff } from "../src/run.js";
import type { Change } from "../src/types.js";
import { doc, json, object } from "./support/spec-pair.js";

const change = (operation: string, rule: string, pointer: string): Change => ({ rule, severity: "breaking", breaking: true, bump: "major", operation, pointer, reason: "r" });
const entry = (e: Partial<IgnoreEntry>): IgnoreEntry => ({ index: 1, rule: "*", reason: "reviewed", ...e });

describe("reading", () => {
  it.each<[string, unknown, string]>([
    ["not a list", { operation: "x" }, "expected a list of entries"],
    ["an entry that is no object", ["x"], "entry 1: expected { operation | pointer, rule, reason, expires? }"],
    ["neither operation nor pointer", [{ rule: "*", reason: "r" }], "entry 1: needs an operation or a pointer"],
    ["a pointer that is no pointer", [{ pointer: "components/x", rule: "*", reason: "r" }], "entry 1: pointer must be a JSON pointer starting with #"],
    ["no rule", [{ operation: "getUser", reason: "r" }], "entry 1: needs a rule"],
    ["a rule that does not exist", [{ operation: "getUser", rule: "enum-widened", reason: "r" }], 'entry 1: rule "enum-widened": unknown rule; every rule id is listed in tools/spec-diff/README.md#rules'],
    ["no reason", [{ operation: "getUser", rule: "*" }], "entry 1: needs a reason"],
    ["an empty reason", [{ operation: "getUser", rule: "*", reason: " " }], "entry 1: needs a reason"],
    ["a bad date", [{ operation: "getUser", rule: "*", reason: "r", expires: "next week" }], "entry 1: expires must be a date, YYYY-MM-DD"],
    ["an unknown key", [{ operation: "getUser", rule: "*", reason: "r", until: "2026-01-01" }], 'entry 1: unknown key "until"'],
    ["the second entry is named", [{ operation: "a", rule: "*", reason: "r" }, { rule: "*", reason: "r" }], "entry 2: needs an operation or a pointer"],
  ])("rejects %s", (_, given, want) => {
    expect(() => parseIgnoreEntries(given, "ignore.yaml")).toThrow(ConfigError);
    expect(() => parseIgnoreEntries(given, "ignore.yaml")).toThrow(`ignore.yaml: ${want}`);
  });

  it("reads YAML (a list, or { ignore: [...] }, dates quoted or not) and JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-ignore-"));
    try {
      writeFileSync(join(dir, "a.yaml"), "- operation: GET /users/{id}\n  rule: response-enum-widened\n  reason: only internal accounts\n  expires: 2026-01-31\n");
      writeFileSync(join(dir, "b.yaml"), "ignore:\n  - pointer: '#/components/schemas/User'\n    rule: '*'\n    reason: x\n    expires: '2026-01-31'\n");
      writeFileSync(join(dir, "c.json"), JSON.stringify([{ operation: "getUser", rule: "*", reason: "x" }]));
      writeFileSync(join(dir, "d.yaml"), "- [unclosed\n");
      expect(readIgnoreFile(join(dir, "a.yaml"))).toEqual([{ index: 1, operation: "GET /users/{id}", rule: "response-enum-widened", reason: "only internal accounts", expires: "2026-01-31" }]);
      expect(readIgnoreFile(join(dir, "b.yaml"))).toEqual([{ index: 1, pointer: "#/components/schemas/User", rule: "*", reason: "x", expires: "2026-01-31" }]);
      expect(readIgnoreFile(join(dir, "c.json"))).toEqual([{ index: 1, operation: "getUser", rule: "*", reason: "x" }]);
      expect(() => readIgnoreFile(join(dir, "d.yaml"))).toThrow(/d\.yaml: not YAML or JSON/);
      expect(() => readIgnoreFile(join(dir, "none.yaml"))).toThrow(/none\.yaml: no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("matching", () => {
  const c = change("GET /users/{id} (getUser)", "response-enum-widened", "#/components/schemas/User/properties/role/enum");
  const hook = change("webhook user.created (onUserCreated)", "response-property-removed", "#/components/schemas/User/properties/email");
  const docLevel = change("(document)", "server-removed", "#/servers/0");
  // The change renames the operation: getUser → fetchUser.
  const renamed: Change = { ...change("GET /users/{id} (fetchUser)", "response-enum-widened", "#/components/schemas/User/properties/role/enum"), baseOperation: "GET /users/{id} (getUser)" };
  it.each<[string, Partial<IgnoreEntry>, Change, boolean]>([
    ["the full label", { operation: "GET /users/{id} (getUser)" }, c, true],
    ["method and path", { operation: "GET /users/{id}" }, c, true],
    ["another name for the path parameter", { operation: "get /users/{userId}" }, c, true],
    ["the operationId", { operation: "getUser" }, c, true],
    ["another operation", { operation: "GET /users" }, c, false],
    ["another method", { operation: "PUT /users/{id}" }, c, false],
    ["a webhook by name", { operation: "webhook user.created" }, hook, true],
    ["the document", { operation: "(document)" }, docLevel, true],
    ["the pointer itself", { pointer: "#/components/schemas/User/properties/role/enum" }, c, true],
    ["a pointer above", { pointer: "#/components/schemas/User" }, c, true],
    ["a pointer that only starts the same", { pointer: "#/components/schemas/Use" }, c, false],
    ["the rule", { operation: "getUser", rule: "response-enum-widened" }, c, true],
    ["a rule glob", { operation: "getUser", rule: "response-*-widened" }, c, true],
    ["another rule", { operation: "getUser", rule: "response-enum-narrowed" }, c, false],
    ["operation and pointer both", { operation: "getUser", pointer: "#/components/schemas/User" }, c, true],
    ["operation and pointer, one off", { operation: "getUser", pointer: "#/components/schemas/Team" }, c, false],
    ["a renamed operation by its old operationId", { operation: "getUser" }, renamed, true],
    ["a renamed operation by its new operationId", { operation: "fetchUser" }, renamed, true],
    ["a renamed operation by its old full label", { operation: "GET /users/{id} (getUser)" }, renamed, true],
    ["a renamed operation by method and path", { operation: "GET /users/{id}" }, renamed, true],
    ["a renamed operation by a third operationId", { operation: "loadUser" }, renamed, false],
  ])("%s", (_, e, ch, want) => {
    const changes = [{ ...ch }];
    applyIgnores(changes, [entry(e)], "f", "2026-01-01");
    expect(changes[0]!.ignored !== undefined).toBe(want);
  });

  it("an entry applies through its day, and is expired the day after; one matching nothing is stale", () => {
    const entries = [entry({ index: 1, operation: "getUser", expires: "2026-01-31" }), entry({ index: 2, operation: "listTeams" })];
    const onTheDay = [{ ...c }];
    expect(applyIgnores(onTheDay, entries, "f", "2026-01-31")).toEqual({ file: "f", expired: [], stale: [entries[1]] });
    expect(onTheDay[0]!.ignored).toEqual({ entry: 1, reason: "reviewed", expires: "2026-01-31" });
    const after = [{ ...c }];
    expect(applyIgnores(after, entries, "f", "2026-02-01")).toEqual({ file: "f", expired: [{ ...entries[0], matches: 1 }], stale: [entries[1]] });
    expect(after[0]!.ignored).toBeUndefined();
  });
});

describe("in a run", () => {
  const get = (email: boolean, operationId = "listUsers") =>
    doc({ "/users": { get: { operationId, responses: { "200": { description: "ok", content: json(object({ id: { type: "string" }, ...(email ? { email: { type: "string" } } : {}) })) } } } } });

  it("an entry keyed by the old operationId still matches when the change renames the operation", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-ignore-renamed-"));
    try {
      writeFileSync(join(dir, "a.json"), JSON.stringify(get(true, "listUsers")));
      writeFileSync(join(dir, "b.json"), JSON.stringify(get(false, "getUsers")));
      const run = (operation: string) => {
        writeFileSync(join(dir, ".spec-diff-ignore.yaml"), JSON.stringify([{ operation, rule: "*", reason: "reviewed with the rename" }]));
        return runSpecDiff({ cwd: dir, baseSpec: "a.json", spec: "b.json", today: "2026-01-01" });
      };
      for (const operation of ["listUsers", "getUsers"]) {
        const r = await run(operation);
        expect(r.changes.map((c) => [c.rule, c.operation, c.baseOperation, c.ignored?.entry]), operation).toEqual([
          ["operation-id-changed", "GET /users (getUsers)", "GET /users (listUsers)", 1],
          ["response-property-removed", "GET /users (getUsers)", "GET /users (listUsers)", 1],
        ]);
        expect(r, operation).toMatchObject({ ok: true, counts: { breaking: 0, warning: 0, accepted: 2 }, ignore: { stale: [] } });
      }
      expect(await run("fetchUsers")).toMatchObject({ ok: false, counts: { breaking: 1, warning: 1, accepted: 0 }, ignore: { stale: [{ operation: "fetchUsers" }] } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an accepted break passes the gate, is counted apart and released as minor; expired and stale entries are reported", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-ignore-run-"));
    try {
      writeFileSync(join(dir, "a.json"), JSON.stringify(get(true)));
      writeFileSync(join(dir, "b.json"), JSON.stringify(get(false)));
      const run = (ignore: unknown[], today = "2026-01-01") => {
        writeFileSync(join(dir, ".spec-diff-ignore.yaml"), JSON.stringify(ignore));
        return runSpecDiff({ cwd: dir, baseSpec: "a.json", spec: "b.json", today });
      };
      const accepted = await run([{ operation: "GET /users", rule: "response-property-removed", reason: "nobody reads email", expires: "2026-06-30" }]);
      expect(accepted).toMatchObject({ ok: true, failing: 0, breaking: 0, counts: { breaking: 0, accepted: 1 }, proposedBump: "minor", verdict: "no breaking changes; 1 accepted by the ignore file" });
      expect(accepted.changes[0]!.ignored).toEqual({ entry: 1, reason: "nobody reads email", expires: "2026-06-30" });
      const expired = await run([{ operation: "GET /users", rule: "response-property-removed", reason: "nobody reads email", expires: "2025-12-31" }]);
      expect(expired).toMatchObject({ ok: false, failing: 1, proposedBump: "major", ignore: { expired: [{ index: 1, matches: 1 }], stale: [] } });
      const stale = await run([{ operation: "GET /teams", rule: "*", reason: "old" }]);
      expect(stale).toMatchObject({ ok: false, ignore: { stale: [{ index: 1, operation: "GET /teams" }] } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
