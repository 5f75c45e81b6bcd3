import { cpSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILES } from "../config/config.mjs";

/**
 * A private copy of what the dev loop reads and writes — the project config, spec sources, and each generated
 * package's package.json and src/generated — for tests and the bench, which must never edit the
 * real spec. No node_modules, no dist: the loop takes Redocly from the real repository.
 */
export function copyDevRoot(repoRoot: string, dest: string): string {
  mkdirSync(dest, { recursive: true });
  for (const name of CONFIG_FILES) if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(dest, name));
  cpSync(join(repoRoot, "spec"), join(dest, "spec"), {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist|\.turbo)([\\/]|$)/.test(src.slice(repoRoot.length)),
  });
  for (const name of readdirSync(join(repoRoot, "packages"))) {
    const pkg = join(repoRoot, "packages", name);
    const generated = join(pkg, "src", "generated");
    if (!existsSync(generated)) continue;
    cpSync(join(pkg, "package.json"), join(dest, "packages", name, "package.json"));
    cpSync(generated, join(dest, "packages", name, "src", "generated"), { recursive: true });
  }
  return dest;
}
