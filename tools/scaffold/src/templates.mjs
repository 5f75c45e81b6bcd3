// Files of the new project that are written, not copied: its root manifest, config, pipeline,
// README and CI, and the manifests of its spec and test packages. Versions of tools are this
// repository's own (pinned), so a fresh install resolves exactly what was tested here.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const PNPM = "npx -y pnpm@12.4.2";

/** Markdown text that renders as written: no HTML, link, emphasis or heading from an API's name. */
export const markdownText = (s) => s.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`).replace(/[\r\n\u2028\u2029]+/g, " ");

export function rootPackageJson(repo, { scope, versions }) {
  const ours = JSON.parse(readFileSync(join(repo, "package.json"), "utf8"));
  const dev = ours.devDependencies;
  const env = "TURBO_TELEMETRY_DISABLED=1 REDOCLY_TELEMETRY=off";
  const scripts = {
    start: `${env} turbo run build docs && node tools/scripts/start.mjs`,
    dev: "REDOCLY_TELEMETRY=off node tools/scripts/dev.mjs",
    generate: `${env} turbo run generate`,
    "generate:check": `${env} turbo run generate && git diff --exit-code -- packages spec`,
    build: `${env} turbo run build`,
    lint: `${env} turbo run lint`,
    docs: `${env} turbo run docs`,
    typecheck: `${env} turbo run typecheck`,
    test: `${env} turbo run typecheck test:contract --continue`,
    mock: "node tools/scripts/mock.mjs",
    "spec:diff": "specforge-spec-diff",
    bff: `${env} turbo run build --filter=${scope}/bff --output-logs=errors-only && node packages/bff/dist/cli.js`,
    help: "node tools/scripts/help.mjs",
  };
  const info = {
    start: "lint, bundle, generate, build and docs; then the mock API and the API reference",
    dev: "watch spec/: lint, bundle and regenerate on every save, with the mock and the reference following",
    generate: "regenerate the generated packages from the spec (cached by turbo)",
    "generate:check": "regenerate and fail if the committed generated code differs",
    build: "build every package (dist/)",
    lint: "redocly lint of the spec (recommended rules; known problems in spec/.redocly.lint-ignore.yaml)",
    docs: "the offline HTML API reference, spec/dist/docs/index.html",
    typecheck: "tsc --noEmit in every package",
    test: "type checks and the contract suite (every operation against the Prism mock)",
    mock: "the Prism mock server alone (--port, --dynamic --seed N)",
    "spec:diff": "breaking-change gate: classify spec changes since the last release tag",
    bff: "build and serve the server-side proxy (--port, BFF_* variables; see packages/bff)",
    help: "this list",
  };
  return {
    name: `${scope.slice(1)}-api`,
    private: true,
    type: "module",
    packageManager: ours.packageManager,
    engines: ours.engines,
    scripts,
    "scripts-info": info,
    // specforge's code generator (the scripts and specforge.config.ts import it) and spec-diff, at
    // the versions this project was made with: upgrading is bumping them.
    devDependencies: {
      "@specforge/codegen": versions["@specforge/codegen"],
      "@specforge/spec-diff": versions["@specforge/spec-diff"],
      ...Object.fromEntries(["@stoplight/prism-cli", "@types/node", "tsx", "turbo", "typescript", "vitest"].map((n) => [n, dev[n]])),
    },
  };
}

export function workspaceYaml(repo) {
  const ours = readFileSync(join(repo, "pnpm-workspace.yaml"), "utf8");
  // Its allowBuilds block only (the overrides after it serve this repository's release test).
  const allow = ours.slice(ours.indexOf("allowBuilds:")).split(/\n\s*\n/)[0];
  // pnpm holds back versions younger than a day; specforge's own releases are taken at once.
  return `packages:\n  - spec\n  - packages/*\n  - test\n\nminimumReleaseAgeExclude:\n  - "@specforge/*"\n\n${allow.trimEnd()}\n`;
}

/**
 * This repository's pipeline (`file`: turbo.json or a package's), minus the suites a project does
 * not ship and the code generator's build and sources: installed, not a workspace package, it is
 * hashed through its version in the packages' manifests.
 */
