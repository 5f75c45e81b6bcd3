// Finds and loads a project's specforge.config.{ts,mts,mjs,js}. TypeScript configs are
// transpiled with the TypeScript compiler the generator already depends on; every config is
// imported from a copy beside the original (so its own relative imports resolve as written),
// removed at once, with `@specforge/codegen/config` pointing at this very module (so a config
// loads in a folder with no node_modules, e.g. a copy of the project, and with one loader).
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, resolveConfig } from "./resolve-config.mjs";

export const CONFIG_FILES = ["specforge.config.ts", "specforge.config.mts", "specforge.config.mjs", "specforge.config.js"];

export function findConfig(cwd = process.cwd()) {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return undefined;
  }
}

export async function loadConfig(options = {}) {
  const file = options.file ? resolve(options.file) : findConfig(options.cwd);
  if (!file) throw new ConfigError(undefined, "", `no ${CONFIG_FILES[0]} in ${resolve(options.cwd ?? ".")} or above (create one: export default defineConfig({ scope: "@acme" }))`);
  if (!existsSync(file)) throw new ConfigError(file, "", "does not exist");
  let mod;
  try {
    mod = await importCopy(file);
  } catch (err) {
    throw new ConfigError(file, "", `cannot be loaded: ${err instanceof Error ? err.message : String(err)}`);
  }
  return resolveConfig(mod.default ?? mod.config, file, dirname(file));
}

const SELF = JSON.stringify(new URL("./config.mjs", import.meta.url).href);

async function importCopy(file) {
  let code = readFileSync(file, "utf8");
  if (/\.m?ts$/.test(file)) {
    const ts = createRequire(import.meta.url)("typescript");
    code = ts.transpileModule(code, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    }).outputText;
  }
  code = code.replace(/(["'])@specforge\/codegen\/config\1/g, SELF);
  const tmp = join(dirname(file), `.${basename(file).replace(/\.[mc]?[jt]s$/, "")}.${process.pid}-${Date.now()}.mjs`);
  writeFileSync(tmp, code);
  try {
    return await import(pathToFileURL(tmp).href);
  } finally {
    rmSync(tmp, { force: true });
  }
}
