import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const cli = join(repo, "tools/spec-diff/src/cli.ts");
const tsx = join(repo, "node_modules/.bin/tsx");

/** A split spec like ours: root file, a path file, a schema file. */
const files = {
  "spec/openapi.yaml": `openapi: 3.1.0
info: { title: Demo, version: 1.0.0 }
security: [{ bearer: [] }]
paths:
  /users:
    $ref: ./paths/users.yaml
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
  schemas:
    User:
      $ref: ./components/schemas/User.yaml
`,
  "spec/paths/users.yaml": `get:
  operationId: listUsers
  tags: [Users]
  responses:
    '200':
      description: The users.
      content:
        application/json:
          schema:
            type: array
            items:
              $ref: ../components/schemas/User.yaml
`,
  "spec/components/schemas/User.yaml": `type: object
required: [id, email]
properties:
  id: { type: string }
  email: { type: string, format: email }
`,
};

let dir: string;
const write = (rel: string, text: string) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" }).toString();
const runEnv = (env: Record<string, string>, ...args: string[]) => {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete clean.GITHUB_STEP_SUMMARY;
  const r = spawnSync(tsx, [cli, ...args], { cwd: dir, encoding: "utf8", env: { ...clean, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const run = (...args: string[]) => runEnv({}, ...args);
const edit = (rel: string, from: string | RegExp, to: string) => write(rel, readFileSync(join(dir, rel), "utf8").replace(from, to));

describe("pnpm spec:diff in a git repository", () => {
  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "spec-diff-e2e-")));
    git("init", "-q", "-b", "main");
    git("config", "user.email", "test@example.com");
    git("config", "user.name", "Test");
    git("config", "commit.gpgsign", "false");
    for (const [rel, text] of Object.entries(files)) write(rel, text);
    git("add", ".");
    git("commit", "-q", "-m", "v1");
    git("tag", "v1.0.0");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds nothing when the contract did not change", () => {
    const r = run();
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("v1.0.0 (last release tag)");
    expect(r.stdout).toContain("No changes.");
  });

  it("fails on a breaking change in the working tree, naming operation, pointer and reason", () => {
    edit("spec/components/schemas/User.yaml", /required: \[id, email\]\n([\s\S]*)  email: .*\n/, "required: [id]\n$1");
    const r = run();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /Breaking changes \(1\)\n\s+OPERATION\s+RULE\s+POINTER\s+REASON\n\s+GET \/users \(listUsers\)\s+response-property-removed\s+#\/components\/schemas\/User\/properties\/email\s+response 200 application\/json: body\[\]\.email: property "email" removed\n/,
    );
    expect(r.stdout).toContain("Proposed bump: major (info.version 1.0.0 → 2.0.0)");
    expect(r.stdout).toContain("FAIL: 1 breaking change, but info.version 1.0.0 → 1.0.0 is not bumped");
  });

  it("prints the same as JSON", () => {
    const r = run("--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      ok: false,
      breaking: 1,
      failing: 1,
      failOn: "breaking",
      counts: { breaking: 1, warning: 0, info: 0, accepted: 0 },
      proposedBump: "major",
      versionBump: "none",
      changesetsRead: true,
      suggestedVersion: "2.0.0",
      base: { label: "v1.0.0 (last release tag)", version: "1.0.0" },
    });
    expect(out.changes).toEqual([
      {
        rule: "response-property-removed",
        severity: "breaking",
        breaking: true,
        bump: "major",
        operation: "GET /users (listUsers)",
        pointer: "#/components/schemas/User/properties/email",
        reason: 'response 200 application/json: body[].email: property "email" removed',
      },
    ]);
  });

  it("passes once info.version has a major bump", () => {
    edit("spec/openapi.yaml", "version: 1.0.0", "version: 2.0.0");
    const r = run();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("OK: 1 breaking change, allowed: info.version 1.0.0 → 2.0.0 is a major bump");
    edit("spec/openapi.yaml", "version: 2.0.0", "version: 1.0.0");
  });

  it("compares any two refs, and falls back to HEAD~ without a release tag", () => {
    git("commit", "-q", "-am", "drop email");
    expect(run("--base", "v1.0.0", "--head", "HEAD").code).toBe(1);
    expect(run("--base", "HEAD").code).toBe(0);
    git("tag", "-d", "v1.0.0");
    const r = run();
    expect(r.stdout).toContain("HEAD~ (no release tag and no origin/main; previous commit)");
    expect(r.code).toBe(1);
    git("tag", "v1.0.0", "HEAD~");
  });

  it("reports a bad ref or a broken spec clearly, with exit code 2", () => {
    const bad = run("--base", "no-such-tag");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown git ref "no-such-tag"');
    const saved = readFileSync(join(dir, "spec/paths/users.yaml"), "utf8");
    write("spec/paths/users.yaml", "get: [unclosed\n");
    const broken = run();
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/spec:diff: error: .*spec\/paths\/users\.yaml:\d+: invalid YAML/);
    write("spec/paths/users.yaml", saved);
  });

  it("writes a changeset that `changeset version` turns into versions and changelogs", () => {
    // A workspace like ours: the four spec packages and our changesets config.
    write("package.json", JSON.stringify({ name: "demo", private: true }));
    write("pnpm-workspace.yaml", "packages:\n  - packages/*\n");
    for (const p of ["types", "client", "zod", "mocks"]) write(`packages/${p}/package.json`, JSON.stringify({ name: `@specforge/${p}`, version: "0.1.0" }, null, 2) + "\n");
    cpSync(join(repo, ".changeset/config.json"), join(dir, ".changeset/config.json"));
    mkdirSync(join(dir, "node_modules/@changesets"), { recursive: true });
    symlinkSync(realpathSync(join(repo, "node_modules/@changesets/cli")), join(dir, "node_modules/@changesets/cli"));

    const r = run("--write-changeset");
    expect(r.code).toBe(0); // the major changeset now pending allows the breaking change
    expect(r.stdout).toContain("OK: 1 breaking change, allowed: a pending changeset declares a major bump");
    const [name] = readdirSync(join(dir, ".changeset")).filter((f) => f.startsWith("spec-"));
    expect(r.stdout).toContain(`Changeset: ${join(dir, ".changeset", name!)} (written)`);
    expect(run("--write-changeset").stdout).toContain("(already there)");

    const version = spawnSync(join(repo, "node_modules/.bin/changeset"), ["version"], { cwd: dir, encoding: "utf8" });
    expect(version.status, version.stderr).toBe(0);
    for (const p of ["types", "client", "zod", "mocks"]) {
      expect(JSON.parse(readFileSync(join(dir, `packages/${p}/package.json`), "utf8")).version).toBe("1.0.0");
      const changelog = readFileSync(join(dir, `packages/${p}/CHANGELOG.md`), "utf8");
      expect(changelog).toContain("## 1.0.0\n\n### Major Changes");
      // Spec text in a changelog is escaped markdown: `\[` renders as `[` (and can open no link).
      expect(changelog).toContain('`GET /users (listUsers)`: response 200 application/json: body\\[].email: property "email" removed');
    }
    expect(existsSync(join(dir, ".changeset", name!))).toBe(false);
  });

  // From here on: HEAD drops User.email (breaking), the release tag v1.0.0 has it, no changeset is pending.

  it("--base-spec compares two files: a pending major changeset of the project does not allow their break", () => {
    mkdirSync(join(dir, "old"));
    execFileSync("tar", ["-x", "-C", join(dir, "old")], { input: execFileSync("git", ["archive", "v1.0.0", "spec"], { cwd: dir }) });
    write(".changeset/big-release.md", '---\n"@specforge/client": major\n---\n\nSomething else.\n');
    try {
      expect(run().code).toBe(0); // the project's own gate reads it
      const r = run("--base-spec", "old/spec/openapi.yaml");
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("FAIL: 1 breaking change, but info.version 1.0.0 → 1.0.0 is not bumped: set info.version to 2.0.0 or accept reviewed changes in the ignore file");
      expect(run("--base-spec", "old/spec/openapi.yaml", "--changeset-dir", ".changeset").code).toBe(0);
    } finally {
      rmSync(join(dir, ".changeset/big-release.md"));
    }
  });

  it("--format markdown, junit and github keep the exit code; github annotates the spec file and fills the step summary", () => {
    const md = run("--format", "markdown");
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/^### spec:diff: FAIL\n/);
    expect(md.stdout).toContain('| `GET /users (listUsers)` | response 200 application/json: body\\[].email: property "email" removed | `response-property-removed` | `#/components/schemas/User/properties/email` |');
    const junit = run("--format", "junit");
    expect(junit.code).toBe(1);
    expect(junit.stdout).toContain('<testsuites name="spec:diff" tests="1" failures="1" errors="0" skipped="0">');
    expect(junit.stdout).toContain('<failure type="breaking" message="response 200 application/json: body[].email: property &quot;email&quot; removed">');
    const summary = join(dir, "summary.md");
    const gh = runEnv({ GITHUB_STEP_SUMMARY: summary }, "--format", "github");
    expect(gh.code).toBe(1);
    expect(gh.stdout.split("\n")).toEqual([
      '::error file=spec/openapi.yaml,title=breaking%3A GET /users (listUsers)::response 200 application/json: body[].email: property "email" removed (response-property-removed at #/components/schemas/User/properties/email)',
      expect.stringMatching(/^::error title=spec%3Adiff FAIL::1 breaking change, but /),
      "",
    ]);
    expect(readFileSync(summary, "utf8")).toMatch(/^### spec:diff: FAIL\n/);
    rmSync(summary);
  });

  it("--fail-on warning, --config severities, --ignore-file and --changelog", () => {
    write("spec-diff.json", JSON.stringify({ severity: { "response-property-removed": "warning" } }));
    const lowered = run("--config", "spec-diff.json");
    expect(lowered.code).toBe(0);
    expect(lowered.stdout).toContain("Warnings (1)");
    expect(lowered.stdout).toContain("OK: no breaking changes (1 warning)");
    // failOn from the file, the flag wins over it.
    write("spec-diff.json", JSON.stringify({ severity: { "response-property-removed": "warning" }, failOn: "breaking" }));
    expect(run("--config", "spec-diff.json", "--fail-on", "warning").code).toBe(1);

    write("accepted.yaml", "- operation: GET /users\n  rule: response-property-removed\n  reason: the email moved to /users/{id}/contact\n");
    const accepted = run("--ignore-file", "accepted.yaml");
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain("Accepted by the ignore file (1)");
    expect(accepted.stdout).toContain("[accepted, entry 1: the email moved to /users/{id}/contact]");
    expect(accepted.stdout).toContain("OK: no breaking changes; 1 accepted by the ignore file");

    // A documentation change: left out of the gate's view (counted), listed by --changelog.
    edit("spec/paths/users.yaml", "description: The users.", "description: All users.");
    expect(run("--changelog").stdout).toMatch(/Documentation and other changes \(1\)\n.*\n.*documentation-changed/);
    edit("spec/paths/users.yaml", "description: All users.", "description: The users.");
  });

  it("a bad option, configuration or ignore file exits 2 and names the problem", () => {
    expect(run("--format", "html")).toMatchObject({ code: 2, stderr: expect.stringContaining("--format must be one of text, json, markdown, junit, github") });
    write("bad.json", JSON.stringify({ severity: { "response-property-gone": "info" } }));
    expect(run("--config", "bad.json")).toMatchObject({ code: 2, stderr: expect.stringContaining('bad.json: severity: "response-property-gone" names no rule') });
    write("bad.yaml", "- operation: getUser\n  rule: '*'\n");
    expect(run("--ignore-file", "bad.yaml")).toMatchObject({ code: 2, stderr: expect.stringContaining("bad.yaml: entry 1: needs a reason") });
  });
});
