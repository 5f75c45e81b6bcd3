/**
 * The scaffold's BFF as its README runs it: the CLI of packages/bff (built by `start`), configured
 * by BFF_* variables, in front of the scaffold's Prism. What it needs from the scaffold (the
 * generated client's operation ids and credentials) is read through the scaffold's own packages.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { join } from "node:path";

/** A Standard Webhooks secret (`whsec_` + base64 of the HMAC key). */
export const WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

export interface Operation {
  id: string;
  path: string;
  /** Credential kinds its security accepts; null when it names none the client knows. */
  credentials: string[] | null;
}

/** The GET operations of the scaffold's generated client (`operationMeta`), imported as the BFF imports them. */
export function getOperations(dir: string, scope: string): Operation[] {
  const code = `import { operationMeta } from "${scope}/client";
const gets = Object.values(operationMeta).filter((m) => m.method === "get");
process.stdout.write(JSON.stringify(gets.map((m) => ({ id: m.id, path: m.path, credentials: m.credentials ?? null }))));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: join(dir, "packages/bff"), encoding: "utf8" })) as Operation[];
}

/** The BFF_* credential for an operation: a bearer token, else an API key; undefined for one it has no setting for (HTTP basic). */
export function credentialEnv(op: Operation): Record<string, string> | undefined {
  if (!op.credentials || op.credentials.includes("bearer")) return { BFF_BEARER_TOKEN: "scaffold-test-token" };
  if (op.credentials.includes("apiKey")) return { BFF_API_KEY: "scaffold-test-key" };
  return undefined;
}

/** `node packages/bff/dist/cli.js --port 0`; resolves with its URL once it listens. */
export async function startBff(dir: string, env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(dir, "packages/bff/dist/cli.js"), "--port", "0"], { cwd: dir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c) => (out += String(c)));
  child.stderr.on("data", (c) => (out += String(c)));
  const deadline = Date.now() + 30_000;
  let m: RegExpExecArray | null;
  while (!(m = /BFF listening on (http:\/\/\S+?)\/api /.exec(out))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`the BFF did not start (exit ${child.exitCode}):\n${out.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url: m[1]!, stop };
}

/** Standard Webhooks headers signing `body` with WEBHOOK_SECRET. */
export function signed(body: string, id: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(WEBHOOK_SECRET.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
}
