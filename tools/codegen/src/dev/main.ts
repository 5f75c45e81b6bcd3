// The watch loop as a process: `tsx tools/codegen/src/dev/main.ts [--root <dir>] [--cli]`.
// `pnpm dev` (tools/scripts/dev.mjs) runs it as a child and restarts it when the generators
// change; with an IPC channel (fork) every event is also sent to the parent.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startDevLoop } from "./dev-loop.js";

// In specforge's repository (src/ or dist/) the Redocly CLI is its spec package's; installed in a
// project (node_modules/@specforge/codegen/dist/dev), it is the project's, found from --root.
const here = fileURLToPath(new URL("../../../../", import.meta.url));
const inRepository = existsSync(join(here, "spec/package.json")) && existsSync(join(here, "tools/codegen/package.json"));
const USAGE = `Usage: node tools/scripts/dev.mjs runs this loop; alone: tsx tools/codegen/src/dev/main.ts [--root <dir>] [--cli] [--debounce <ms>]

  --root <dir>      folder with spec/ and packages/ (default: specforge's repository, else the current folder)
  --cli             run the Redocly CLI per change instead of its engine in-process (slower)
  --debounce <ms>   quiet time after a file event before a run (default 25)`;

let values;
try {
  ({ values } = parseArgs({ options: { root: { type: "string" }, cli: { type: "boolean" }, debounce: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }));
} catch (err) {
  process.stderr.write(`dev: ${(err as Error).message}\n\n${USAGE}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(USAGE + "\n");
  process.exit(0);
}
const debounceMs = values.debounce === undefined ? undefined : Number(values.debounce);
if (debounceMs !== undefined && !(debounceMs >= 0)) {
  process.stderr.write("dev: --debounce must be a number of milliseconds\n");
  process.exit(2);
}

process.env.REDOCLY_TELEMETRY ??= "off";
let loop;
try {
  const root = values.root ?? (inRepository ? here : process.cwd());
  loop = await startDevLoop({
    root,
    repoRoot: inRepository ? here : root,
    ...(values.cli ? { cli: true } : {}),
    ...(debounceMs !== undefined ? { debounceMs } : {}),
    ...(process.send ? { onEvent: (event) => process.send!(event) } : {}),
  });
} catch (err) {
  // Redocly's errors would otherwise print a line of its minified source.
  process.stderr.write(`dev: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await loop.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
process.on("disconnect", stop);