export function turboJson(repo, file = "turbo.json") {
  const t = JSON.parse(readFileSync(join(repo, file), "utf8"));
  for (const k of Object.keys(t.tasks)) if (/^test:(corpus|dev|browser|release|cache)$/.test(k) || k.startsWith("@specforge/")) delete t.tasks[k];
  for (const task of Object.values(t.tasks)) {
    if (task.dependsOn) task.dependsOn = task.dependsOn.filter((d) => !d.startsWith("@specforge/"));
    if (task.inputs) task.inputs = task.inputs.filter((i) => !i.startsWith("$TURBO_ROOT$/tools/codegen/"));
  }
  return t;
}

export function configTs({ name, scope }) {
  return `import { defineConfig } from "@specforge/codegen/config";

// The one place that names the API, its spec, the npm scope and the generated packages: every
// script and the turbo pipeline read it. Change the scope or the spec here and \`pnpm generate\` follows.
export default defineConfig({
  name: ${JSON.stringify(name)},
  spec: "spec/openapi.yaml",
  scope: ${JSON.stringify(scope)},
  packages: { types: "types", client: "client", zod: "zod", mocks: "mocks" },
  // A spec written elsewhere often ships examples that fail its own schemas: generated fixtures
  // replace them, with a warning. Set "error" once the spec's examples are fixed.
  codegen: { seed: 1, invalidExamples: "warn" },
  mock: { host: "127.0.0.1", port: 4010 },
  docs: { port: 4011 },
});
`;
}

export function specPackageJson({ scope, name, versions }) {
  return {
    name: `${scope}/spec`,
    version: "1.0.0",
    private: true,
    description: `The contract of the ${name} (OpenAPI): lint, bundle and docs.`,
    type: "module",
    scripts: { lint: "specforge-spec lint", bundle: "specforge-spec bundle", docs: "specforge-spec docs" },
    devDependencies: { "@redocly/cli": "__REDOCLY__", "@specforge/codegen": versions["@specforge/codegen"] },
  };
}

export function testFiles({ scope, versions }, repo) {
  const ours = JSON.parse(readFileSync(join(repo, "test", "package.json"), "utf8")).devDependencies;
  return {
    "test/package.json": {
      name: `${scope}/test`,
      version: "0.0.0",
      private: true,
      description: "The contract suite: every operation of the spec against the Prism mock, through the generated client.",
      type: "module",
      scripts: { typecheck: "tsc -p tsconfig.json --noEmit", "test:contract": "vitest run" },
      devDependencies: {
        [`${scope}/client`]: "workspace:*",
        [`${scope}/mocks`]: "workspace:*",
        [`${scope}/spec`]: "workspace:*",
        [`${scope}/types`]: "workspace:*",
        [`${scope}/zod`]: "workspace:*",
        "@specforge/runtime": versions["@specforge/runtime"],
        "@stoplight/prism-cli": ours["@stoplight/prism-cli"],
        zod: ours.zod,
      },
    },
    "test/tsconfig.json": { extends: "../tsconfig.base.json", compilerOptions: { noEmit: true, types: ["node"] }, include: ["**/*.ts"], exclude: ["node_modules"] },
    "test/turbo.json": {
      $schema: "https://turborepo.com/schema.json",
      extends: ["//"],
      tasks: {
        typecheck: { dependsOn: ["source"], inputs: ["**/*.ts", "!node_modules/**", "package.json", "tsconfig.json", "$TURBO_ROOT$/tools/scripts/*.d.mts"], outputs: [] },
        // Prism starts behind the mock supervisor (support/prism.ts).
        "test:contract": { dependsOn: ["source"], inputs: ["contract/**", "support/**", "package.json", "vitest.config.ts", "tsconfig.json", "$TURBO_ROOT$/vitest.shared.ts", "$TURBO_ROOT$/tools/scripts/mock-supervisor.mjs"], outputs: [] },
      },
    },
  };
}

export const TEST_VITEST_CONFIG = `import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceSource } from "../vitest.shared.js";

export default defineConfig(
  mergeConfig(workspaceSource, {
    test: {
      include: ["contract/**/*.test.ts"],
      // One Prism for every contract file (contract/global-setup.ts).
      globalSetup: ["contract/global-setup.ts"],
      testTimeout: 15_000,
      hookTimeout: 120_000,
      pool: "threads",
      isolate: false,
    },
  }),
);
`;

