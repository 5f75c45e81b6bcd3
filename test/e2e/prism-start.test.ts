import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../support/exec.js";
import { startPrism } from "../support/prism.js";

const prismsOf = (spec: string) => execFileSync("ps", ["-eo", "args"], { encoding: "utf8" }).split("\n").filter((l) => l.includes("prism") && l.includes(spec));

describe("starting Prism for a suite", () => {
  it("stops a Prism that does not get ready in time instead of leaving it running", async () => {
    // A private copy: its path names no other suite's Prism.
    const dir = mkdtempSync(join(tmpdir(), "specforge-prism-start-"));
    const spec = join(dir, "openapi.mock.json");
    copyFileSync(join(repoRoot, "packages/mocks/src/generated/openapi.mock.json"), spec);
    await expect(startPrism(spec, { timeoutMs: 50 })).rejects.toThrow(/did not start within 50 ms/);
    // SIGKILL is delivered at once; the process table may take a moment to let go of it.
    for (let i = 0; i < 50 && prismsOf(spec).some((l) => l.includes(" mock ")); i++) await new Promise((r) => setTimeout(r, 100));
    expect(prismsOf(spec).filter((l) => l.includes(" mock "))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
