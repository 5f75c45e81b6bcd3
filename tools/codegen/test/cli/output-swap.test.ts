/**
 * The swap of the output folder, from outside: its mode, a symlinked --out, Ctrl-C during a run
 * and what a killed run left behind.
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codegen } from "../support/run-cli.js";
import { sweepStaleStaging } from "../../src/write/stale-staging.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const fixture = new URL("../fixtures/multi-file/openapi.yaml", import.meta.url).pathname;
const bin = new URL("../../bin/codegen.mjs", import.meta.url).pathname;

/** A spec big enough that a run takes a few seconds: time to interrupt it. */
function bigSpec(file: string): void {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < 4000; i++) {
    schemas[`S${i}`] = { type: "object", required: ["a"], properties: { a: { type: "string", minLength: 1 }, b: { $ref: `#/components/schemas/S${(i + 1) % 4000}` }, c: { type: "array", items: { type: "integer" } } } };
  }
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < 500; i++) {
    paths[`/r${i}/{id}`] = { get: { operationId: `get${i}`, parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: `#/components/schemas/S${i}` } } } } } } };
  }
  writeFileSync(file, JSON.stringify({ openapi: "3.1.0", info: { title: "big", version: "1" }, paths, components: { schemas } }));
}

describe("swapping the output folder in", () => {
  it("gives the folder the umask's mode, not mkdtemp's 0700", async () => {
    const root = scratch("cg-swap-");
    mkdirSync(join(root, "probe"));
    const res = await codegen([fixture, "-o", join(root, "out"), "--targets", "types", "--quiet"]);
    expect(res.code, res.stderr).toBe(0);
    expect(statSync(join(root, "out")).mode & 0o777).toBe(statSync(join(root, "probe")).mode & 0o777);
  });

  it("generates into the target of a symlinked --out and keeps the link", async () => {
    const root = scratch("cg-swap-");
    mkdirSync(join(root, "real"));
    symlinkSync("real", join(root, "out"));
    const res = await codegen([fixture, "-o", join(root, "out"), "--targets", "types", "--quiet"]);
    expect(res.code, res.stderr).toBe(0);
    expect(lstatSync(join(root, "out")).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(root, "real")).sort()).toEqual([".specforge-codegen", "index.ts", "types.gen.ts"]);
    expect((await codegen([fixture, "-o", join(root, "out"), "--targets", "types", "--quiet"])).code).toBe(0);
    expect(lstatSync(join(root, "out")).isSymbolicLink()).toBe(true);
    expect(readdirSync(root).sort()).toEqual(["out", "real"]);
  });

  it("removes its staging folder on SIGINT and SIGTERM, exiting 130 / 143", async () => {
    const root = scratch("cg-swap-");
    const spec = join(root, "big.json");
    bigSpec(spec);
    await codegen(["--help"]); // the build, before timing anything
    for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
      const child = spawn(process.execPath, [bin, spec, "-o", join(root, "out"), "--quiet"], { stdio: "ignore" });
      const exited = new Promise<number | null>((res) => child.on("exit", (c) => res(c)));
      const deadline = Date.now() + 30_000;
      while (!readdirSync(root).some((f) => f.startsWith(".out.tmp-")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(readdirSync(root).sort()).toEqual(["big.json"]);
    }
  });

  it("sweeps what a killed run left (a dead pid's, or an old unnamed one) and restores an output caught between renames", async () => {
    const root = scratch("cg-swap-");
    const out = join(root, "out");
    const dead = 2 ** 22 + 12345; // above any pid_max by default
    // Killed between the two renames: the previous output sits in .old, <out> is missing.
    mkdirSync(join(root, `.out.tmp-${dead}-abc123.old`));
    writeFileSync(join(root, `.out.tmp-${dead}-abc123.old`, "index.ts"), "// previous\n");
    writeFileSync(join(root, `.out.tmp-${dead}-abc123.old`, ".specforge-codegen"), "");
    mkdirSync(join(root, `.out.tmp-${dead}-abc123`));
    mkdirSync(join(root, ".out.tmp-Xy12Zq")); // an older generator's name: swept once it is stale
    utimesSync(join(root, ".out.tmp-Xy12Zq"), new Date(0), new Date(0));
    mkdirSync(join(root, `.out.tmp-${process.pid}-live01`)); // a live run's: kept
    mkdirSync(join(root, ".other.tmp-Xy12Zq")); // another output's: kept
    utimesSync(join(root, ".other.tmp-Xy12Zq"), new Date(0), new Date(0));
    // A spec that fails: the restored output is what remains.
    writeFileSync(join(root, "bad.yaml"), "openapi: 9.9.9\ninfo: {title: t, version: '1'}\npaths: {}\n");
    const res = await codegen([join(root, "bad.yaml"), "-o", out, "--quiet"]);
    expect(res.code).toBe(1);
    expect(readFileSync(join(out, "index.ts"), "utf8")).toBe("// previous\n");
    expect(readdirSync(root).sort()).toEqual([`.other.tmp-Xy12Zq`, `.out.tmp-${process.pid}-live01`, "bad.yaml", "out"]);
    expect(existsSync(join(root, `.out.tmp-${dead}-abc123.old`))).toBe(false);
  });

  it("takes a folder named with its own pid for another process's (a container's pid repeats on every run), unless this run made it", () => {
    const root = scratch("cg-swap-");
    const out = join(root, "out");
    const left = join(root, `.out.tmp-${process.pid}-abc123`);
    mkdirSync(`${left}.old`);
    writeFileSync(join(`${left}.old`, "index.ts"), "// previous\n");
    const running = join(root, `.out.tmp-${process.pid}-run001`);
    mkdirSync(running);
    sweepStaleStaging(out, new Set([running]));
    expect(readFileSync(join(out, "index.ts"), "utf8")).toBe("// previous\n");
    expect(readdirSync(root).sort()).toEqual([`.out.tmp-${process.pid}-run001`, "out"]);
  });
});
