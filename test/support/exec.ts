import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and never throws on a non-zero exit: tests assert on it. */
export function exec(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        cwd: options.cwd ?? repoRoot,
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", FORCE_COLOR: "0", NO_COLOR: "1", ...options.env },
        timeout: options.timeoutMs ?? 300_000,
        maxBuffer: 64 * 1024 * 1024,
        encoding: "utf8",
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
        // Killed (the timeout, or a signal): say so, or a failure reads as an exit 1 with no output.
        const killed = err && (err as { killed?: boolean; signal?: string }).killed ? `\n[exec: ${cmd} ${args.join(" ")} killed by ${(err as { signal?: string }).signal} after the ${options.timeoutMs ?? 300_000} ms timeout]` : "";
        resolve({ code, stdout, stderr: stderr + killed });
      },
    );
  });
}

export const bin = (name: string) => `${repoRoot}node_modules/.bin/${name}`;
