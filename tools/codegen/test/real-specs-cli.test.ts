/**
 * The CLI contract on every real spec: generation with default options succeeds for all targets,
 * and the whole module set (index.ts: types, client, zod, mocks) type-checks with tsc --strict,
 * resolving openapi-fetch, zod and @specforge/runtime as a consumer would.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { generate } from "../src/generate.js";

const run = promisify(execFile);
const dir = fileURLToPath(new URL("../../../../shared/specs/real/", import.meta.url));
// Inside tools/codegen so that imports resolve through its node_modules (openapi-fetch, zod, runtime).
const root = fileURLToPath(new URL("../.tmp/cli-real/", import.meta.url));
const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
const specs = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort() : [];

describe.skipIf(specs.length === 0)("every real spec through the CLI contract", () => {
  it("generates all targets with default options and the module set type-checks", async () => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
    for (const f of specs) {
      const result = await generate({ spec: dir + f, out: join(root, f.replace(/\W/g, "_")) });
      expect(result.files.map((x) => x.path)).toEqual(expect.arrayContaining(["index.ts", "types.gen.ts", "client.gen.ts", "zod.gen.ts", "mocks.gen.ts"]));
    }
    const compilerOptions = {
      strict: true,
      module: "NodeNext",
      moduleResolution: "NodeNext",
      target: "ES2022",
      lib: ["ES2023", "DOM", "DOM.Iterable"],
      types: [],
      noEmit: true,
      skipLibCheck: true,
    };
    // msw.gen.ts needs msw, which only @specforge/mocks depends on: its own suite checks it.
    writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*/index.ts"] }));
    const out = await run(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { encoding: "utf8", maxBuffer: 64 << 20 }).then(
      () => "",
      (e: { stdout: string }) => e.stdout,
    );
    expect(out.split("\n").slice(0, 20).join("\n")).toBe("");
  }, 900_000);
});
