import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { repoRoot } from "./exec.js";
import { freePort } from "./prism.js";

export interface RemoteCache {
  /** TURBO_API: the server's base URL on 127.0.0.1. */
  url: string;
  /** TURBO_TOKEN the server accepts (random per server). */
  token: string;
  stop(): Promise<void>;
  /** Everything the server logged, for failure messages. */
  output(): string;
}

/**
 * A real turbo remote cache: `turborepo-remote-cache` (ducktors) with its local storage in
 * `storage`, static token auth, on a free 127.0.0.1 port. Resolves once its status route answers.
 */
export async function startRemoteCache(storage: string, timeoutMs = 30_000): Promise<RemoteCache> {
  const port = await freePort();
  const token = randomBytes(24).toString("hex");
  const child = spawn(`${repoRoot}test/node_modules/.bin/turborepo-remote-cache`, [], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      STORAGE_PROVIDER: "local",
      STORAGE_PATH: storage,
      // Otherwise STORAGE_PATH is taken relative to the OS temp folder.
      STORAGE_PATH_USE_TMP_FOLDER: "false",
      AUTH_MODE: "static",
      TURBO_TOKEN: token,
    },
  });
  let out = "";
  child.stdout.on("data", (c) => (out += String(c)));
  child.stderr.on("data", (c) => (out += String(c)));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      // A stop never holds up the suite: past SIGKILL there is nothing left to wait for.
      setTimeout(resolve, 10_000).unref();
    });

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`turborepo-remote-cache exited with ${child.exitCode}:\n${out}`);
    const ok = await fetch(`${url}/v8/artifacts/status`, { headers: { Authorization: `Bearer ${token}` } }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`turborepo-remote-cache did not answer within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, token, stop, output: () => out };
}
