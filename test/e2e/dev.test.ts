import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../support/exec.js";
import { copyDevRoot } from "../../tools/codegen/src/dev/copy-root.js";
import { freePort } from "../support/prism.js";

// `pnpm dev` end to end, on a private copy of spec/ and the generated packages (the real spec is
// never edited): a save reaches the running Prism mock and the served API reference without a
// restart, and a change to the Redocly plugins restarts the watch loop. Every wait is for an
// observable result, with a deadline only as a failure guard.
// A private copy of the project (config, spec sources, generated packages): the real spec is never edited.
const root = copyDevRoot(repoRoot, mkdtempSync(join(tmpdir(), "specforge-pnpm-dev-")));

let dev: ChildProcess;
let out = "";
let mockUrl = "";
let docsUrl = "";

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, deadlineMs = 90_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (dev.exitCode !== null) throw new Error(`pnpm dev exited while waiting for ${what}:\n${out}`);
    if (Date.now() > end) throw new Error(`no ${what} after ${deadlineMs} ms:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
const get = async (url: string, headers: Record<string, string> = {}) => {
  try {
    const res = await fetch(url, { headers });
    return { status: res.status, text: await res.text() };
  } catch {
    return undefined; // not listening (yet, or Prism reloading)
  }
};
const me = () => get(`${mockUrl}/users/me`, { Authorization: "Bearer dev-test" });
const EXAMPLE = join(root, "spec/components/examples/UserAdaExample.yaml");

describe("pnpm dev", () => {
  beforeAll(async () => {
    const [port, docsPort] = [await freePort(), await freePort()];
    mockUrl = `http://127.0.0.1:${port}`;
    docsUrl = `http://127.0.0.1:${docsPort}`;
    dev = spawn(process.execPath, [join(repoRoot, "tools/scripts/dev.mjs"), "--root", root, "--port", String(port), "--docs-port", String(docsPort)], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    dev.stdout!.on("data", (c) => (out += String(c)));
    dev.stderr!.on("data", (c) => (out += String(c)));
    await until("mock server", async () => ((await me())?.status === 200 ? true : undefined));
    await until("API reference", async () => ((await get(docsUrl))?.text.includes("Ada Lovelace") ? true : undefined));
  });
  afterAll(async () => {
    if (dev && dev.exitCode === null) {
      dev.kill("SIGKILL");
      await new Promise((r) => dev.once("exit", r));
    }
    rmSync(root, { recursive: true, force: true });
  });

  it("serves the mock from the generated mock spec and the reference from the bundle, without Prism's route listing", async () => {
    expect(out).toMatch(/Mock Platform API ready at http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/API reference at http:\/\/127\.0\.0\.1:\d+/);
    expect(out).not.toMatch(/info\s+GET\s+http/);
    expect((await me())!.text).toContain('"name":"Ada Lovelace"');
  });

  it("a save reaches Prism and the API reference without a restart", async () => {
    writeFileSync(EXAMPLE, readFileSync(EXAMPLE, "utf8").replace(/^(\s+name:) Ada Lovelace$/m, "$1 Ada King Lovelace"));
    const body = await until("the edited example from Prism", async () => {
      const r = await me();
      return r?.text.includes("Ada King") ? r.text : undefined;
    });
    expect(body).toContain('"name":"Ada King Lovelace"');
    const page = await until("the rebuilt reference", async () => {
      const r = await get(docsUrl);
      return r?.text.includes("Ada King Lovelace") ? r.text : undefined;
    });
    expect(page).toContain("Ada King Lovelace");
    expect(out.match(/Mock Platform API ready/g)).toHaveLength(1); // the same Prism process reloaded
  });

  it("a change to a Redocly plugin restarts the watch loop", async () => {
    const plugin = join(root, "spec/plugins/vendor-extensions.js");
    writeFileSync(plugin, readFileSync(plugin, "utf8") + "\n// touched by the test\n");
    await until("a restart", () => (/spec\/plugins\/vendor-extensions\.js changed: restarting the watch loop[\s\S]*✓ \d+ ms \(start\)/.test(out) ? true : undefined));
  });

  it("stops everything on SIGTERM", async () => {
    dev.kill("SIGTERM");
    const code = await new Promise((r) => dev.once("exit", r));
    expect(code).toBe(0);
    expect(await me()).toBeUndefined();
    expect(await get(docsUrl)).toBeUndefined();
  });
});
