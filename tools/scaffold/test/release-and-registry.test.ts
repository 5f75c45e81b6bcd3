/**
 * The release tag was v0.0.0 for valid semver such as 1.0.27-SNAPSHOT; --no-install printed a
 * `start` that fails (no lockfile for the README's --frozen-lockfile); a registry without
 * specforge's packages gave pnpm's 404 alone. Want: semver tagged as is (and a note otherwise),
 * the right next commands, one line naming the packages, the registry and --registry.
 */
import { describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { releaseVersion } from "../src/release-tag.mjs";
import { fakeNpx } from "./support/fake-npx.js";
import { tinySpec, writeSpec } from "./support/tiny-spec.js";

const bin = fileURLToPath(new URL("../bin/scaffold.mjs", import.meta.url));

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("the release tag", () => {
  it("takes any semver as it is and says what it tags otherwise", () => {
    for (const v of ["1.0.27-SNAPSHOT", "2.0.0+build.5", "1.2.3-rc.1+sha.abc", "0.0.1"]) expect(releaseVersion(v)).toEqual({ version: v });
    for (const v of ["1.x", "v2", "2024-01-01", "1.0", 3, undefined]) {
      const r = releaseVersion(v);
      expect(r.version).toBe("0.0.0");
      expect(r.note).toMatch(/tagged v0\.0\.0/);
    }
  });

  it("tags the first commit with a prerelease version", async () => {
    const { dir, file } = writeSpec(tinySpec({ info: { title: "T", version: "1.0.27-SNAPSHOT" } }));
    try {
      const out = join(dir, "out");
      const r = await cli(["--spec", file, "--scope", "@acme", "--out", out], { PATH: `${fakeNpx(dir)}:${process.env.PATH}` });
      expect(r.code, r.stderr).toBe(0);
      expect(execFileSync("git", ["tag"], { cwd: out, encoding: "utf8" }).trim()).toBe("v1.0.27-SNAPSHOT");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("--no-install and --registry", () => {
  it("prints next commands that work without a lockfile, and --registry writes .npmrc", async () => {
    const { dir, file } = writeSpec(tinySpec());
    try {
      const out = join(dir, "out");
      const r = await cli(["--spec", file, "--scope", "@acme", "--out", out, "--no-install", "--registry", "http://127.0.0.1:4873"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/pnpm@12\.4\.2 install && npx -y pnpm@12\.4\.2 generate/);
      expect(r.stdout).not.toMatch(/frozen-lockfile &&|--frozen-lockfile$/m);
      expect(r.stdout).toMatch(/pnpm-lock\.yaml/);
      expect(readFileSync(join(out, ".npmrc"), "utf8")).toMatch(/^@specforge:registry=http:\/\/127\.0\.0\.1:4873\/$/m);
      const help = await cli(["--help"]);
      expect(help.stdout).toMatch(/--registry <url>/);
      expect(help.stdout).toMatch(/--no-install[\s\S]*without\s+--frozen-lockfile/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses a --registry that is not a URL before writing anything", async () => {
    const { dir, file } = writeSpec(tinySpec());
    try {
      const r = await cli(["--spec", file, "--scope", "@acme", "--out", join(dir, "out"), "--registry", "npm.example"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/--registry "npm\.example": not a URL/);
      expect(existsSync(join(dir, "out"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says which packages are missing from which registry, and how to point elsewhere", async () => {
    const { dir, file } = writeSpec(tinySpec());
    try {
      const r = await cli(["--spec", file, "--scope", "@acme", "--out", join(dir, "out")], { PATH: `${fakeNpx(dir)}:${process.env.PATH}`, FAKE_NPX: "404" });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/needs @specforge\/codegen@\S+, @specforge\/spec-diff@\S+, @specforge\/runtime@\S+ from a registry, and https:\/\/registry\.npmjs\.org has not got @specforge\/codegen/);
      expect(r.stderr).toMatch(/--registry <url>.*pnpm_config_registry/);
      expect(r.stderr).not.toMatch(/ERR_PNPM_FETCH_404/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
