/**
 * A scaffolded BFF shared specforge's Redis key prefix and bin name with every other project (two
 * BFFs on one Redis mixed their rate limits), and the mocks README showed specforge's example
 * operations with no word that they are examples. Want both the project's own.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { scaffold } from "../src/scaffold.mjs";
import { tinySpec, writeSpec } from "./support/tiny-spec.js";

describe("what is the new project's own", () => {
  it("names the BFF's Redis prefix and bin after the scope, and marks the mocks README's examples", async () => {
    const { dir, file } = writeSpec(tinySpec());
    try {
      const out = join(dir, "out");
      await scaffold({ spec: file, scope: "@acme", out, install: false });
      const bff = join(out, "packages/bff");
      expect(JSON.parse(readFileSync(join(bff, "package.json"), "utf8")).bin).toEqual({ "acme-bff": "./dist/cli.js" });
      const texts = (readdirSync(bff, { recursive: true }) as string[]).filter((f) => /\.(ts|md|json)$/.test(f)).map((f) => readFileSync(join(bff, f), "utf8")).join("\n");
      expect(texts).not.toMatch(/specforge:bff:|specforge-bff/);
      expect(readFileSync(join(bff, "src/config.ts"), "utf8")).toContain('redisKeyPrefix: "acme:bff:"');
      expect(readFileSync(join(out, "packages/mocks/README.md"), "utf8")).toMatch(/^# .*\n\n> The examples below use specforge's example API/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
