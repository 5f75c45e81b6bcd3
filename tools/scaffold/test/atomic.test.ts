/**
 * A failure after the files were in place (a registry 404 at install, a spec `pnpm generate`
 * refuses, git) left a half-made project, and a re-run refused the folder as "not empty"; Ctrl+C
 * or SIGTERM left `<out>.scaffold-<pid>/` and /tmp/specforge-scaffold-*. Want: nothing left
 * behind (an empty folder given stays, empty), a clean re-run, exit 130/143 on a signal.
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fakeNpx } from "./support/fake-npx.js";
import { tinySpec, writeSpec } from "./support/tiny-spec.js";

const bin = fileURLToPath(new URL("../bin/scaffold.mjs", import.meta.url));

const signalAtSwap = fileURLToPath(new URL("./support/signal-at-swap.mjs", import.meta.url));

function scaffoldCli(args: string[], env: Record<string, string>, onSpawn?: (kill: (s: NodeJS.Signals) => void) => void, nodeArgs: string[] = []) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, [...nodeArgs, bin, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("close", (code, signal) => done({ code, signal, stderr }));
    onSpawn?.((s) => child.kill(s));
  });
}

describe("a scaffold that fails or is stopped after its files are in place", () => {
  it("removes what it made when install fails, and a re-run is not refused", async () => {
    const { dir, file } = writeSpec(tinySpec());
    const tmp = mkdtempSync(join(dir, "tmp-"));
    try {
      const env = { PATH: `${fakeNpx(dir)}:${process.env.PATH}`, FAKE_NPX: "404", TMPDIR: tmp };
      for (const out of [join(dir, "new", "deeper", "out"), join(dir, "empty")]) {
        if (out.endsWith("empty")) mkdirSync(out);
        for (let attempt = 0; attempt < 2; attempt++) {
          const r = await scaffoldCli(["--spec", file, "--scope", "@acme", "--out", out], env);
          expect(r.code, r.stderr).toBe(1);
          expect(r.stderr).not.toMatch(/not an empty folder|\n\s+at /);
          expect(r.stderr).toMatch(/removed again/);
          expect(readdirSync(tmp)).toEqual([]);
        }
        if (out.endsWith("empty")) expect(readdirSync(out)).toEqual([]);
        else expect(existsSync(join(dir, "new"))).toBe(false);
      }
      expect(readdirSync(dir).filter((f) => f.includes(".scaffold-"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
    it(`on ${signal} stops the install, removes everything and exits ${code}`, async () => {
      const { dir, file } = writeSpec(tinySpec());
      const tmp = mkdtempSync(join(dir, "tmp-"));
      const mark = join(dir, "installing");
      try {
        const out = join(dir, "out");
        const env = { PATH: `${fakeNpx(dir)}:${process.env.PATH}`, FAKE_NPX: "hang", FAKE_NPX_MARK: mark, TMPDIR: tmp };
        const r = await scaffoldCli(["--spec", file, "--scope", "@acme", "--out", out], env, (kill) => {
          const wait = setInterval(() => existsSync(mark) && (clearInterval(wait), kill(signal)), 50);
        });
        expect(r.code, r.stderr).toBe(code);
        expect(existsSync(out)).toBe(false);
        expect(readdirSync(dir).filter((f) => f.includes(".scaffold-"))).toEqual([]);
        expect(readdirSync(tmp)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  }

  it("on SIGTERM stops the install's whole process tree and waits for it before removing the project", async () => {
    const { dir, file } = writeSpec(tinySpec());
    const tmp = mkdtempSync(join(dir, "tmp-"));
    const mark = join(dir, "installing");
    try {
      const out = join(dir, "out");
      const env = { PATH: `${fakeNpx(dir)}:${process.env.PATH}`, FAKE_NPX: "writing", FAKE_NPX_MARK: mark, TMPDIR: tmp };
      const r = await scaffoldCli(["--spec", file, "--scope", "@acme", "--out", out], env, (kill) => {
        const wait = setInterval(() => existsSync(mark) && (clearInterval(wait), kill("SIGTERM")), 50);
      });
      expect(r.code, r.stderr).toBe(143);
      await new Promise((done) => setTimeout(done, 700));
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("fills an empty folder given in place (same folder, mode and setgid kept) and on failure empties it again", async () => {
    const { dir, file } = writeSpec(tinySpec());
    try {
      const out = join(dir, "given");
      mkdirSync(out);
      chmodSync(out, 0o2775);
      const before = statSync(out);
      const failed = await scaffoldCli(["--spec", file, "--scope", "@acme", "--out", out], { PATH: `${fakeNpx(dir)}:${process.env.PATH}`, FAKE_NPX: "404" });
      expect(failed.code, failed.stderr).toBe(1);
      expect(readdirSync(out)).toEqual([]);
      expect(statSync(out).ino).toBe(before.ino);
      const r = await scaffoldCli(["--spec", file, "--scope", "@acme", "--out", out, "--no-install"], {});
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(out, "package.json"))).toBe(true);
      expect(statSync(out).ino).toBe(before.ino);
      expect(statSync(out).mode).toBe(before.mode);
      expect(readdirSync(dir).filter((f) => f.includes(".scaffold-"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("takes an --out symlink to an empty folder as that folder, and refuses a dangling one in one line", async () => {
    const { dir, file } = writeSpec(tinySpec());
    try {
      const real = join(dir, "real");
      mkdirSync(real);
      symlinkSync(real, join(dir, "link"));
      const failed = await scaffoldCli(["--spec", file, "--scope", "@acme", "--out", join(dir, "link")], { PATH: `${fakeNpx(dir)}:${process.env.PATH}`, FAKE_NPX: "404" });
      expect(failed.code, failed.stderr).toBe(1);
      expect(failed.stderr).not.toMatch(/ENOTDIR|\n\s+at /);
      expect(lstatSync(join(dir, "link")).isSymbolicLink()).toBe(true);
      expect(readdirSync(real)).toEqual([]);
      const r = await scaffoldCli(["--spec", file, "--scope", "@acme", "--out", join(dir, "link"), "--no-install"], {});
      expect(r.code, r.stderr).toBe(0);
      expect(lstatSync(join(dir, "link")).isSymbolicLink()).toBe(true);
      expect(existsSync(join(real, "package.json"))).toBe(true);
      symlinkSync(join(dir, "nothing"), join(dir, "dangling"));
      const dangling = await scaffoldCli(["--spec", file, "--scope", "@acme", "--out", join(dir, "dangling"), "--no-install"], {});
      expect(dangling.code).toBe(1);
      expect(dangling.stderr).toMatch(/--out .*dangling.* symlink/);
      expect(dangling.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("with --no-install, a SIGTERM that arrives during the synchronous copy and swap still undoes it all and exits 143", async () => {
    const { dir, file } = writeSpec(tinySpec());
    const tmp = mkdtempSync(join(dir, "tmp-"));
    try {
      const out = join(dir, "out");
      const r = await scaffoldCli(["--spec", file, "--scope", "@acme", "--out", out, "--no-install"], { TMPDIR: tmp, SIGNAL_AT_SWAP: "SIGTERM" }, undefined, ["--import", signalAtSwap]);
      expect(r.code, r.stderr).toBe(143);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes(".scaffold-"))).toEqual([]);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
