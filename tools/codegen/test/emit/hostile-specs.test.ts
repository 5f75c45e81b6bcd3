/**
 * Generated code stays inert whatever the spec says. Seeded hostile specs (test/support/
 * hostile-spec.ts: every text field that can reach output holds break-out attempts, line
 * terminators, quotes, prototype names, controls, lone surrogates…) go through every target — every
 * third one written as YAML with YAML's non-finite numbers (.inf, -.inf, .nan) in it; then:
 * - no generated source holds a raw control, line separator, bidi control or replaced surrogate;
 * - all cases type-check in one `tsc --strict` program (with the strictest common flags);
 * - a child process imports every compiled module, builds the client, runs every factory and
 *   handler, and no global or built-in prototype changes; the zod schemas accept every fixture
 *   and the instances they should, and reject the others.
 * SPECFORGE_FUZZ_RUNS=<n> (default 12) and SPECFORGE_FUZZ_SEED=<first seed> (default 1) widen it,
 * e.g. `SPECFORGE_FUZZ_RUNS=300 SPECFORGE_FUZZ_SEED=1000 npx vitest run test/emit/hostile-specs.test.ts`;
 * SPECFORGE_FUZZ_KEEP=1 keeps the scratch folder (specs, output, compiled JS) and prints its path.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { generate } from "../../src/generate.js";
import { loadSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/ir/build-model.js";
import { isComponent } from "../../src/emit/mocks/collect.js";
import { stringify as stringifyYaml } from "yaml";
import { hostileSpec } from "../support/hostile-spec.js";
import { STRICT as CONSUMER_STRICT } from "../support/consumer.js";
import { TSC7 } from "../../../scripts/typescript.mjs";

const run = promisify(execFile);
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const tsc = TSC7;
const RUNS = Number(process.env.SPECFORGE_FUZZ_RUNS ?? 12);
const FIRST_SEED = Number(process.env.SPECFORGE_FUZZ_SEED ?? 1);

/** What generated modules import, linked from the packages that depend on them. */
const MODULES: Record<string, string> = {
  zod: here("../../node_modules/zod"),
  "openapi-fetch": here("../../node_modules/openapi-fetch"),
  msw: here("../../../../packages/mocks/node_modules/msw"),
};
const runtime = here("../../../../packages/runtime/");

/** @specforge/runtime as a consumer installs it: package.json, and JS with declarations from its own build config. */
async function installRuntime(modules: string): Promise<void> {
  const dir = join(modules, "@specforge/runtime");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), readFileSync(join(runtime, "package.json")));
  await run(process.execPath, [tsc, "-p", join(runtime, "tsconfig.build.json"), "--outDir", join(dir, "dist"), "--declarationMap", "false", "--sourceMap", "false"], { encoding: "utf8" });
}

// The consumer's strict flags, emitting JavaScript this time (the test imports what tsc wrote).
const STRICT = { ...CONSUMER_STRICT, noEmit: false, rootDir: "out", outDir: "js" };

/** Raw characters no generated source may hold (they are written as escapes); U+FFFD is what a lone surrogate becomes in UTF-8. */
const RAW = /[\0-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f));
}

describe(`hostile specs (${RUNS} seeded cases from seed ${FIRST_SEED})`, () => {
  it("generate inert code: escaped text, strict types, imports without side effects, schemas that still validate", async () => {
    const root = mkdtempSync(join(tmpdir(), "codegen-inert-"));
    let runtimeBuilt: Promise<void> | undefined;
    try {
      writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
      for (const [name, target] of Object.entries(MODULES)) {
        mkdirSync(dirname(join(root, "node_modules", name)), { recursive: true });
        symlinkSync(target, join(root, "node_modules", name), "dir");
      }
      runtimeBuilt = installRuntime(join(root, "node_modules"));
      writeFileSync(join(root, "preload.mjs"), ["zod", "msw", "openapi-fetch", "@specforge/runtime", "@specforge/runtime/client", "@specforge/runtime/mocks"].map((m) => `import ${JSON.stringify(m)};`).join("\n") + "\n");

      const cases: { dir: string; seed: number; expectations: unknown[]; factories: { name: string; ident: string }[] }[] = [];
      const raw: string[] = [];
      const unwarned: string[] = [];
      for (let seed = FIRST_SEED; seed < FIRST_SEED + RUNS; seed++) {
        const c = hostileSpec(seed);
        const dir = `case-${seed}`;
        const spec = join(root, "specs", `${dir}.${c.format}`);
        mkdirSync(dirname(spec), { recursive: true });
        // YAML writes Infinity and NaN as .inf, -.inf and .nan, which the loader must refuse.
        writeFileSync(spec, c.format === "yaml" ? stringifyYaml(c.document) : JSON.stringify(c.document));
        const out = join(root, "out", dir);
        // In this thread: openapi-typescript in a worker would load TypeScript anew for every case.
        const { warnings } = await generate({ spec, out, workers: false }).catch((err: Error) => {
          throw new Error(`seed ${seed}: ${err.message}`);
        });
        // The extension's numbers, at least, are refused out loud (pointers name hostile keys).
        if (c.format === "yaml" && !warnings.some((w) => w.pointer.startsWith("#/info/x-limits/") && /non-finite number/.test(w.message))) unwarned.push(`seed ${seed}`);
        for (const file of sources(out)) {
          const at = RAW.exec(readFileSync(file, "utf8"));
          if (at) raw.push(`seed ${seed}: ${file.slice(out.length + 1)} holds U+${at[0].charCodeAt(0).toString(16).padStart(4, "0")} raw`);
        }
        // Which make<Ident>() builds which component: the child checks what seeded factories return.
        const model = buildModel(await loadSpec(spec));
        const factories = model.schemas.filter((s) => isComponent(s.schema.pointer, s.name)).map((s) => ({ name: s.name, ident: s.ident }));
        cases.push({ dir, seed, expectations: c.expectations, factories });
      }
      writeFileSync(join(root, "cases.json"), JSON.stringify(cases));

      await runtimeBuilt;
      writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: STRICT, include: ["out/**/*.ts"] }));
      const errors = await run(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { encoding: "utf8", maxBuffer: 64 << 20 }).then(
        () => "",
        (e: { stdout: string }) => e.stdout,
      );

      // tsc emits the JavaScript even when it reports errors: the import check runs either way,
      // so a regression shows everything it breaks at once.
      const { stdout } = await run(process.execPath, [here("../support/import-check.mjs"), root], { encoding: "utf8", maxBuffer: 64 << 20 });
      const problems = (JSON.parse(stdout) as { dir: string; problems: string[] }[]).flatMap((r) => r.problems.map((p) => `${r.dir}: ${p}`));
      expect({ raw: raw.slice(0, 20), unwarned, tsc: errors.split("\n").slice(0, 20).join("\n"), imports: problems.slice(0, 30) }).toEqual({ raw: [], unwarned: [], tsc: "", imports: [] });
    } finally {
      await runtimeBuilt?.catch(() => {}); // still writing into the folder when a case failed early
      if (process.env.SPECFORGE_FUZZ_KEEP) console.log(`hostile specs: kept ${root}`);
      else rmSync(root, { recursive: true, force: true });
    }
  }, 600_000);
});
