import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exec } from "../support/exec.js";
import { BROKEN, implemented, startReferenceServer } from "./reference-server.js";

// The contract script imports the suite's TypeScript, which imports the workspace packages from source.
const SOURCE = ["--conditions=@specforge/source"];

interface Report {
  operations: { operation: string; status: number | null; violations: number }[];
  violations: { operation: string; status: number | null; in: string; pointer: string; severity: string; code: unknown; message: string }[];
}

describe("pnpm contract --target: conformance of a real server through prism proxy --errors", () => {
  let server: Awaited<ReturnType<typeof startReferenceServer>>;
  beforeAll(async () => {
    server = await startReferenceServer();
  });
  afterAll(() => server?.close());

  it("reports exactly the deliberate violation, and nothing for the correct operations", async () => {
    const run = await exec(process.execPath, [...SOURCE, "tools/scripts/contract.mjs", "--target", server.url, "--only", implemented.join(","), "--json"], { timeoutMs: 300_000 });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;

    expect(report.violations).toEqual([
      {
        operation: BROKEN.operation,
        method: "GET",
        path: "/users/{id}",
        status: BROKEN.status,
        severity: "Error",
        in: BROKEN.in,
        pointer: BROKEN.pointer,
        code: "enum",
        message: expect.stringContaining("admin, member, viewer"),
      },
    ]);
    expect(report.operations.map((o) => o.operation).sort()).toEqual([...implemented].sort());
    for (const o of report.operations) {
      expect(o.violations, o.operation).toBe(o.operation === BROKEN.operation ? 1 : 0);
      expect(o.status, `${o.operation} reached the server`).not.toBeNull();
    }
  });

  it("exits 0 with a clean text report when every called operation conforms", async () => {
    const correct = implemented.filter((id) => id !== BROKEN.operation);
    const run = await exec(process.execPath, [...SOURCE, "tools/scripts/contract.mjs", "--target", server.url, "--only", correct.join(",")], { timeoutMs: 300_000 });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain(`No violations in ${correct.length} operation(s).`);
  });

  it("fails with usage (exit 2) without --target", async () => {
    const run = await exec(process.execPath, [...SOURCE, "tools/scripts/contract.mjs"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--target is required");
  });
});
