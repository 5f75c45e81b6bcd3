// dist/ is the part of this repository the scaffold reads, in the repository's layout: the
// scaffold itself (tools/scaffold/src, which finds "the repository" three folders above it) and
// every file it copies or reads (its COPIED list, the generated packages' shells, the root and
// spec/test manifests). It runs as `prepack` (so `pnpm publish` / `changeset publish` ship the
// repository as it is then): no build task, nothing for turbo to cache or go stale.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(import.meta.dirname, "..");
const repo = join(root, "../..");
const dist = join(root, "dist");
const { BFF, COPIED, PACKAGE_SHELLS, SKIPPED, SPECFORGE_PACKAGES } = await import(new URL("../../scaffold/src/copy-files.mjs", import.meta.url).href);

const paths = [
  ...readdirSync(join(repo, "tools/scaffold/src")).map((f) => `tools/scaffold/src/${f}`),
  ...COPIED,
  ...["types", "zod", "client", "mocks"].flatMap(PACKAGE_SHELLS),
  // The BFF's manifest and README are read and trimmed for the new project (bff-templates.mjs).
  ...BFF,
  "packages/bff/package.json",
  "packages/bff/README.md",
  "package.json",
  "pnpm-workspace.yaml",
  "turbo.json",
  "spec/package.json",
  "spec/turbo.json",
  "test/package.json",
  // The versions a new project depends on (and codegen's, whose dependencies split the spec).
  ...Object.values(SPECFORGE_PACKAGES).map((dir) => `${dir}/package.json`),
];
rmSync(dist, { recursive: true, force: true });
for (const path of new Set(paths)) {
  const from = join(repo, path);
  if (!existsSync(from)) throw new Error(`create-specforge build: ${path} (read by the scaffold) does not exist`);
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  cpSync(from, join(dist, path), { recursive: statSync(from).isDirectory(), filter: (src) => !SKIPPED(src.slice(repo.length + 1)) });
}
