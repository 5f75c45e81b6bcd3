import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { accessSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
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
