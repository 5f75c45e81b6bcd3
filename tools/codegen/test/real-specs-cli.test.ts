/**
 * The CLI contract on every real spec, our own contract and a spec of hostile names: generation
 * with default options succeeds for all targets, a second run is byte-identical, and the whole
 * module set of every spec (types, client, zod, mocks, MSW handlers) type-checks in one
 * `tsc --strict` program with the strictest common flags, resolving openapi-fetch, zod, msw and
 * @specforge/runtime as a consumer would. One generation and one tsc program serve all three
 * checks (they used to be three suites that generated and type-checked the same code).
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "../src/generate.js";
import { HOSTILE } from "./zod/hostile.js";
import { realSpecs } from "./support/real-specs.js";
import { makeConsumer, typeCheck } from "./support/consumer.js";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// Our contract from its multi-file source (no bundle needed).
const workspaceSpec = here("../../../spec/openapi.yaml");
const real = realSpecs("real-specs-cli.test");

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
      const declarations = makeConsumer(root);
      const hostile = join(root, "hostile.json");
      writeFileSync(hostile, JSON.stringify(HOSTILE));
      // Specs with nothing to validate (ReadMe's oas-examples has a dozen: security or server
      // examples whose operations have no parameters, bodies or schemas): zod.gen.ts then used to
      // declare an unused import and helpers, which noUnusedLocals rejects.
      const bare = [
        ["bare-operations.json", { openapi: "3.0.3", info: { title: "Bare", version: "1" }, paths: { "/ping": { get: { responses: { "204": { description: "pong" } } }, post: { security: [], responses: { default: { description: "any" } } } } } }],
        ["bare-nothing.json", { openapi: "3.1.0", info: { title: "Nothing", version: "1" }, paths: {} }],
      ].map(([name, doc]) => (writeFileSync(join(root, name as string), JSON.stringify(doc)), join(root, name as string)));
      const specs = [...real, workspaceSpec, hostile, ...bare];
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
      const errors = await typeCheck(root, ["out/**/*.ts"]);
      expect(errors.split("\n").slice(0, 20).join("\n")).toBe("");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 900_000);
});
