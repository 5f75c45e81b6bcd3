import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

  it("a request that crashes Prism fails alone (502 naming the error); the next request finds Prism back", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-prism-crash-"));
    const spec = join(dir, "openapi.json");
    const ok = { "200": { description: "ok", content: { "application/json": { example: { ok: true } } } } };
    // Prism 5.16 ends its process on a label-style array path parameter.
    const ids = { name: "ids", in: "path", required: true, style: "label", schema: { type: "array", items: { type: "string" } } };
    writeFileSync(spec, JSON.stringify({ openapi: "3.0.3", info: { title: "Crash", version: "1" }, paths: { "/items/{ids}": { get: { parameters: [ids], responses: ok } }, "/health": { get: { responses: ok } } } }));
    const prism = await startPrism(spec);
    try {
      const crashed = await fetch(`${prism.url}/items/.a,b`);
      expect(crashed.status).toBe(502);
      expect(((await crashed.json()) as { detail: string }).detail).toMatch(/stopped after receiving GET \/items\/\.a,b \(TypeError: /);
      const next = await fetch(`${prism.url}/health`);
      expect(next.status).toBe(200);
      expect(prism.output()).toContain("mock: Prism is back (restart 1)");
    } finally {
      await prism.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
