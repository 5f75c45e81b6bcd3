#!/usr/bin/env node
import { parseArgs } from "node:util";
import { SpecError } from "@specforge/codegen/src/load/spec-error.js";
import { runSpecDiff } from "./run.js";
import { renderJson, renderText } from "./report.js";
import { GitError } from "./git.js";
import { terminalText } from "@specforge/codegen/src/terminal-text.mjs";
import { tuneJitForBatch } from "@specforge/codegen/src/jit-flags.js";

// One short batch run over a large object graph: the generator's JIT settings save it ~20% CPU too.
tuneJitForBatch();

const USAGE = `Usage: spec:diff [--base <git-ref> | --base-spec <file>] [--head <git-ref>] [options]

Compares the OpenAPI contract with a base version and classifies every change as breaking or
not, with the operation, JSON pointer and reason. Exits 1 on breaking changes unless the version
bump is major (info.version, or a pending changeset for the spec packages).

Options:
  --base <ref>         git ref of the base (default: last release tag v* or @specforge/*@*,
                       else origin/main, else HEAD~)
  --base-spec <file>   compare with this spec file instead of a git ref
  --head <ref>         git ref of the head (default: the working tree)
  --spec <file>        root file of the spec (default: spec/openapi.yaml of the repository)
  --json               machine-readable output
  --write-changeset    write .changeset/spec-<hash>.md bumping @specforge/types, client, zod and
                       mocks by the proposed bump, with the changes as its summary
  --changeset-dir <d>  where changesets live (default: .changeset of the repository)
  -h, --help           this text

Exit codes: 0 no breaking change (or allowed by a major bump), 1 breaking changes without a
major bump, 2 bad usage or a spec/git error.`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        base: { type: "string" },
        "base-spec": { type: "string" },
        head: { type: "string" },
        spec: { type: "string" },
        json: { type: "boolean" },
        "write-changeset": { type: "boolean" },
        "changeset-dir": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`spec:diff: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (values.base && values["base-spec"]) {
    process.stderr.write("spec:diff: --base and --base-spec exclude each other\n");
    return 2;
  }
  try {
    const result = await runSpecDiff({
      ...(values.base ? { base: values.base } : {}),
      ...(values["base-spec"] ? { baseSpec: values["base-spec"] } : {}),
      ...(values.head ? { head: values.head } : {}),
      ...(values.spec ? { spec: values.spec } : {}),
      ...(values["changeset-dir"] ? { changesetDir: values["changeset-dir"] } : {}),
      writeChangeset: values["write-changeset"] === true,
    });
    process.stdout.write(values.json ? renderJson(result) : renderText(result));
    return result.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof SpecError || err instanceof GitError) {
      // Spec errors quote the spec (names, pointers): no control sequences reach the terminal.
      process.stderr.write(`spec:diff: error: ${terminalText(err.message)}\n`);
      return 2;
    }
    process.stderr.write(`spec:diff: internal error: ${terminalText((err as Error).stack ?? String(err))}\n`);
    return 2;
  }
}

// exitCode rather than exit(): a long report written to a pipe is flushed before the process ends.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
