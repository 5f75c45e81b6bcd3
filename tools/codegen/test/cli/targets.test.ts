/**
 * --targets that would give no output, or output that does not compile on its own: refused
 * before anything is touched (the previous output stays).
 */
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { codegen } from "../support/run-cli.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const fixture = new URL("../fixtures/multi-file/openapi.yaml", import.meta.url).pathname;

describe("--targets", () => {
  it("refuses an empty list and keeps the previous output", async () => {
    const out = join(scratch("cg-targets-"), "out");
    expect((await codegen([fixture, "-o", out, "--targets", "types", "--quiet"])).code).toBe(0);
    for (const list of ["", " , "]) {
      const res = await codegen([fixture, "-o", out, "--targets", list]);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/--targets names no target \(known: types, zod, client, mocks\)/);
      expect(readdirSync(out).sort()).toEqual([".specforge-codegen", "index.ts", "types.gen.ts"]);
    }
  });

  it("refuses client or mocks without the types they import, unless --types-import says where they are", async () => {
    const root = scratch("cg-targets-");
    for (const t of ["client", "mocks", "zod,mocks"]) {
      const res = await codegen([fixture, "-o", join(root, "out"), "--targets", t]);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/the (client|mocks) target imports its types from \.\/types\.gen\.js: add `types` to --targets, or pass --types-import <module>/);
    }
    expect(readdirSync(root)).toEqual([]);
    const ok = await codegen([fixture, "-o", join(root, "out"), "--targets", "client", "--types-import", "@acme/types", "--quiet"]);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it("refuses an empty --types-import or --zod-import (an unset shell variable) instead of taking the default", async () => {
    const root = scratch("cg-targets-");
    for (const flag of ["--types-import", "--zod-import"]) {
      const res = await codegen([fixture, "-o", join(root, "out"), "--targets", "client", flag, ""]);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain(`codegen: ${flag} names no module (an empty value)`);
    }
    expect(readdirSync(root)).toEqual([]);
  });
});
