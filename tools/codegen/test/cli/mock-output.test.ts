/**
 * `pnpm mock` (tools/scripts/mock.mjs) passes Prism's output on, and Prism echoes the spec: a path
 * holding a line feed starts a line of its own (`::error::…` in a CI log is a workflow command).
 * Given a stand-in Prism (the project's node_modules/.bin/prism) that writes hostile lines, split
 * across chunks, want each of its lines shown on one line behind "prism: ", and its exit code.
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const mock = fileURLToPath(new URL("../../../scripts/mock.mjs", import.meta.url));

const FAKE_PRISM = `#!/usr/bin/env node
const out = (s) => process.stdout.write(s);
out("[1:00:00 PM] › [CLI] ℹ  info      GET        http://127.0.0.1/a\\n::error::FORGED-lf\\n");
out("[1:00:00 PM] › [CLI] ℹ  info      GET        http://127.0.0.1/b\\r::error::FORGED-cr\\r\\n");
out("[1:00:00 PM] › [CLI] ℹ  info      GET        http://127.0.0.1/c\\u2028::error::FORGED-ls\\u2029::error::FORGED-ps\\u0085::error::FORGED-nel\\u001b[2J\\n");
out("[1:00:00 PM] › [CLI] ▶  start     Prism is listening on http://127.0.0.1:1\\n");
process.stderr.write("[1:00:00 PM] › [HTTP SERVER] error half");
setTimeout(() => {
  process.stderr.write(" a line\\n::stop-commands::FORGED-token\\nFORGED-unterminated");
  setTimeout(() => process.exit(3), 100);
}, 50);
`;

describe("pnpm mock: Prism's lines, one line each behind our prefix", () => {
  it("given hostile paths in Prism's output, want no line starting with them and Prism's exit code", async () => {
    const dir = scratch("mock-output-");
    writeFileSync(join(dir, "specforge.config.mjs"), 'export default { scope: "@acme" };\n');
    // One operation: a spec without any gets a stand-in server instead of Prism (mock.mjs).
    writeFileSync(join(dir, "spec.json"), '{"openapi":"3.1.0","paths":{"/a":{"get":{}}}}\n');
    mkdirSync(join(dir, "node_modules/.bin"), { recursive: true });
    writeFileSync(join(dir, "node_modules/.bin/prism"), FAKE_PRISM);
    chmodSync(join(dir, "node_modules/.bin/prism"), 0o755);
    const res = await promisify(execFile)(process.execPath, [mock, "--spec", "spec.json", "--port", "0"], { cwd: dir, encoding: "utf8" }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    expect(res.code, res.stderr).toBe(3);
    for (const output of [res.stdout, res.stderr]) {
      expect(output).not.toMatch(/[\r\u0085\u2028\u2029\u001b]/);
      for (const line of output.split("\n")) expect(line.trimStart()).not.toMatch(/^(::|FORGED)/);
    }
    expect(res.stdout.split("\n").filter((l) => l.startsWith("prism: "))).toEqual([
      "prism: [1:00:00 PM] › [CLI] ℹ  info      GET        http://127.0.0.1/a",
      "prism: ::error::FORGED-lf",
      "prism: [1:00:00 PM] › [CLI] ℹ  info      GET        http://127.0.0.1/b\\u000d::error::FORGED-cr",
      "prism: [1:00:00 PM] › [CLI] ℹ  info      GET        http://127.0.0.1/c\\u2028::error::FORGED-ls\\u2029::error::FORGED-ps\\u0085::error::FORGED-nel\\u001b[2J",
      "prism: [1:00:00 PM] › [CLI] ▶  start     Prism is listening on http://127.0.0.1:1",
    ]);
    expect(res.stdout).toMatch(/Mock API ready at http:\/\/127\.0\.0\.1:\d+ /);
    expect(res.stderr.split("\n")).toEqual(["prism: [1:00:00 PM] › [HTTP SERVER] error half a line", "prism: ::stop-commands::FORGED-token", "prism: FORGED-unterminated", ""]);
  });
});
