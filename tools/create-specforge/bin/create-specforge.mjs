#!/usr/bin/env node
// `npm create specforge <dir> -- --spec <file> --scope <@scope> [--name <api>] [--registry <url>] [--no-install]`:
// the scaffold (tools/scaffold in the specforge repository) creates <dir>. Published, it runs from
// dist/ (the scaffold and the files it copies, put there when the package is packed); in the
// repository, from the repository itself.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = new URL("../dist/", import.meta.url);
const root = existsSync(fileURLToPath(new URL("tools/scaffold/src/cli.mjs", dist))) ? dist : new URL("../../../", import.meta.url);
const { runScaffoldCli } = await import(new URL("tools/scaffold/src/cli.mjs", root).href);

const USAGE = `Usage: npm create specforge <dir> -- --spec <file> --scope <@scope> [--name <api>] [--registry <url>] [--no-install]

Creates <dir> (new or empty): a contract-first monorepo for the API of <file> (OpenAPI 2.0, 3.0,
3.1 or 3.2; YAML or JSON): the spec split into spec/, generated packages <scope>/types, client, zod
and mocks, the runtime and the tools, the BFF <scope>/bff, a contract suite, turbo, CI and a
README whose two commands work. Then installs with pnpm, generates and commits. If any step fails,
or it is interrupted, <dir> is left as it was.

The project depends on @specforge/codegen, @specforge/spec-diff and @specforge/runtime from a
registry (npm's unless told otherwise): --registry, or pnpm_config_registry=<url>, points there.

  --spec <file>     the OpenAPI document
  --scope <@scope>  npm scope of the generated packages, e.g. @acme
  --name <api>      the API's name (default: the spec's info.title)
  --registry <url>  where @specforge/* packages come from (written to the project's .npmrc)
  --no-install      write the files only: no install, generate or git commit, and no lockfile
                    yet; it then prints the commands to run (an install without
                    --frozen-lockfile first)
  -h, --help        this text`;

process.exitCode = await runScaffoldCli({ prog: "create-specforge", usage: USAGE, args: process.argv.slice(2), positionalOut: true, required: "<dir>, --spec and --scope" });
