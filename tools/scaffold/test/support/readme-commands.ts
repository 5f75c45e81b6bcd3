import { spawn } from "node:child_process";

const PNPM = "npx -y pnpm@12.4.2";

/**
 * A scaffolded project's README command 1 (`install && start`) in the background: resolves once
 * start says the API reference is ready (Prism is up by then). `stop` ends the whole process group.
 */
export async function startMainCommand(dir: string, port: number, docsPort: number, env: NodeJS.ProcessEnv = {}) {
  const child = spawn("sh", ["-c", `${PNPM} install --frozen-lockfile && ${PNPM} start --port ${port}`], {
    cwd: dir,
    env: { ...process.env, ...env, DOCS_PORT: String(docsPort), TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  child.stdout.on("data", (c) => (out += String(c)));
  child.stderr.on("data", (c) => (out += String(c)));
  const stop = () =>
    new Promise<number | null>((r) => {
      if (child.exitCode !== null) return r(child.exitCode);
      child.once("exit", (code) => r(code));
      process.kill(-child.pid!, "SIGTERM");
    });
  const deadline = Date.now() + 900_000;
  while (!/API reference ready at/.test(out)) {
    if (child.exitCode !== null) throw new Error(`start exited with ${child.exitCode}:\n${out.slice(-4000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`start did not get ready:\n${out.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { output: () => out, stop };
}

/** README command 2, as a shell line (run it with the caller's exec and timeout). */
export const TEST_COMMAND = `${PNPM} install --frozen-lockfile && ${PNPM} test`;
