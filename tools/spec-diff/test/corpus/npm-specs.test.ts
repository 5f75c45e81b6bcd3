import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cachedPath, fetchAll, type NpmSpec } from "./npm-specs.js";

const spec: NpmSpec = { pkg: "@example/api", version: "1.0.0", file: "spec/openapi.json" };

describe("the npm spec cache", () => {
  it("uses cached files without asking the registry", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-cache-"));
    try {
      mkdirSync(join(cachedPath(spec, dir), ".."), { recursive: true });
      writeFileSync(cachedPath(spec, dir), "{}");
      expect(await fetchAll([spec], dir)).toEqual({ files: new Map([["@example/api@1.0.0", join(dir, "@example+api@1.0.0", "openapi.json")]]) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says why it skips when a spec is missing and the registry cannot be reached", async () => {
    const dir = mkdtempSync(join(tmpdir(), "spec-diff-cache-"));
    const saved = { registry: process.env.npm_config_registry, retries: process.env.npm_config_fetch_retries };
    // A registry nobody listens at: npm fails at once (no retries).
    Object.assign(process.env, { npm_config_registry: "http://127.0.0.1:1/", npm_config_fetch_retries: "0" });
    try {
      expect(await fetchAll([spec], dir)).toEqual({ skip: `1 of 1 specs not cached in ${dir} and the npm registry cannot be reached` });
    } finally {
      for (const [k, v] of [["npm_config_registry", saved.registry], ["npm_config_fetch_retries", saved.retries]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
