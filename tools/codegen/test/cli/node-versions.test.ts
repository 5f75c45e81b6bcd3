import { execFile } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { batchJitFlags, BATCH_JIT_FLAGS } from "../../src/jit-flags.js";
import { scratchFolders } from "../scratch.js";
import { codegen } from "../support/run-cli.js";
import { node24 } from "../../../scripts/node24.mjs";

const run = promisify(execFile);
const scratch = scratchFolders();
const bin = new URL("../../bin/codegen.mjs", import.meta.url).pathname;
const fixture = new URL("../fixtures/multi-file/openapi.yaml", import.meta.url).pathname;

/** The names of the flags a Node's V8 knows (`node --v8-options`). */
async function v8Flags(node: string): Promise<Set<string>> {
  const { stdout } = await run(node, ["--v8-options"], { maxBuffer: 16 << 20 });
  return new Set([...stdout.matchAll(/^ {2}--([a-z0-9-]+) /gm)].map((m) => m[1]!));
}

/** Patterns whose syntax (ES2025) Node 22+ compiles and Node 20 does not, and property classes the mocks sample from the engine. */
const NEWER_REGEX = `openapi: 3.1.0
info: {title: regex, version: "1"}
paths: {}
components:
  schemas:
    Scoped: {type: string, pattern: '^x(?i:ab)$'}
    Unscoped: {type: string, pattern: '^(?-i:ab)c$'}
    Year: {type: string, pattern: '^(?<y>\\d{4})-a$|^(?<y>\\d{2})-b$'}
    Han: {type: string, pattern: '^\\p{Script=Han}{4}$'}
    Symbol: {type: string, pattern: '^\\p{So}{4}$'}
`;

const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));

const names = (flags: string[]) => flags.map((f) => f.replace(/^--(no-)?/, "").replace(/=.*$/, ""));

describe("the CLI across Node versions", () => {
  it.each([
    ["11.3.244.8-node.33", ["--no-turbo-inlining", "--interrupt-budget=528000"]], // Node 20
    ["12.4.254.21-node.57", ["--invocation-count-for-turbofan=23400"]], // Node 22
    ["13.6.233.17-node.37", ["--invocation-count-for-turbofan=23400"]], // Node 24
  ])("V8 %s gets the batch JIT flags %j", (v8, want) => {
    expect(batchJitFlags(v8)).toEqual(want);
  });

  it("the batch JIT flags are all known to the V8 that runs here", async () => {
    const known = await v8Flags(process.execPath);
    expect(names(BATCH_JIT_FLAGS).filter((f) => !known.has(f))).toEqual([]);
  });

  // V8 prints "Error: unrecognized flag" for a flag it does not know, and the CLI set Node 20's on every
  // engine. And a regex that compiled on the generating Node went out as is, so the output depended
  // on it, and code generated on Node 24 failed to load on Node 20.
  it("on Node 24: the CLI's stderr is clean, and it writes the same files as on this Node", async () => {
    const node = await node24();
    if (!node.path) {
      console.warn(`node-versions.test: the Node 24 case skipped — \`npx -y node@24\` failed (${node.why}); it needs the npm registry once`);
      return;
    }
    await codegen(["--help"]); // builds dist/ first when a source is newer
    const out = `${scratch("jit-")}/out`;
    const { stdout, stderr } = await run(node.path, [bin, fixture, "-o", out, "--quiet"]);
    expect({ stdout, stderr }).toEqual({ stdout: "", stderr: "" });
    const known = await v8Flags(node.path);
    const { stdout: v8 } = await run(node.path, ["-p", "process.versions.v8"]);
    expect(names(batchJitFlags(v8.trim())).filter((f) => !known.has(f))).toEqual([]);

    const spec = join(scratch("regex-"), "regex.yaml");
    writeFileSync(spec, NEWER_REGEX);
    const [here, there] = await Promise.all(
      [process.execPath, node.path].map(async (n, i) => {
        const dir = join(spec, "..", `out-${i}`);
        const { stderr } = await run(n, [bin, spec, "-o", dir]);
        return { warnings: stderr.split("\n").filter((l) => l.includes("warning:")), files: files(dir) };
      }),
    );
    expect(there).toEqual(here);
    expect(here!.warnings).toHaveLength(3);
    expect(here!.files["zod.gen.ts"]).not.toMatch(/\(\?-?i:|\(\?<y>/);
  });
});
