import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./prism.js";

const verdaccioBin = fileURLToPath(new URL("../node_modules/verdaccio/bin/verdaccio", import.meta.url));

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** A token of a user registered on it, allowed to publish. */
  token: string;
  /** An .npmrc (npm_config_userconfig) that points npm and pnpm at it with that token. */
  npmrc: string;
  stop(): Promise<void>;
  output(): string;
}

/**
 * Whether the public npm registry (Verdaccio's uplink for everything that is not ours) answers:
 * the release test needs it for openapi-fetch, zod and the like. Returns why not, or undefined.
 */
export async function upstreamUnreachable(upstream: string): Promise<string | undefined> {
  try {
    const res = await fetch(new URL("zod", upstream), { signal: AbortSignal.timeout(10_000), headers: { accept: "application/vnd.npm.install-v1+json" } });
    await res.body?.cancel();
    return res.ok ? undefined : `${upstream} answered ${res.status}`;
  } catch (err) {
    return `${upstream} cannot be reached (${(err as Error).cause ? String((err as Error & { cause: unknown }).cause) : (err as Error).message})`;
  }
}

/**
 * Verdaccio on 127.0.0.1 (a free port) with a throwaway storage and htpasswd file in `dir`:
 * @specforge/* and create-specforge are local only (never looked up upstream, so a consumer can
 * only get what this test published); everything else is proxied to `upstream`.
 */
export async function startRegistry(dir: string, upstream: string, localPackages: string[]): Promise<LocalRegistry> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const local = localPackages.map((p) => `  '${p}':\n    access: $all\n    publish: $authenticated\n`).join("");
  writeFileSync(
    join(dir, "config.yaml"),
    `storage: ${JSON.stringify(join(dir, "storage"))}
auth:
  htpasswd:
    file: ${JSON.stringify(join(dir, "htpasswd"))}
    max_users: 10
uplinks:
  npmjs:
    url: ${JSON.stringify(upstream)}
    timeout: 60s
    maxage: 30m
packages:
${local}  '**':
    access: $all
    publish: $authenticated
    proxy: npmjs
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`,
  );
  const child: ChildProcess = spawn(process.execPath, [verdaccioBin, "--config", join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  let out = "";
  child.stdout!.on("data", (c) => (out += String(c)));
  child.stderr!.on("data", (c) => (out += String(c)));
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`verdaccio exited with ${code}:\n${out}`))));
  exited.catch(() => {});
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ping = await Promise.race([fetch(new URL("-/ping", url)).then((r) => r.ok, () => false), exited]);
    if (ping) break;
    if (Date.now() > deadline) throw new Error(`verdaccio did not answer within 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // `npm adduser` as an API call: the htpasswd plugin registers the user and returns its token.
  const res = await fetch(new URL("-/user/org.couchdb.user:specforge", url), {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "specforge", password: "release-test", email: "release@specforge.test" }),
  });
  const body = (await res.json()) as { token?: string };
  if (!res.ok || !body.token) throw new Error(`registering a user on verdaccio failed (${res.status}): ${JSON.stringify(body)}`);
  const npmrc = join(dir, ".npmrc");
  writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${body.token}\n`);
  return {
    url,
    token: body.token,
    npmrc,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
