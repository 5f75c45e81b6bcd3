// The command line shared by `pnpm scaffold` (bin/scaffold.mjs) and `npm create specforge`
// (tools/create-specforge): one option table, one way to report. Returns the exit code; the bins
// exit with it.
import { parseArgs } from "node:util";
import { scaffold, ScaffoldError } from "./scaffold.mjs";
import { terminalText } from "../../codegen/src/terminal-text.mjs";

const OPTIONS = {
  spec: { type: "string" },
  scope: { type: "string" },
  out: { type: "string" },
  name: { type: "string" },
  "no-install": { type: "boolean" },
  registry: { type: "string" },
  help: { type: "boolean", short: "h" },
};

/**
 * @param {{ prog: string; usage: string; args: string[]; positionalOut: boolean; required: string }} cli
 *   `positionalOut`: the folder may be the first argument (`npm create specforge <dir>`);
 *   `required`: how the usage error names what is missing.
 * @returns {Promise<number>}
 */
export async function runScaffoldCli({ prog, usage, args, positionalOut, required }) {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: positionalOut, strict: true }));
    if (positionals.length > 1 || (positionals.length && values.out)) throw new Error(`one folder, as the first argument (got ${[values.out, ...positionals].filter(Boolean).join(", ")})`);
  } catch (err) {
    console.error(`${prog}: ${err.message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const out = positionals[0] ?? values.out;
  if (!out || !values.spec || !values.scope) {
    console.error(`${prog}: ${required} are required\n\n${usage}`);
    return 2;
  }
  try {
    const result = await scaffold({
      spec: values.spec,
      scope: values.scope,
      out,
      ...(values.name ? { name: values.name } : {}),
      ...(values.registry !== undefined ? { registry: values.registry } : {}),
      install: !values["no-install"],
      log: (line) => process.stderr.write(`${prog}: ${terminalText(line, true)}\n`),
    });
    process.stdout.write(`${terminalText(result.next)}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`${prog}: error: ${terminalText(err instanceof ScaffoldError ? err.message : (err?.stack ?? String(err)))}\n`);
    return 1;
  }
}
