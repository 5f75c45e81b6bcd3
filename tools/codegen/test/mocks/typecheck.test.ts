/**
 * The generated mocks (with types.gen.ts from the types target beside them) type-check with
 * `tsc --strict` and the strictest common flags, for every real spec. msw resolves through
 * packages/mocks' node_modules (linked into the temporary folder).
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { generate } from "../../src/generate.js";

const run = promisify(execFile);
const dir = fileURLToPath(new URL("../../../../../shared/specs/real/", import.meta.url));
const mockModules = fileURLToPath(new URL("../../../../packages/mocks/node_modules/", import.meta.url));
const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
const specs = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort() : [];

const STRICT = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  module: "NodeNext",
  moduleResolution: "NodeNext",
  target: "ES2022",
  lib: ["ES2023", "DOM"],
  types: [],
  noEmit: true,
  skipLibCheck: true,
};

describe.skipIf(specs.length === 0)("generated mocks type-check", () => {
  it("for every real spec, in one tsc --strict program", async () => {
    const root = mkdtempSync(join(tmpdir(), "mocks-tsc-"));
    writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
    const withMsw = existsSync(join(mockModules, "msw"));
    if (withMsw) symlinkSync(mockModules, join(root, "node_modules"), "dir");
    // Any invalid media-type example in the corpus would otherwise stop generation.
    process.env.SPECFORGE_INVALID_EXAMPLES = "warn";
    try {
      for (const f of specs) await generate({ spec: dir + f, out: join(root, f.replace(/\W/g, "_")), targets: ["types", "mocks"] });
    } finally {
      delete process.env.SPECFORGE_INVALID_EXAMPLES;
    }
    writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: STRICT, include: ["*/**/*.ts"], exclude: withMsw ? [] : ["*/msw.gen.ts"] }));
    const result = await run(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { encoding: "utf8", maxBuffer: 64 << 20 }).then(
      () => "",
      (e: { stdout: string }) => e.stdout,
    );
    expect(result.split("\n").slice(0, 20).join("\n")).toBe("");
  }, 600_000);
});
