#!/usr/bin/env node
import { parseArgs } from "node:util";
import { generate, specLabel } from "./generate.js";
import { CODEGEN_OPTIONS } from "./cli-options.js";
import { ALL_TARGETS, IMPORT_EXTENSIONS, type ImportExtension, type Target } from "./emit/emitter.js";
import { SpecError } from "./load/spec-error.js";
import { tuneJitForBatch } from "./jit-flags.js";
import { errorText, terminalText } from "./terminal-text.mjs";
import { ConfigError, loadConfig } from "./config/config.mjs";
import { packageGeneration, syncPackageJson, syncWorkspaceDependents } from "./config/package-target.js";
import { warningLines } from "./cli/warning-summary.js";
import { OutputError } from "./write/atomic-write.js";
import { writeFileSync } from "node:fs";
import { OUTPUT_MARKER, writeMarker } from "./cli/output-folder.js";
import { outputRefusal } from "./cli/output-refusal.js";
import { checkTargets } from "./cli/check-targets.js";
import { checkExamples } from "./cli/example-check.js";
import { removeStagingOnSignals } from "./cli/signal-cleanup.js";
import { outputTarget } from "./write/output-target.js";
import { sweepStaleStaging } from "./write/stale-staging.js";
import { outputDependenciesText } from "./cli/output-dependencies.js";
import { findConfig } from "./config/config.mjs";

const USAGE = `Usage: codegen <spec> -o <dir> [--targets types,zod,client,mocks] [options]
       codegen -i <spec> -o <dir> …   (or --spec <spec> --out <dir>)
       codegen -o <dir> …             (the spec of the nearest specforge.config.ts)
       codegen --package <types|zod|client|mocks> [--config <file>]

Generates TypeScript modules from an OpenAPI 2.0/3.0/3.1 document (JSON or YAML, one file or
many with relative $refs) into <dir>, which is replaced as a whole only when generation succeeds.
<dir> must be new, empty, or an earlier output holding only what the generator wrote (its
${OUTPUT_MARKER} lists it): a folder holding other files is refused unless --clean is given,
and one holding the spec or a file it $refs always is.

Options:
  --package <kind>       generate one package of the project as specforge.config.ts describes it
                         (spec bundle, output folder, imports, seed, invalid examples; its
                         package.json name follows the config's scope)
  --config <file>        the config file (default: the nearest specforge.config.ts upwards); with
                         no spec given, its spec, seed and invalidExamples are used
  -i, --spec <file>      the OpenAPI document (or the first argument; default: the config's)
  -o, --out <dir>        output folder, owned by the generator (required)
  --clean                replace <dir> even if it holds files the generator did not write
  --targets <list>       comma-separated subset of ${ALL_TARGETS.join(",")} (default: all)
  --types-import <mod>   module the client/mocks import types from (default: ./types.gen.js)
  --zod-import <mod>     module the mocks import zod schemas from (default: ./zod.gen.js)
  --import-extension <e> js (default) or ts: the extension of the generated modules' imports of
                         each other (and of the two defaults above); ts for projects that run
                         their .ts files directly (Node's type stripping), compiled with
                         allowImportingTsExtensions (+ noEmit) or rewriteRelativeImportExtensions
  --seed <n>             seed of generated fixtures (default: 1)
  --invalid-examples <m> warn (default) or error: what a media-type/parameter example that
                         fails its schema is; with warn a generated fixture replaces it (a
                         vendor's examples are not yours to fix); the project's own packages
                         use error (codegen.invalidExamples in specforge.config.ts)
  --verbose              every warning on its own line (default: a count per kind and the
                         first few pointers when there are more than 10)
  --warnings-file <file> write every warning to <file>, one per line
  --quiet                no progress on stderr; warnings as counts per kind only
  -h, --help             this text

What the output imports (install these beside it; types.gen.ts imports nothing):
${outputDependenciesText()}`;

/**
 * `standalone`: a user's --out (marked, checked); false for --package, whose folders the config
 * declares. `labelBase`: the folder the headers' spec path is relative to (default: the output
 * folder, so the bytes do not depend on where the command runs).
 */
