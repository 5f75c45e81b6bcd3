/**
 * The generated client imports `@specforge/runtime/client`, which resolves to the runtime's
 * TypeScript sources only under the `@specforge/source` export condition (else to a possibly stale
 * `dist/`). A bench that needs the sources calls this first: without the condition it runs itself
 * again in a child with it (and tsx as a loader) and exits with the child's code.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export function ensureSourceConditions(script: string): void {
  if (import.meta.resolve("@specforge/runtime/client").endsWith(".ts")) return;
  const tsx = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href;
  const { status } = spawnSync(process.execPath, ["--conditions=@specforge/source", "--import", tsx, fileURLToPath(script), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(status ?? 1);
}
