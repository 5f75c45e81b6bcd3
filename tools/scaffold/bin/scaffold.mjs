#!/usr/bin/env node
// `pnpm scaffold --spec <file> --scope <@scope> --out <dir> [--name <api>]`: a new, self-contained
// monorepo of this shape for another API (see src/scaffold.mjs and the README's "Use it for your
// own API").
import { runScaffoldCli } from "../src/cli.mjs";

const USAGE = `Usage: scaffold --spec <file> --scope <@scope> --out <dir> [--name <api>] [--registry <url>] [--no-install]

Creates <dir> (new or empty): the spec split into spec/ with its lint config and an ignore file
of its existing problems, specforge.config.ts, generated packages <scope>/types, client, zod and
mocks, the runtime and the tools, the BFF <scope>/bff, a contract suite that covers every
operation, turbo, CI and a README whose two commands work. Then installs (from the pnpm store
when it can), generates and commits, tagged v<info.version> (v0.0.0 if that is not semver). If
any step fails, or it is interrupted, <dir> is left as it was.

The project depends on @specforge/codegen, @specforge/spec-diff and @specforge/runtime from a
registry (npm's unless told otherwise): --registry, or pnpm_config_registry=<url>, points there.

  --spec <file>     the OpenAPI document (2.0, 3.0, 3.1 or 3.2; YAML or JSON; one file or many)
  --scope <@scope>  npm scope of the generated packages, e.g. @acme
  --out <dir>       the new project's folder (must not exist, or be empty)
  --name <api>      the API's name (default: the spec's info.title)
  --registry <url>  where @specforge/* packages come from (written to the project's .npmrc)
  --no-install      write the files only: no install, generate or git commit, and no lockfile
                    yet; it then prints the commands to run (an install without
                    --frozen-lockfile first)
  -h, --help        this text`;

process.exitCode = await runScaffoldCli({ prog: "scaffold", usage: USAGE, args: process.argv.slice(2), positionalOut: false, required: "--spec, --scope and --out" });
