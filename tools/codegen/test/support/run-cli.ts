import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const bin = new URL("../../bin/codegen.mjs", import.meta.url).pathname;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function spawnCli(args: string[], cwd?: string): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { encoding: "utf8", ...(cwd ? { cwd } : {}) });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// The bin rebuilds dist/ when src/ is newer: once per test file, before the calls that run side by
// side, so concurrent calls do not each start a build.
let built: Promise<CliResult> | undefined;

/**
 * The `codegen` command as users run it (bin/codegen.mjs: the compiled CLI, built first when a
 * source is newer), about a third of the start-up of running src/cli.ts through tsx. Never rejects.
 */
export async function codegen(args: string[], cwd?: string): Promise<CliResult> {
  await (built ??= spawnCli(["--help"]));
  return spawnCli(args, cwd);
}
