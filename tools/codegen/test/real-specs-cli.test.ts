/**
 * The CLI contract on every real spec, our own contract and a spec of hostile names: generation
 * with default options succeeds for all targets, a second run is byte-identical, and the whole
 * module set of every spec (types, client, zod, mocks, MSW handlers) type-checks in one
 * `tsc --strict` program with the strictest common flags, resolving openapi-fetch, zod, msw and
 * @specforge/runtime as a consumer would. One generation and one tsc program serve all three
 * checks (they used to be three suites that generated and type-checked the same code).
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { generate } from "../src/generate.js";
import { HOSTILE } from "./zod/hostile.js";
import { realSpecs } from "./support/real-specs.js";

const run = promisify(execFile);
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const tsc = here("../node_modules/typescript/bin/tsc");
// Our contract from its multi-file source (no bundle needed).
const workspaceSpec = here("../../../spec/openapi.yaml");
const real = realSpecs("real-specs-cli.test");

/** What the generated modules import, linked from the packages that depend on them. */
const MODULES: Record<string, string> = {
  zod: here("../node_modules/zod"),
  "openapi-fetch": here("../node_modules/openapi-fetch"),
  msw: here("../../../packages/mocks/node_modules/msw"),
};
const runtime = here("../../../packages/runtime/");

/**
 * @specforge/runtime as a consumer installs it: its package.json and the declarations its build
 * emits (into the scratch folder, so no build of the repo is needed or touched).
 */
async function installRuntime(modules: string): Promise<void> {
  const dir = join(modules, "@specforge/runtime");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), readFileSync(join(runtime, "package.json")));
  await run(process.execPath, [tsc, "-p", join(runtime, "tsconfig.build.json"), "--outDir", join(dir, "dist"), "--emitDeclarationOnly", "--declarationMap", "false"], { encoding: "utf8" });
}

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
  lib: ["ES2023", "DOM", "DOM.Iterable"],
  types: [],
  noEmit: true,
  skipLibCheck: true,
};

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

describe("every spec through the CLI contract", () => {
  it("generates all targets with default options, byte-identical on re-run, and every module type-checks", async () => {
    const root = mkdtempSync(join(tmpdir(), "codegen-cli-real-"));
    try {
      writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
      for (const [name, target] of Object.entries(MODULES)) {
        mkdirSync(dirname(join(root, "node_modules", name)), { recursive: true });
        symlinkSync(target, join(root, "node_modules", name), "dir");
      }
      const declarations = installRuntime(join(root, "node_modules"));
      const hostile = join(root, "hostile.json");
      writeFileSync(hostile, JSON.stringify(HOSTILE));
      const specs = [...real, workspaceSpec, hostile];
      for (const spec of specs) {
        const out = join(root, "out", spec.split("/").pop()!.replace(/\W/g, "_"));
        // In this thread: worker threads give the same files (workers.test.ts) and would load
        // TypeScript anew for every spec.
        const result = await generate({ spec, out, workers: false });
        expect(result.files.map((x) => x.path)).toEqual(expect.arrayContaining(["index.ts", "types.gen.ts", "client.gen.ts", "zod.gen.ts", "mocks.gen.ts", "msw.gen.ts"]));
        const first = tree(out);
        await generate({ spec, out, workers: false });
        expect(tree(out), `${spec}: output differs on re-run`).toEqual(first);
      }
      await declarations;
      writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: STRICT, include: ["out/**/*.ts"] }));
      const errors = await run(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { encoding: "utf8", maxBuffer: 64 << 20 }).then(
        () => "",
        (e: { stdout: string }) => e.stdout,
      );
      expect(errors.split("\n").slice(0, 20).join("\n")).toBe("");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 900_000);
});
