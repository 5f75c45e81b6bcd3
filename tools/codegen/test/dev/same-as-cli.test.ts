import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadDevPaths, type DevPaths } from "../../src/dev/paths.js";
import { createSpecEngine, type LintProblem, type SpecEngine } from "../../src/dev/spec-engine.js";
import { findPackageTargets } from "../../src/dev/targets.js";
import { regenerate } from "../../src/dev/regenerate.js";
import { startTypesWorker } from "../../src/dev/types-worker.js";
import { repoRoot, snapshot, tempRoot } from "./support.js";

// The dev loop's in-process shortcuts must give exactly what the scripts give: `pnpm --filter
// @specforge/spec bundle` (the Redocly CLI), each package's `generate` script (the codegen CLI) and
// `redocly lint`. The scripts run here as pnpm runs them: their text, in their folder, with the
// workspace's bin folders on PATH.
const root = tempRoot();
// The packages' generate scripts call ../../tools/codegen/bin/codegen.mjs.
symlinkSync(join(repoRoot, "tools"), join(root, "tools"));
let paths: DevPaths;

function runScript(dir: string, name: string): Promise<{ code: number; output: string }> {
  const script = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts[name]!;
  const bin = [join(repoRoot, "spec/node_modules/.bin"), join(repoRoot, "node_modules/.bin"), join(dir, "node_modules/.bin")].join(":");
  return new Promise((resolve) => {
    execFile("sh", ["-c", script], { cwd: dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" }, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? 1 : 0, output: stdout + stderr }),
    );
  });
}

const key = (p: LintProblem) => `${p.file}:${p.line}:${p.col} ${p.severity} ${p.ruleId} ${p.message}`;
const keys = (list: LintProblem[]) => [...new Set(list.map(key))].sort();

let inProcess: SpecEngine;
let viaCli: SpecEngine;

describe("the dev loop gives what the scripts give", () => {
  beforeAll(async () => {
    paths = await loadDevPaths(root);
    const bundled = await runScript(paths.specDir, "bundle");
    expect(bundled.code, bundled.output).toBe(0);
    inProcess = await createSpecEngine(paths, { repoRoot });
    viaCli = await createSpecEngine(paths, { repoRoot, cli: true });
  });
  afterAll(async () => {
    await inProcess?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("bundle: byte-identical to `pnpm --filter @specforge/spec bundle`, in-process and through the CLI", async () => {
    expect(inProcess.kind).toMatch(/^in-process @redocly\/cli /);
    const want = { yaml: readFileSync(paths.distYaml, "utf8"), json: readFileSync(paths.distJson, "utf8") };
    for (const engine of [inProcess, viaCli]) {
      const b = await engine.bundle();
      expect(b.problems).toEqual([]);
      expect(b.json === want.json, `${engine.kind}: openapi.json`).toBe(true);
      expect(b.yaml === want.yaml, `${engine.kind}: openapi.yaml`).toBe(true);
    }
  });

  it("regeneration: every package's files byte-identical to its `generate` script", async () => {
    const { packages, skipped } = findPackageTargets(paths.packagesDir, paths.config);
    expect(skipped).toEqual([]);
    expect(packages.map((p) => p.name)).toEqual(["@specforge/client", "@specforge/mocks", "@specforge/types", "@specforge/zod"]);
    const types = startTypesWorker();
    try {
      const { outputs } = await regenerate(paths.distJson, readFileSync(paths.distJson, "utf8"), packages, types);
      // One at a time: the codegen launcher may first rebuild the compiled CLI.
      for (const { pkg, files } of outputs) {
        rmSync(pkg.out, { recursive: true, force: true });
        const run = await runScript(pkg.dir, "generate");
        expect(run.code, run.output).toBe(0);
        for (const f of files) expect(readFileSync(join(pkg.out, f.path), "utf8") === f.content, `${pkg.name}: ${f.path}`).toBe(true);
        expect(Object.keys(snapshot(pkg.out)).sort(), pkg.name).toEqual(files.map((f) => f.path).sort());
      }
    } finally {
      await types.close();
    }
  });

  it("a number JSON cannot carry: refused at its file and line by both engines and by `bundle`, which leaves the last bundle", async () => {
    const user = join(paths.specDir, "components/schemas/User.yaml");
    const text = readFileSync(user, "utf8");
    const before = readFileSync(paths.distJson, "utf8");
    const at = text.split("\n").indexOf("properties:") + 2;
    writeFileSync(user, text.replace(/^properties:\n/m, "properties:\n  level: {type: number, enum: [1, .inf]}\n"));
    try {
      const want = { file: "spec/components/schemas/User.yaml", line: at, col: 35, severity: "error", ruleId: "specforge/non-finite-number", pointer: "/properties/level/enum/1" };
      for (const engine of [inProcess, viaCli]) {
        const b = await engine.bundle();
        expect(b.json, engine.kind).toBeUndefined();
        expect(b.problems, engine.kind).toEqual([{ ...want, message: expect.stringMatching(/^"\.inf" is a non-finite number, which JSON cannot carry \(the JSON bundle would hold null\)/) }]);
      }
      const run = await runScript(paths.specDir, "bundle");
      expect(run.code).toBe(1);
      expect(run.output).toContain(`specforge-spec: error: components/schemas/User.yaml:${at}:35 #/properties/level/enum/1: ".inf" is a non-finite number`);
      expect(readFileSync(paths.distJson, "utf8") === before, "dist/openapi.json untouched").toBe(true);
    } finally {
      writeFileSync(user, text);
    }
  });

  it("lint: the same problems, file:line:col and rule as `redocly lint`, edit after edit", async () => {
    const user = join(paths.specDir, "components/schemas/User.yaml");
    const address = join(paths.specDir, "components/schemas/Address.yaml");
    const userText = readFileSync(user, "utf8");
    const addressText = readFileSync(address, "utf8");
    expect(await inProcess.lint()).toEqual([]);

    const steps: [string, () => void][] = [
      ["a schema error", () => writeFileSync(user, userText.replace(/^type: object$/m, "type: objekt"))],
      ["plus broken YAML", () => writeFileSync(address, "type: object\nproperties: {a: [unclosed\n")],
      ["the schema fixed", () => writeFileSync(user, userText)],
      ["all fixed", () => writeFileSync(address, addressText)],
    ];
    for (const [step, change] of steps) {
      change();
      const [mine, theirs] = await Promise.all([inProcess.lint(), viaCli.lint()]);
      expect(keys(mine), step).toEqual(keys(theirs));
      expect(mine.length > 0, step).toBe(step !== "all fixed");
    }
  });
});
