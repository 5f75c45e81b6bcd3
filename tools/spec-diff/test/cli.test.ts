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
const spawnCli = (cwd: string, env: Record<string, string>, args: string[]) => {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete clean.GITHUB_STEP_SUMMARY;
  const r = spawnSync(tsx, [cli, ...args], { cwd, encoding: "utf8", env: { ...clean, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const runEnv = (env: Record<string, string>, ...args: string[]) => spawnCli(dir, env, args);
const run = (...args: string[]) => runEnv({}, ...args);
/** Runs it in a folder of the repository, as `cd <sub> && pnpm spec:diff …`. */
const runIn = (sub: string, ...args: string[]) => spawnCli(join(dir, sub), {}, args);
const edit = (rel: string, from: string | RegExp, to: string) => write(rel, readFileSync(join(dir, rel), "utf8").replace(from, to));
/** A new git repository in a temporary folder (`dir`), holding the split spec, not committed yet. */
const newRepo = (prefix: string) => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  git("init", "-q", "-b", "main");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "Test");
  git("config", "commit.gpgsign", "false");
  for (const [rel, text] of Object.entries(files)) write(rel, text);
};

describe("pnpm spec:diff in a git repository", () => {
  beforeAll(() => {
    newRepo("spec-diff-e2e-");
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
      // Both sides named as given (the head is a file here, not "the working tree").
      const json = JSON.parse(run("--base-spec", "old/spec/openapi.yaml", "--spec", "spec/openapi.yaml", "--json").stdout);
      expect([json.base.label, json.head.label]).toEqual(["old/spec/openapi.yaml", "spec/openapi.yaml"]);
      expect(JSON.parse(run("--base-spec", "old/spec/openapi.yaml", "--json").stdout).head.label).toBe("working tree");
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
    expect(run("--config", "bad.json")).toMatchObject({ code: 2, stderr: expect.stringContaining("bad.json: severity.response-property-gone: unknown rule") });
    write("bad.yaml", "- operation: getUser\n  rule: '*'\n");
    expect(run("--ignore-file", "bad.yaml")).toMatchObject({ code: 2, stderr: expect.stringContaining("bad.yaml: entry 1: needs a reason") });
  });
});

describe("the specDiff section of specforge.config.ts", () => {
  const config = (specDiff: string) =>
    write("specforge.config.ts", `import { defineConfig } from "@specforge/codegen/config";\n\nexport default defineConfig({\n  scope: "@demo",\n  specDiff: ${specDiff},\n});\n`);

  beforeAll(() => {
    newRepo("spec-diff-config-");
    edit("spec/components/schemas/User.yaml", "  id: { type: string }\n", "  id: { type: string }\n  role: { type: string, enum: [admin, member] }\n");
    git("add", ".");
    git("commit", "-q", "-m", "v1");
    git("tag", "v1.0.0");
    // Two changes: a new enum value in a response (a warning by default) and a removed property (breaking).
    edit("spec/components/schemas/User.yaml", "enum: [admin, member]", "enum: [admin, member, guest]");
    edit("spec/components/schemas/User.yaml", /required: \[id, email\]\n([\s\S]*)  email: .*\n/, "required: [id]\n$1");
    write("review/accepted.yaml", "- operation: listUsers\n  rule: response-property-removed\n  reason: email moved to /users/{id}/contact\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("raises a rule's severity and finds its ignore file relative to the config file, from the project root and from a subfolder", () => {
    config(`{ severity: { "response-enum-widened": "breaking" }, ignoreFile: "review/accepted.yaml" }`);
    const fromRoot = run();
    expect(fromRoot.stderr).toBe("");
    expect(fromRoot.code).toBe(1);
    expect(fromRoot.stdout).toMatch(/Breaking changes \(1\)\n.*\n\s+GET \/users \(listUsers\)\s+response-enum-widened\s/);
    expect(fromRoot.stdout).toContain("Accepted by the ignore file (1)");
    expect(fromRoot.stdout).toContain("[accepted, entry 1: email moved to /users/{id}/contact]");
    expect(fromRoot.stdout).toMatch(/^FAIL: 1 breaking change, but .*; 1 accepted by the ignore file$/m);
    for (const sub of ["spec/paths", "review"]) {
      const r = runIn(sub);
      expect(r.stderr, sub).toBe("");
      expect(r.code, sub).toBe(1);
      expect(r.stdout, sub).toBe(fromRoot.stdout);
    }
    // The JSON report names the ignore file it used: the config's, wherever the command ran.
    expect(JSON.parse(runIn("spec/paths", "--format", "json").stdout).ignore.file).toBe(join(dir, "review/accepted.yaml"));
  });

  it("--ignore-file on the command line is relative to the current folder and wins over the config's", () => {
    config(`{ ignoreFile: "review/accepted.yaml" }`);
    write("spec/paths/here.yaml", "- operation: GET /users\n  rule: '*'\n  reason: all reviewed\n");
    const r = runIn("spec/paths", "--ignore-file", "here.yaml", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, counts: { breaking: 0, warning: 0, accepted: 2 }, ignore: { file: join(dir, "spec/paths/here.yaml") } });
    const missing = runIn("spec/paths", "--ignore-file", "review/accepted.yaml");
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining(`${join(dir, "spec/paths/review/accepted.yaml")}: no such file`) });
    rmSync(join(dir, "spec/paths/here.yaml"));
  });

  it("a typo'd rule id exits 2 naming the config file and the key", () => {
    config(`{ severity: { "response-enum-widend": "breaking" } }`);
    const problem = 'specDiff.severity.response-enum-widend: unknown rule (did you mean "response-enum-widened"?)';
    const fromRoot = run();
    expect(fromRoot.code).toBe(2);
    expect(fromRoot.stderr).toContain(`spec:diff: error: specforge.config.ts: ${problem}; every rule id is listed in tools/spec-diff/README.md#rules`);
    const fromSub = runIn("spec/paths");
    expect(fromSub.code).toBe(2);
    expect(fromSub.stderr).toContain(`spec:diff: error: ../../specforge.config.ts: ${problem}`);
    expect(fromSub.stderr).not.toContain("spec-diff configuration");
  });

  it("other bad values name the key too", () => {
    config(`{ failOn: "info" }`);
    expect(run()).toMatchObject({ code: 2, stderr: expect.stringContaining('specforge.config.ts: specDiff.failOn: must be "breaking" or "warning", not "info"') });
    config(`{ ignoreFile: 42 }`);
    expect(run()).toMatchObject({ code: 2, stderr: expect.stringContaining("specforge.config.ts: specDiff.ignoreFile: must be a path") });
    config(`{ ignoreFile: "review/none.yaml" }`);
    expect(runIn("spec")).toMatchObject({ code: 2, stderr: expect.stringContaining(`${join(dir, "review/none.yaml")}: no such file`) });
  });
});
