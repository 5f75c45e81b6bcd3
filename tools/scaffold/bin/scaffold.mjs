#!/usr/bin/env node
// `pnpm scaffold --spec <file> --scope <@scope> --out <dir> [--name <api>]`: a new, self-contained
// monorepo of this shape for another API (see src/scaffold.mjs and the README's "Use it for your
// own API").
import { runScaffoldCli } from "../src/cli.mjs";

const USAGE = `Usage: scaffold --spec <file> --scope <@scope> --out <dir> [--name <api>] [--no-install]

Creates <dir> (new or empty): the spec split into spec/ with its lint config and an ignore file
of its existing problems, specforge.config.ts, generated packages <scope>/types, client, zod and
mocks, the runtime and the tools, the BFF <scope>/bff, a contract suite that covers every
operation, turbo, CI and a README whose two commands work. Then installs (from the pnpm store
when it can) and commits.

  --spec <file>     the OpenAPI document (2.0, 3.0, 3.1 or 3.2; YAML or JSON; one file or many)
  --scope <@scope>  npm scope of the generated packages, e.g. @acme
  --out <dir>       the new project's folder (must not exist, or be empty)
  --name <api>      the API's name (default: the spec's info.title)
  --no-install      write the files only (no pnpm install, no git commit)
  -h, --help        this text`;

process.exitCode = await runScaffoldCli({ prog: "scaffold", usage: USAGE, args: process.argv.slice(2), positionalOut: false, required: "--spec, --scope and --out" });
