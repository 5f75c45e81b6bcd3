// dist/ is the part of this repository the scaffold reads, in the repository's layout: the
// scaffold itself (tools/scaffold/src, which finds "the repository" three folders above it) and
// every file it copies or reads (its COPIED list, the generated packages' shells, the root and
// spec/test manifests). It runs as `prepack` (so `pnpm publish` / `changeset publish` ship the
// repository as it is then): no build task, nothing for turbo to cache or go stale.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
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
  // What the scaffold itself runs (its command line's escaping of spec text in messages).
  "tools/codegen/src/terminal-text.mjs",
];
rmSync(dist, { recursive: true, force: true });
for (const path of new Set(paths)) {
  const from = join(repo, path);
  if (!existsSync(from)) throw new Error(`create-specforge build: ${path} (read by the scaffold) does not exist`);
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  cpSync(from, join(dist, path), { recursive: statSync(from).isDirectory(), filter: (src) => !SKIPPED(src.slice(repo.length + 1)) });
}

// Every relative import of the shipped scaffold must be shipped too: the repository has the file,
// so only an installed create-specforge would find out.
for (const file of readdirSync(join(dist, "tools/scaffold/src"))) {
  const text = readFileSync(join(dist, "tools/scaffold/src", file), "utf8");
  for (const [, spec] of text.matchAll(/^import [^;]*?from "(\.{1,2}\/[^"]+\.mjs)";/gms)) {
    if (!existsSync(join(dist, "tools/scaffold/src", spec))) throw new Error(`create-specforge build: tools/scaffold/src/${file} imports ${spec}, which is not shipped (add it to the paths above)`);
  }
}
