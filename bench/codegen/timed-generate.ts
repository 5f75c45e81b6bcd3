/**
 * Child process of the bench: runs our `generate()` once and writes its per-phase `timings` (ms) to
 * a JSON file, so the lead can see which phase is slow. Not used for the headline numbers (those
 * time the real CLI).
 *
 *   tsx bench/codegen/timed-generate.ts <spec> <out> <targets> <json-out> [generate.ts]
 */
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

// Imported by URL so that type-checking the bench does not type-check the codegen (own tsconfig).
interface GenerateResult {
  timings: Record<string, number>;
  warnings: unknown[];
  files: unknown[];
  summary: { schemas: number; operations: number };
}
const [spec, out, targets, jsonOut, generateFile] = process.argv.slice(2);
const generateUrl = generateFile ? pathToFileURL(generateFile).href : new URL("../../tools/codegen/src/generate.ts", import.meta.url).href;
const { generate } = (await import(generateUrl)) as {
  generate: (o: { spec: string; out: string; targets: string[] }) => Promise<GenerateResult>;
};
if (!spec || !out || !targets || !jsonOut) {
  process.stderr.write("usage: timed-generate.ts <spec> <out> <targets> <json-out>\n");
  process.exit(2);
}
const started = performance.now();
const result = await generate({ spec, out, targets: targets.split(",") });
const totalMs = performance.now() - started;
writeFileSync(
  jsonOut,
  JSON.stringify({
    targets,
    totalMs,
    timings: result.timings,
    warnings: result.warnings.length,
    files: result.files.length,
    schemas: result.summary.schemas,
    operations: result.summary.operations,
    rssMB: process.memoryUsage().rss / 2 ** 20,
  }),
);