export function readme({ name, scope }) {
  const n = markdownText(name);
  return `# ${n}

A contract-first OpenAPI monorepo, created from the spec of the ${n} by specforge's scaffold. The
spec in [\`spec/\`](spec/) is the single source of truth: typed packages are generated from it,
and a contract suite proves spec, client, validators and mocks agree against the Prism mock.

## Quick start

On a machine with Node 20+ and npm (pnpm is fetched by \`npx\`):

\`\`\`sh
# 1. set everything up and run the main job: lint → bundle → generate → build → docs, then
#    serve the mock API on http://127.0.0.1:4010 and the API reference on http://127.0.0.1:4011
${PNPM} install --frozen-lockfile && ${PNPM} start

# 2. run the tests
${PNPM} install --frozen-lockfile && ${PNPM} test
\`\`\`

\`${PNPM} run help\` lists every script. \`.ci/run\` (what CI runs) installs, checks that the
committed generated code matches the spec, then runs command 2.

## What you own

- **[\`spec/\`](spec/)**: the contract, split into files (\`openapi.yaml\` holds metadata and
  \`$ref\`s; \`paths/\` and \`components/\` the rest). Lint follows Redocly's \`recommended\` rules
  ([\`spec/redocly.yaml\`](spec/redocly.yaml)); the problems the spec had on day one are listed in
  \`spec/.redocly.lint-ignore.yaml\` — fix them and delete their entries; a new problem fails.
- **[\`specforge.config.ts\`](specforge.config.ts)**: the API's name, the spec, the npm scope
  (\`${scope}\`), the generated packages, codegen options, ports. Every script reads it.
- **\`test/contract/\`**: the generated contract suite covers every operation with no hand-written
  code (a valid request from the mocks' \`requestFixtures\`, every documented status, an invalid
  request). To pin one operation's request, write a case as \`test/contract/cases/define.ts\`
  describes and merge it over \`defaultCases()\` in \`generic.test.ts\`.

## What is generated

\`packages/types\`, \`client\`, \`zod\` and \`mocks\` (\`${scope}/…\`) are regenerated from the spec by
\`${PNPM} generate\`; their \`src/generated/\` is committed so spec changes show as reviewable diffs.
specforge's packages are dependencies at a pinned version: \`@specforge/runtime\` (retries, auth
refresh, pagination, typed errors…) in the generated packages, \`@specforge/codegen\` (the generators,
\`specforge.config.ts\`'s types) and \`@specforge/spec-diff\` at the root. To upgrade, bump their
versions in every \`package.json\` that names them, install, and run \`${PNPM} generate\`: the diff of
\`src/generated/\` shows what the new generators changed. \`tools/scripts\` (start, dev, mock) are yours.

## The BFF

[\`packages/bff\`](packages/bff/README.md) (\`${scope}/bff\`) is a backend-for-frontend proxy: browser
apps call it, it calls the API with the server-side credentials, after CORS, per-client rate
limits and validation against the generated zod schemas; plus a signed webhook receiver. Run it
with \`${PNPM} bff --port 8787\` (\`BFF_*\` variables, \`--help\` lists them). Its errors are RFC 9457
problem details, and webhooks are checked against the spec's \`webhooks\`: both come from
\`packages/bff/src/api-formats.ts\`, the one file to edit to speak the API's own error format.

## Changing the spec

Edit \`spec/\`, run \`${PNPM} generate\` (or keep \`${PNPM} dev\` running), commit spec and generated
code together. \`${PNPM} spec:diff\` classifies the changes since the last release tag and exits 1
on a breaking change without a major version bump.
`;
}

export const CI_RUN = `#!/usr/bin/env bash
# CI entry point: a clean clone on a machine with only Node and npm. Installs everything, checks
# that the committed generated code matches the spec, then runs the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 REDOCLY_TELEMETRY=off DO_NOT_TRACK=1

${PNPM} install --frozen-lockfile
${PNPM} generate:check
${PNPM} install --frozen-lockfile && ${PNPM} test
`;

export const GITIGNORE = ["node_modules/", "dist/", ".turbo/", "coverage/", "*.tsbuildinfo", "*.log", ".DS_Store", ".tmp/", ".cache/", ".specforge.config.*.mjs", ""].join("\n");
