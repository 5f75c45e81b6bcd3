#!/usr/bin/env node
// `pnpm scaffold --spec <file> --scope <@scope> --out <dir> [--name <api>]`: a new, self-contained
// monorepo of this shape for another API (see src/scaffold.mjs and the README's "Use it for your
// own API").
import { parseArgs } from "node:util";
import { scaffold, ScaffoldError } from "../src/scaffold.mjs";
import { terminalText } from "../../codegen/src/terminal-text.mjs";

const USAGE = `Usage: scaffold --spec <file> --scope <@scope> --out <dir> [--name <api>] [--no-install]

Creates <dir> (new or empty): the spec split into spec/ with its lint config and an ignore file
of its existing problems, specforge.config.ts, generated packages <scope>/types, client, zod and
mocks, the runtime and the tools, the BFF <scope>/bff, a contract suite that covers every
operation, turbo, CI and a README whose two commands work. Then installs (from the pnpm store
when it can) and commits.

  --spec <file>     the OpenAPI document (2.0, 3.0 or 3.1; YAML or JSON; one file or many)
  --scope <@scope>  npm scope of the generated packages, e.g. @acme
  --out <dir>       the new project's folder (must not exist, or be empty)
  --name <api>      the API's name (default: the spec's info.title)
  --no-install      write the files only (no pnpm install, no git commit)
  -h, --help        this text`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      spec: { type: "string" },
      scope: { type: "string" },
      out: { type: "string" },
      name: { type: "string" },
      "no-install": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  }));
} catch (err) {
  console.error(`scaffold: ${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.spec || !values.scope || !values.out) {
  console.error(`scaffold: --spec, --scope and --out are required\n\n${USAGE}`);
  process.exit(2);
}
try {
  const result = await scaffold({
    spec: values.spec,
    scope: values.scope,
    out: values.out,
    ...(values.name ? { name: values.name } : {}),
    install: !values["no-install"],
    log: (line) => process.stderr.write(`scaffold: ${terminalText(line, true)}\n`),
  });
  process.stdout.write(`${terminalText(result.next)}\n`);
} catch (err) {
  process.stderr.write(`scaffold: error: ${terminalText(err instanceof ScaffoldError ? err.message : (err?.stack ?? String(err)))}\n`);
  process.exitCode = 1;
}
