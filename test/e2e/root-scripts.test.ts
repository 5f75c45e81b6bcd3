import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { accessSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exec, repoRoot } from "../support/exec.js";
import { freePort } from "../support/prism.js";

const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string>; "scripts-info": Record<string, string> };
const pnpm = ["-y", "pnpm@12.4.2"];

const hasScript = (() => {
  try {
    accessSync("/usr/bin/script");
    return true;
  } catch {
    return false;
  }
})();
if (!hasScript) console.warn("root-scripts.test: the Ctrl+C case skipped — util-linux `script` (a pseudo-terminal) is not installed (apt-get install -y util-linux)");

/** `pnpm mock --spec <spec> --port <port>`, with everything it prints. */
function runMock(spec: string, port: number) {
  const child = spawn(process.execPath, ["tools/scripts/mock.mjs", "--spec", spec, "--port", String(port)], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c) => (out += String(c)));
  child.stderr.on("data", (c) => (out += String(c)));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, output: () => out, exited };
}

describe("root scripts", () => {
  it("`pnpm run help` lists every root script with its one line", async () => {
    expect(Object.keys(pkg["scripts-info"]).sort()).toEqual(Object.keys(pkg.scripts).sort());
    const res = await exec("npx", [...pnpm, "--silent", "run", "help"]);
    expect(res.code, res.stderr).toBe(0);
    for (const [name, line] of Object.entries(pkg["scripts-info"])) expect(res.stdout).toContain(`  ${name.padEnd(16)}  ${line}`);
  });

  it("a busy mock port is one line naming the port and the flag, exit 1", async () => {
    const port = await freePort();
    const busy: Server = createServer();
    await new Promise<void>((r) => busy.listen(port, "127.0.0.1", r));
    try {
      const res = await exec(process.execPath, ["tools/scripts/mock.mjs", "--port", String(port)]);
      expect(res.code).toBe(1);
      expect(res.stderr.trim()).toBe(`mock: port ${port} on 127.0.0.1 is already in use; pick another with --port <n> (or PORT=<n>)`);
      expect(res.stdout).toBe("");
    } finally {
      busy.close();
    }
  });

  it("a spec with webhooks only (Prism refuses it: no operations) gets a mock that answers 404 saying why, and stops cleanly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-mock-webhooks-"));
    const spec = join(dir, "openapi.mock.json");
    writeFileSync(spec, JSON.stringify({ openapi: "3.1.0", info: { title: "Hooks", version: "1" }, webhooks: { newPet: { post: { responses: { "200": { description: "ok" } } } } } }));
    const port = await freePort();
    const { child, output, exited } = runMock(spec, port);
    try {
      // Up to 60 s, as below: node starting the mock on a loaded machine can take a while, and the wait ends as soon as it is ready.
      for (let i = 0; i < 600 && !/ready at http/.test(output()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(output()).toMatch(/has no operations \(webhooks only\), so every request gets 404/);
      const res = await fetch(`http://127.0.0.1:${port}/pets`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 404, detail: "The spec has no operations (webhooks only): there is nothing to mock" });
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a request that crashes Prism gets a 502 naming Prism's error, and the mock answers the next one", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-mock-crash-"));
    const spec = join(dir, "openapi.mock.json");
    const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" }, example: { ok: true } } } } };
    // Prism 5.16 ends its process on a label-style array path parameter (the codegen's mock spec
    // relaxes it; a raw spec given with --spec keeps it).
    writeFileSync(spec, JSON.stringify({
      openapi: "3.0.3",
      info: { title: "Crash", version: "1" },
      paths: {
        "/items/{ids}": { get: { operationId: "items", parameters: [{ name: "ids", in: "path", required: true, style: "label", schema: { type: "array", items: { type: "string" } } }], responses: ok } },
        "/health": { get: { operationId: "health", responses: ok } },
      },
    }));
    const port = await freePort();
    const { child, output, exited } = runMock(spec, port);
    const base = `http://127.0.0.1:${port}`;
    try {
      for (let i = 0; i < 600 && !/ready at http/.test(output()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(output()).toContain(`ready at ${base}`);
      expect((await fetch(`${base}/health`)).status).toBe(200);
      // Prism's own route listing names the public port, not the one it listens on behind the front.
      expect(output()).toContain(`GET        ${base}/health`);

      const crashed = await fetch(`${base}/items/.a,b`, { headers: { origin: "http://localhost:5173" } });
      expect(crashed.status).toBe(502);
      expect(crashed.headers.get("content-type")).toBe("application/problem+json");
      expect(crashed.headers.get("access-control-allow-origin")).toBe("*");
      const problem = (await crashed.json()) as { status: number; detail: string };
      expect(problem.status).toBe(502);
      expect(problem.detail).toMatch(/^The mock server \(Prism\) stopped after receiving GET \/items\/\.a,b \(TypeError: .*\); it is restarting/);

      // Held until the new Prism listens, then answered by it.
      const again = await fetch(`${base}/health`, { method: "GET", headers: { prefer: "code=200" } });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ ok: true });
      expect(output()).toMatch(/mock: Prism stopped \(exit code 1\) after receiving GET \/items\/\.a,b: TypeError: /);
      expect(output()).toContain("mock: Prism is back (restart 1)");
      // Request bodies and repeated headers pass through as sent (Prism validates them).
      const posted = await fetch(`${base}/health`, { method: "POST", body: "x".repeat(100_000) });
      expect(posted.status).toBe(405);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasScript)("Ctrl+C at a terminal stops `pnpm mock` with exit code 0 and no ELIFECYCLE", async () => {
    const port = await freePort();
    // `script` gives the command a real pseudo-terminal, as a developer's shell does; what is written
    // to its stdin arrives as typed keys.
    const child = spawn("script", ["-qfec", `npx ${pnpm.join(" ")} mock --port ${port}`, "/dev/null"], { cwd: repoRoot, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    child.stdout.on("data", (c) => (out += String(c)));
    child.stderr.on("data", (c) => (out += String(c)));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const deadline = Date.now() + 90_000;
    while (!/ready at http/.test(out)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the mock did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    child.stdin.write("\x03");
    const code = await exited;
    expect(out).not.toMatch(/ELIFECYCLE|Command failed/);
    expect(code, out).toBe(0);
  }, 120_000);
});
