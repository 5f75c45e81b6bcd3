// What the new project takes from this repository: the scripts, the generated packages'
// hand-written shells, the BFF and the generic contract suite. The code generator, spec-diff and
// the runtime are not copied: the project depends on their published packages at this
// repository's versions (SPECFORGE_PACKAGES), so an upgrade is a version bump. Text files are
// rewritten on the way: the generated packages, the BFF and the spec package take the new scope,
// the Platform API's name gives way to the new API's, the source export condition is the new
// scope's, and `workspace:*` dependencies on specforge's packages become their versions.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { nameFor } from "./name-in.mjs";

/** specforge's published packages a project depends on, and where this repository keeps them. */
export const SPECFORGE_PACKAGES = { "@specforge/codegen": "tools/codegen", "@specforge/spec-diff": "tools/spec-diff", "@specforge/runtime": "packages/runtime" };

/** Their versions in this repository (what a project made from it depends on). */
export const specforgeVersions = (repo) =>
  Object.fromEntries(Object.entries(SPECFORGE_PACKAGES).map(([name, dir]) => [name, JSON.parse(readFileSync(join(repo, dir, "package.json"), "utf8")).version]));

/** Files of this repository the new project gets, as they are (after the rewrite below). */
export const COPIED = [
  "tsconfig.base.json",
  "vitest.shared.ts",
  "tools/scripts/codegen.mjs",
  "tools/scripts/mock.mjs",
  "tools/scripts/mock-supervisor.mjs",
  "tools/scripts/mock-supervisor.d.mts",
  "tools/scripts/start.mjs",
  "tools/scripts/dev.mjs",
  "tools/scripts/docs-server.mjs",
  "tools/scripts/docs-server.d.mts",
  "tools/scripts/interrupt.mjs",
  "tools/scripts/help.mjs",
  "test/support/prism.ts",
  "test/contract/global-setup.ts",
  "test/contract/generic.test.ts",
  "test/contract/cases/define.ts",
  ...["client", "default-cases", "errors", "outcome", "prefer", "prism-url", "snapshot", "spec", "validate", "zod-operation"].map((f) => `test/contract/support/${f}.ts`),
];

/**
 * The BFF, but for what ties it to the Platform API: its `src/api-formats.ts` (error format and
 * webhook events) is written for the new spec, and its manifest and README are trimmed of its
 * tests (bff-templates.mjs), which exercise the Platform API's operations and data.
 */
export const BFF = ["packages/bff/src", "packages/bff/cjs", "packages/bff/tsconfig.json", "packages/bff/tsconfig.build.json"];

/** The generated packages' hand-written parts (their src/generated comes from `generate`). */
export const PACKAGE_SHELLS = (kind) => [
  `packages/${kind}/package.json`,
  `packages/${kind}/tsconfig.json`,
  `packages/${kind}/tsconfig.build.json`,
  `packages/${kind}/turbo.json`,
  `packages/${kind}/src/index.ts`,
  ...(kind === "mocks" ? ["packages/mocks/src/msw.ts", "packages/mocks/src/node20.ts", "packages/mocks/README.md"] : []),
];

/** `rewrite(text, path)`: `path` (its extension) says how the API's name is written in (name-in.mjs). */
export function rewriter({ scope, name, folders, versions }) {
  // Generated packages are found by folder: @specforge/<folder> → <scope>/<folder's new name>.
  const generated = new RegExp(`@specforge/(spec|test|${Object.keys(folders).join("|")})(?=["'/\\s\`)#,]|$)`, "g");
  const pinned = /"(@specforge\/(?:codegen|spec-diff|runtime))": "workspace:\*"/g;
  // Replacer functions throughout: in a replacement string, `$&` or `$\`` in a name would expand.
  return (text, path) =>
    text
      .replace(pinned, (_, pkg) => `"${pkg}": "${versions[pkg]}"`)
      .replace(/@specforge\/source/g, `${scope}/source`)
      .replace(generated, (_, f) => (f === "spec" || f === "test" ? `${scope}/${f}` : `${scope}/${folders[f]}`))
      // The BFF's Redis keys and bin are the project's own: BFFs of two projects can share a Redis.
      .replace(/\bspecforge:bff:/g, () => `${scope.slice(1)}:bff:`)
      .replace(/\bspecforge-bff\b/g, () => `${scope.slice(1)}-bff`)
      .replace(/\bthe Platform API\b/g, () => `the ${nameFor(path, name)}`)
      .replace(/\bPlatform API\b/g, () => nameFor(path, name));
}

/** Copies `paths` (files or folders) from `from` to `to`, rewriting text files. */
export function copyFiles(from, to, paths, rewrite, skip = () => false) {
  for (const p of paths) {
    const src = join(from, p);
    if (statSync(src).isDirectory()) {
      const files = readdirSync(src, { recursive: true }).map(String).filter((f) => statSync(join(src, f)).isFile());
      copyFiles(from, to, files.map((f) => join(p, f)).filter((f) => !skip(f)), rewrite, skip);
      continue;
    }
    const dest = join(to, p);
    mkdirSync(dirname(dest), { recursive: true });
    if (/\.(ts|mts|mjs|js|json|md|yaml|yml)$/.test(p)) writeFileSync(dest, rewrite(readFileSync(src, "utf8"), p));
    else cpSync(src, dest);
  }
}

/** What the copy must leave behind: build output, caches, generated code, tests of the tools. */
export const SKIPPED = (path) => /(^|\/)(node_modules|dist|\.turbo|\.tmp|generated)(\/|$)/.test(path);

export const relativeTo = (root) => (p) => relative(root, p);
