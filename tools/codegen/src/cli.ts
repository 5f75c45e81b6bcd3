#!/usr/bin/env node
import { parseArgs } from "node:util";
import { generate } from "./generate.js";
import { CODEGEN_OPTIONS } from "./cli-options.js";
import { ALL_TARGETS, type Target } from "./emit/emitter.js";
import { SpecError } from "./load/spec-error.js";
import { tuneJitForBatch } from "./jit-flags.js";
import { terminalText } from "./terminal-text.mjs";

const USAGE = `Usage: codegen --spec <file> --out <dir> [--targets types,zod,client,mocks] [options]

Generates TypeScript modules from an OpenAPI 2.0/3.0/3.1 document (JSON or YAML, one file or
many with relative $refs) into <dir>, which is replaced as a whole only when generation succeeds.

Options:
  --spec <file>          the OpenAPI document (required)
  --out <dir>            output folder, owned by the generator (required)
  --targets <list>       comma-separated subset of ${ALL_TARGETS.join(",")} (default: all)
  --types-import <mod>   module the client/mocks import types from (default: ./types.gen.js)
  --zod-import <mod>     module the mocks import zod schemas from (default: ./zod.gen.js)
  --seed <n>             seed of generated fixtures (default: 1)
  --invalid-examples <m> error (default) or warn: what a media-type/parameter example that
                         fails its schema is; with warn a generated fixture replaces it
  --quiet                no progress on stderr
  -h, --help             this text`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { ...CODEGEN_OPTIONS, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`codegen: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (!values.spec || !values.out) {
    process.stderr.write(`codegen: --spec and --out are required\n\n${USAGE}\n`);
    return 2;
  }
  const targets = (values.targets ?? ALL_TARGETS.join(",")).split(",").map((t) => t.trim()).filter(Boolean);
  const unknown = targets.filter((t) => !ALL_TARGETS.includes(t as Target));
  if (unknown.length) {
    process.stderr.write(`codegen: unknown target(s) ${unknown.join(", ")} (known: ${ALL_TARGETS.join(", ")})\n`);
    return 2;
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) {
    process.stderr.write(`codegen: --seed must be an integer\n`);
    return 2;
  }
  const invalidExamples = values["invalid-examples"];
  if (invalidExamples !== undefined && invalidExamples !== "error" && invalidExamples !== "warn") {
    process.stderr.write(`codegen: --invalid-examples must be "error" or "warn"\n`);
    return 2;
  }
  const quiet = values.quiet === true;
  const started = performance.now();
  try {
    tuneJitForBatch();
    const result = await generate({
      spec: values.spec,
      out: values.out,
      targets: targets as Target[],
      ...(values["types-import"] ? { typesImport: values["types-import"] } : {}),
      ...(values["zod-import"] ? { zodImport: values["zod-import"] } : {}),
      seed,
      ...(invalidExamples ? { invalidExamples } : {}),
      onProgress: quiet ? undefined : (m) => process.stderr.write(`codegen: ${terminalText(m, true)}\n`),
    });
    // One write: real specs produce hundreds of warnings, and each write to a pipe is a syscall.
    // Warnings quote the spec: one line each, whatever it holds.
    if (result.warnings.length) process.stderr.write(result.warnings.map((w) => `codegen: warning: ${terminalText(`${w.pointer}: ${w.message}`, true)}\n`).join(""));
    if (!quiet) {
      const m = result.summary;
      const ms = Math.round(performance.now() - started);
      process.stderr.write(
        `codegen: done — ${m.schemas} schemas, ${m.operations} operations, ${m.webhooks} webhooks → ` +
          `${result.files.length} files in ${terminalText(values.out, true)} (${ms} ms; ${result.warnings.length} warnings)\n`,
      );
    }
    return 0;
  } catch (err) {
    if (err instanceof SpecError) {
      process.stderr.write(`codegen: error: ${terminalText(err.message)}\n`);
      return 1;
    }
    process.stderr.write(`codegen: internal error: ${terminalText((err as Error).stack ?? String(err))}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
