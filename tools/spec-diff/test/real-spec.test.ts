import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runSpecDiff } from "../src/run.js";
import { loadVersion } from "../src/load.js";
import { diffSpecs } from "../src/diff.js";
import { realSpecs } from "../../codegen/test/support/real-specs.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const spec = join(repo, "spec/openapi.yaml");
const bundled = join(repo, "spec/dist/openapi.json");

if (!existsSync(bundled)) console.warn("spec-diff real-spec.test: the bundle case skipped — spec/dist/openapi.json is not built (`npx -y pnpm@12.4.2 generate` builds it; turbo does before this suite)");

describe("our contract", () => {
  it("compared with itself has no changes", async () => {
    const r = await runSpecDiff({ cwd: repo, baseSpec: spec, spec });
    expect(r.changes).toEqual([]);
    expect(r).toMatchObject({ ok: true, proposedBump: "none", breaking: 0 });
  });

  it.skipIf(!existsSync(bundled))("bundled by redocly (spec/dist) reads the same as the split source", async () => {
    const r = await runSpecDiff({ cwd: repo, baseSpec: bundled, spec });
    expect(r.changes).toEqual([]);
  });

  it("a new UserRole value is a warning for the responses that return users, info for the requests that send one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-real-"));
    try {
      cpSync(join(repo, "spec"), dir, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) });
      const role = join(dir, "components/schemas/UserRole.yaml");
      writeFileSync(role, readFileSync(role, "utf8").replace("  - viewer\n", "  - viewer\n  - auditor\n"));
      const changes = diffSpecs(await loadVersion(spec), await loadVersion(join(dir, "openapi.yaml")));
      expect(changes.filter((c) => c.breaking)).toEqual([]);
      const warnings = changes.filter((c) => c.severity === "warning");
      expect(new Set(warnings.map((c) => c.rule))).toEqual(new Set(["response-enum-widened"]));
      expect(warnings.map((c) => c.operation)).toEqual(expect.arrayContaining(["GET /users/{id} (getUser)", "GET /users (listUsers)", "webhook user.created (userCreatedWebhook)"]));
      expect(warnings.every((c) => c.pointer === "#/components/schemas/UserRole/enum")).toBe(true);
      const requests = changes.filter((c) => c.rule === "request-enum-widened").map((c) => c.operation);
      expect(requests).toEqual(expect.arrayContaining(["POST /users (createUser)", "GET /users (listUsers)"]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Third-party specs beside the repo (skipped when absent); the multi-megabyte ones cost seconds to parse.
const real = realSpecs("spec-diff real-spec.test").filter((f) => statSync(f).size < 1_000_000);

describe.skipIf(real.length === 0)("real specs compared with themselves", () => {
  it.each(real)("%s", async (file) => {
    const v = await loadVersion(file);
    expect(diffSpecs(v, await loadVersion(file))).toEqual([]);
  });
});