async function main(argv: string[], standalone = true, labelBase?: string): Promise<number> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { ...CODEGEN_OPTIONS, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    }));
    if (positionals.length > 1 || (positionals.length && values.spec)) throw new Error(`one spec, as the first argument or --spec (got ${[values.spec, ...positionals].filter(Boolean).join(", ")})`);
    if (positionals.length) values.spec = positionals[0];
  } catch (err) {
    process.stderr.write(`codegen: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (values.package) {
    if (values.spec || values.out || values.targets || values["types-import"] || values["import-extension"] !== undefined || values.clean) {
      process.stderr.write(`codegen: --package takes the spec, output, targets and imports from the config; drop --spec/--out/--targets/--types-import/--import-extension\n`);
      return 2;
    }
    return generatePackage(values.package, values.config, values.quiet === true);
  }
  // No spec on the command line: the project's, as its specforge.config.ts names it (with its
  // codegen settings). A spec given explicitly is anyone's: the config's settings apply only with --config.
  let configured: { seed: number; invalidExamples: "error" | "warn" } | undefined;
  if (values.out && (!values.spec || values.config) && (values.config || findConfig())) {
    try {
      const config = await loadConfig(values.config ? { file: values.config } : {});
      values.spec ??= config.spec.entry;
      configured = config.codegen;
    } catch (err) {
      process.stderr.write(`codegen: error: ${terminalText((err as Error).message)}\n`);
      return 1;
    }
  }
  if (!values.spec || !values.out) {
    process.stderr.write(`codegen: a spec (first argument, -i/--spec, or a specforge.config.ts) and -o/--out are required (or --package <kind>)\n\n${USAGE}\n`);
    return 2;
  }
  // An empty value (an unset shell variable) was ignored, the default import taken without a word.
  for (const flag of ["types-import", "zod-import"] as const) {
    if (values[flag] !== undefined && values[flag]!.trim() === "") {
      process.stderr.write(`codegen: --${flag} names no module (an empty value); give the module to import, e.g. ./types.gen.js\n`);
      return 2;
    }
  }
  const importExtension = values["import-extension"] ?? "js";
  if (!IMPORT_EXTENSIONS.includes(importExtension as ImportExtension)) {
    process.stderr.write(`codegen: --import-extension must be ${IMPORT_EXTENSIONS.map((e) => `"${e}"`).join(" or ")}\n`);
    return 2;
  }
  const targets = (values.targets ?? ALL_TARGETS.join(",")).split(",").map((t) => t.trim()).filter(Boolean);
  const targetProblem = checkTargets(targets, values["types-import"] !== undefined);
  if (targetProblem) {
    process.stderr.write(`codegen: ${targetProblem}\n`);
    return 2;
  }
  const seed = values.seed === undefined ? (configured?.seed ?? 1) : Number(values.seed);
  if (!Number.isInteger(seed)) {
    process.stderr.write(`codegen: --seed must be an integer\n`);
    return 2;
  }
  // On the CLI a vendor's broken examples are warnings by default: the user cannot fix them. The
  // workspace's packages pass `error` explicitly (codegen.invalidExamples in the config).
  const invalidExamples = values["invalid-examples"] ?? configured?.invalidExamples ?? (process.env.SPECFORGE_INVALID_EXAMPLES === "error" ? "error" : "warn");
  if (invalidExamples !== "error" && invalidExamples !== "warn") {
    process.stderr.write(`codegen: --invalid-examples must be "error" or "warn"\n`);
    return 2;
  }
  // A symlinked --out is generated into its target (the link stays); what a killed run left
  // beside it goes first, so the checks see the folder as it really is.
  const out = outputTarget(values.out);
  sweepStaleStaging(out);
  const refused = outputRefusal(values.spec, out, standalone && !values.clean);
  if (refused) {
    process.stderr.write(`codegen: error: ${refused}\n`);
    return 1;
  }
  const quiet = values.quiet === true;
  const started = performance.now();
  try {
    tuneJitForBatch();
    removeStagingOnSignals();
    if (invalidExamples === "error" && !targets.includes("mocks")) await checkExamples(values.spec, seed);
    const result = await generate({
      spec: values.spec,
      out,
      specLabel: specLabel(values.spec, labelBase ?? out),
      targets: targets as Target[],
      ...(values["types-import"] ? { typesImport: values["types-import"] } : {}),
      ...(values["zod-import"] ? { zodImport: values["zod-import"] } : {}),
      ...(importExtension !== "js" ? { importExtension: importExtension as ImportExtension } : {}),
      seed,
      invalidExamples,
      onProgress: quiet ? undefined : (m) => process.stderr.write(`codegen: ${terminalText(m, true)}\n`),
    });
    if (standalone) writeMarker(out, result.files.map((f) => f.path));
    // Warnings quote the spec: one line each, whatever it holds.
    const line = (t: string) => terminalText(t, true);
    const file = values["warnings-file"];
    if (file) writeFileSync(file, result.warnings.map((w) => `${line(`${w.pointer}: ${w.message}`)}\n`).join(""));
    const lines = warningLines(result.warnings, { verbose: values.verbose === true, quiet, ...(file ? { file } : {}), line });
    // One write: each write to a pipe is a syscall.
    if (lines.length) process.stderr.write(lines.map((l) => `codegen: ${l}\n`).join(""));
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
    if (err instanceof SpecError || err instanceof OutputError) {
      // Multi-line only by the generator's own line breaks: spec text in it is one line (SpecError).
      process.stderr.write(`codegen: error: ${terminalText(err.message)}\n`);
      return 1;
    }
    process.stderr.write(`codegen: internal error: ${errorText(err)}\n`);
    return 1;
  }
}

/** `--package <kind>`: the package as the project's config describes it, then its package.json synced. */
async function generatePackage(kind: string, configFile: string | undefined, quiet: boolean): Promise<number> {
  let g;
  let config;
  try {
    config = await loadConfig(configFile ? { file: configFile } : {});
    g = packageGeneration(config, kind);
  } catch (err) {
    process.stderr.write(`codegen: error: ${terminalText((err as Error).message)}\n`);
    return err instanceof ConfigError ? 1 : 2;
  }
  const args = ["--spec", g.spec, "--out", g.out, "--targets", g.targets.join(","), "--seed", String(g.seed), "--invalid-examples", g.invalidExamples];
  if (g.typesImport) args.push("--types-import", g.typesImport);
  if (quiet) args.push("--quiet");
  // Relative to the package, as the dev loop writes it: `../../spec/dist/openapi.json`.
  const code = await main(args, false, g.pkg.dir);
  if (code === 0 && syncPackageJson(config, g.pkg)) {
    process.stderr.write(`codegen: ${terminalText(g.pkg.dir, true)}/package.json now names ${g.pkg.name} (as the config says); run \`pnpm install\` to relink the workspace\n`);
  }
  if (code === 0) {
    for (const file of syncWorkspaceDependents(config, g.pkg)) {
      process.stderr.write(`codegen: ${terminalText(file, true)} now depends on ${g.pkg.name} through a workspace alias (its imports are unchanged); run \`pnpm install\`\n`);
    }
  }
  return code;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
