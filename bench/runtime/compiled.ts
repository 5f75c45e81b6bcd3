/**
 * The runtime and the generated client compiled by tsc into a temporary folder, as a consumer gets
 * them from npm (plain JS, no loader): timing the TypeScript sources through tsx would add the
 * loader's transform artefacts (esbuild's keepNames wrappers) to one side of the comparison only.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Compiles both packages and returns the URL of the client's entry point; the folder goes at exit. */
export function compileClient(): string {
  const dir = mkdtempSync(join(tmpdir(), "specforge-bench-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const runtime = join(dir, "node_modules/@specforge/runtime");
  mkdirSync(runtime, { recursive: true });
  cpSync(join(root, "packages/runtime/package.json"), join(runtime, "package.json"));
  symlinkSync(realpathSync(join(root, "packages/runtime/node_modules/openapi-fetch")), join(dir, "node_modules/openapi-fetch"), "dir");
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  // Emit only: type checking is the packages' own typecheck task, and the client's types import
  // @specforge/types, which has no dist/ until it is built.
  const flags = ["--noCheck", "--declaration", "false", "--declarationMap", "false", "--sourceMap", "false"];
  execFileSync(process.execPath, [tsc, "-p", join(root, "packages/runtime/tsconfig.build.json"), "--outDir", join(runtime, "dist"), ...flags], { stdio: "inherit" });
  execFileSync(process.execPath, [tsc, "-p", join(root, "packages/client/tsconfig.build.json"), "--outDir", join(dir, "client"), ...flags], { stdio: "inherit" });
  writeFileSync(join(dir, "client/package.json"), JSON.stringify({ type: "module" }));
  return pathToFileURL(join(dir, "client/index.js")).href;
}
