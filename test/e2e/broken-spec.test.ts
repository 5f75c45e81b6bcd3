import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exec, repoRoot } from "../support/exec.js";

// The copies are removed when the file ends (they used to pile up in /tmp).
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const redocly = join(repoRoot, "spec/node_modules/.bin/redocly");

/** A copy of spec/ (sources only) to break without touching the real one. */
function copySpec(): string {
  const dir = mkdtempSync(join(tmpdir(), "specforge-broken-"));
  copies.push(dir);
  cpSync(join(repoRoot, "spec"), dir, { recursive: true, filter: (src) => !/node_modules|\/dist(\/|$)/.test(src) });
  return dir;
}

// The default "codeframe" format prints `file:line:col` for every problem.
const lint = (dir: string) => exec(redocly, ["lint", "openapi.yaml", "--config", "redocly.yaml"], { cwd: dir });

describe("a broken spec fails lint with redocly's file:line message", () => {
  it("the committed spec lints clean (zero errors, zero warnings)", async () => {
    const res = await lint(copySpec());
    const out = res.stdout + res.stderr;
    expect(res.code, out).toBe(0);
    expect(out).toMatch(/Your API description is valid/);
    // Redocly's Node 20 deprecation banner says "warning" too: look for lint warnings only.
    expect(out).not.toMatch(/\d+ warnings?\b|\bwarning\s+[a-z-]+/);
  });

  it("a bad $ref", async () => {
    const dir = copySpec();
    const file = join(dir, "openapi.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\$ref: (['"]?)\.\/paths\//, "$ref: $1./paths/missing-"));
    const res = await lint(dir);
    expect(res.code).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(/openapi\.yaml:\d+:\d+/);
    expect(res.stdout + res.stderr).toMatch(/resolve|Can't|not found/i);
  });

  it("invalid YAML", async () => {
    const dir = copySpec();
    const schemas = join(dir, "components/schemas");
    const first = readdirSync(schemas).find((f) => f.endsWith(".yaml"))!;
    writeFileSync(join(schemas, first), "type: object\nproperties: {a: [unclosed\n");
    const res = await lint(dir);
    expect(res.code).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(new RegExp(`${first.replace(".", "\\.")}:\\d+:\\d+`));
  });

  it("a schema error", async () => {
    const dir = copySpec();
    const schemas = join(dir, "components/schemas");
    const first = readdirSync(schemas).find((f) => f.endsWith(".yaml"))!;
    writeFileSync(join(schemas, first), readFileSync(join(schemas, first), "utf8").replace(/^type: object$/m, "type: objekt"));
    const res = await lint(dir);
    expect(res.code).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(new RegExp(`${first.replace(".", "\\.")}:\\d+:\\d+`));
  });
});
