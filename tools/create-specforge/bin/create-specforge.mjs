#!/usr/bin/env node
// `npm create specforge <dir> -- --spec <file> --scope <@scope> [--name <api>] [--no-install]`:
// the scaffold (tools/scaffold in the specforge repository) creates <dir>. Published, it runs from
// dist/ (the scaffold and the files it copies, put there when the package is packed); in the
// repository, from the repository itself.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const dist = new URL("../dist/", import.meta.url);
const root = existsSync(fileURLToPath(new URL("tools/scaffold/src/scaffold.mjs", dist))) ? dist : new URL("../../../", import.meta.url);
const { scaffold, ScaffoldError } = await import(new URL("tools/scaffold/src/scaffold.mjs", root).href);
const { terminalText } = await import(new URL("tools/codegen/src/terminal-text.mjs", root).href);

const USAGE = `Usage: npm create specforge <dir> -- --spec <file> --scope <@scope> [--name <api>] [--no-install]

Creates <dir> (new or empty): a contract-first monorepo for the API of <file> (OpenAPI 2.0, 3.0
or 3.1; YAML or JSON): the spec split into spec/, generated packages <scope>/types, client, zod
and mocks, the runtime and the tools, a contract suite, turbo, CI and a README whose two commands
work. Then installs with pnpm and commits.

  --spec <file>     the OpenAPI document
  --scope <@scope>  npm scope of the generated packages, e.g. @acme
  --name <api>      the API's name (default: the spec's info.title)
  --no-install      write the files only (no pnpm install, no git commit)
  -h, --help        this text`;

let values, positionals;
try {
  ({ values, positionals } = parseArgs({
    options: {
      spec: { type: "string" },
      scope: { type: "string" },
      out: { type: "string" },
      name: { type: "string" },
      "no-install": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  }));
  if (positionals.length > 1 || (positionals.length && values.out)) throw new Error(`one folder, as the first argument (got ${[values.out, ...positionals].filter(Boolean).join(", ")})`);
} catch (err) {
  console.error(`create-specforge: ${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const out = positionals[0] ?? values.out;
if (!out || !values.spec || !values.scope) {
  console.error(`create-specforge: <dir>, --spec and --scope are required\n\n${USAGE}`);
  process.exit(2);
}
try {
  const result = await scaffold({
    spec: values.spec,
    scope: values.scope,
    out,
    ...(values.name ? { name: values.name } : {}),
    install: !values["no-install"],
    log: (line) => process.stderr.write(`create-specforge: ${terminalText(line, true)}\n`),
  });
  process.stdout.write(`${terminalText(result.next)}\n`);
} catch (err) {
  process.stderr.write(`create-specforge: error: ${terminalText(err instanceof ScaffoldError ? err.message : (err?.stack ?? String(err)))}\n`);
  process.exitCode = 1;
}
