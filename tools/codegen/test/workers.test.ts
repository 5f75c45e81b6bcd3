import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { generate } from "../src/generate.js";
import { SpecError } from "../src/load/spec-error.js";
import { realSpec } from "./support/real-specs.js";
import { scratchFolders } from "./scratch.js";

const run = promisify(execFile);
const scratch = scratchFolders();
const fixture = new URL("./fixtures/multi-file/openapi.yaml", import.meta.url).pathname;
const bin = new URL("../bin/codegen.mjs", import.meta.url).pathname;
const cliTs = new URL("../src/cli.ts", import.meta.url).pathname;
const tsx = new URL("../node_modules/.bin/tsx", import.meta.url).pathname;
// A mid-size real spec beside the repo, when it is there (examples, warnings, many schemas).
const kratos = realSpec("workers.test", "ory-kratos.json");

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

describe("worker threads", () => {
  const specs = [fixture, ...(kratos ? [kratos] : [])];
  for (const spec of specs) {
    for (const targets of [["types", "zod", "client", "mocks"], ["types", "mocks"]] as const) {
      it(`give the same files, warnings and summary as one thread: ${spec.split("/").pop()} (${targets.join(",")})`, async () => {
        const root = scratch("cg-workers-");
        const common = { spec, targets: [...targets], invalidExamples: "warn" as const };
        const inWorkers = await generate({ ...common, out: join(root, "w"), workers: true });
        const inOne = await generate({ ...common, out: join(root, "one"), workers: false });
        expect(tree(join(root, "w"))).toEqual(tree(join(root, "one")));
        expect(inWorkers.files).toEqual(inOne.files);
        expect(inWorkers.warnings).toEqual(inOne.warnings);
        expect(inWorkers.summary).toEqual(inOne.summary);
        expect(readdirSync(root).sort()).toEqual(["one", "w"]); // no staging folder left behind
      });
    }
  }

  it("report a spec error found in a worker with file and pointer, leaving the output untouched", async () => {
    const root = scratch("cg-workers-");
    const spec = join(root, "broken.yaml");
    writeFileSync(spec, "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/Missing' }\n");
    const out = join(root, "out");
    mkdirSync(out);
    writeFileSync(join(out, "keep.txt"), "previous output");
    const err = await generate({ spec, out, workers: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).file).toBe(spec);
    expect((err as SpecError).pointer).toContain("/paths/~1a/get/responses/200");
    expect(tree(out)).toEqual({ "keep.txt": "previous output" });
    expect(readdirSync(root).sort()).toEqual(["broken.yaml", "out"]);
  });
});

describe("compiled CLI (bin/codegen.mjs)", () => {
  it("builds dist/ when stale and writes what the tsx CLI writes", async () => {
    const root = scratch("cg-bin-");
    const args = ["--spec", fixture, "--targets", "types,zod,client,mocks", "--quiet"];
    await run(process.execPath, [bin, ...args, "--out", join(root, "bin")]);
    expect(existsSync(new URL("../dist/cli.js", import.meta.url))).toBe(true);
    await run(tsx, [cliTs, ...args, "--out", join(root, "tsx")]);
    expect(tree(join(root, "bin"))).toEqual(tree(join(root, "tsx")));
  });
});
