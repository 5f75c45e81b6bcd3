// The code generator's modules these scripts use. In specforge's repository they are its own
// sources (tools/codegen), so a change to them needs no build; in a project made by the scaffold
// they come from the installed @specforge/codegen package, at the version its package.json pins.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const sources = join(root, "tools/codegen/src");
const fromSources = existsSync(join(sources, "dev/main.ts"));
const load = (file, specifier) => import(fromSources ? pathToFileURL(join(sources, file)).href : specifier);

export const { loadConfig } = await load("config/config.mjs", "@specforge/codegen/config");
export const { terminalText } = await load("terminal-text.mjs", "@specforge/codegen/terminal-text");
export const { watchTree } = await load("dev/watch-tree.mjs", "@specforge/codegen/dev/watch-tree");

/**
 * How `pnpm dev` runs the watch loop: from the sources with tsx, restarted when they change; or
 * the installed package's compiled loop with plain node (it changes only with an upgrade).
 * @type {{ entry: string, execArgv: string[], sources?: string }}
 */
export const devLoop = fromSources
  ? { entry: join(sources, "dev/main.ts"), execArgv: ["--import", pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href], sources }
  : { entry: fileURLToPath(import.meta.resolve("@specforge/codegen/dev/main")), execArgv: [] };
