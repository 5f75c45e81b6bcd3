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
const run = (...args: string[]) => {
  const r = spawnSync(tsx, [cli, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
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
});
