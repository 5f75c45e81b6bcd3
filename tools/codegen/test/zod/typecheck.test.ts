import { describe, it, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { generate } from "../../src/generate.js";
import { CODEGEN_ROOT } from "./compile.js";
import { HOSTILE } from "./hostile.js";

/**
 * The generated zod module of every real spec (and of the workspace spec) type-checks with
 * `tsc --strict --noEmit` (skipLibCheck), in one tsc run over all outputs, and generation is
 * deterministic (byte-identical on re-run).
 */
const REPO = resolve(CODEGEN_ROOT, "../..");
const REAL = resolve(REPO, "../shared/specs/real");
const WORKSPACE = resolve(REPO, "spec/dist/openapi.json");
const OUT = join(CODEGEN_ROOT, ".tmp", "zod-tsc");
const TSC = join(REPO, "node_modules", ".bin", "tsc");

const specs: { name: string; path: string }[] = [];
if (existsSync(REAL)) for (const f of readdirSync(REAL).sort()) if (/\.(ya?ml|json)$/.test(f)) specs.push({ name: f.replace(/\.(ya?ml|json)$/, ""), path: join(REAL, f) });
if (existsSync(WORKSPACE)) specs.push({ name: "workspace", path: WORKSPACE });

describe.skipIf(specs.length === 0)("generated zod modules", () => {
  it("are deterministic and type-check with tsc --strict", async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(join(OUT, "hostile-spec"), { recursive: true });
    writeFileSync(join(OUT, "hostile-spec", "hostile.json"), JSON.stringify(HOSTILE));
    specs.push({ name: "hostile", path: join(OUT, "hostile-spec", "hostile.json") });
    for (const s of specs) {
      const dir = join(OUT, s.name);
      await generate({ spec: s.path, out: dir, targets: ["zod"] });
      const first = readFileSync(join(dir, "zod.gen.ts"), "utf8");
      await generate({ spec: s.path, out: dir, targets: ["zod"] });
      expect(readFileSync(join(dir, "zod.gen.ts"), "utf8") === first, `${s.name}: output differs on re-run`).toBe(true);
    }
    writeFileSync(
      join(OUT, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", types: [], noUncheckedIndexedAccess: true },
        include: ["*/zod.gen.ts"],
      }),
    );
    let output = "";
    try {
      execFileSync(TSC, ["-p", join(OUT, "tsconfig.json")], { encoding: "utf8", stdio: "pipe", timeout: 110_000 });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      output = (e.stdout || e.stderr || e.message).split("\n").slice(0, 30).join("\n");
    }
    expect(output).toBe("");
  });
});
