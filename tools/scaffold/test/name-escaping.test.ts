/**
 * The API's name (the spec's title or --name) is written into JSON, TypeScript comments and
 * Markdown of the new project. Raw, `Acme "Orders" API` or `C:\Acme API` made package.json files
 * invalid (install failed), `$&` and `$\`` expanded as replacement patterns, and `*\/` closed a
 * `/** … *\/` comment. Want every file valid and the name intact where its syntax reads it back.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { scaffold } from "../src/scaffold.mjs";
import { tinySpec, writeSpec } from "./support/tiny-spec.js";

const NAME = 'Acme "Orders" C:\\Pay$&Go $` Legacy */ API';

describe("the API's name in the new project's files", () => {
  it("keeps JSON valid, comments closed and the name verbatim", async () => {
    const { dir, file } = writeSpec(tinySpec({ info: { title: NAME, version: "1.0.0" } }));
    try {
      const out = join(dir, "out");
      await scaffold({ spec: file, scope: "@acme", out, install: false });
      const files = (readdirSync(out, { recursive: true }) as string[]).filter((f) => !f.includes("node_modules"));
      for (const f of files.filter((x) => x.endsWith(".json"))) expect(() => JSON.parse(readFileSync(join(out, f), "utf8")), f).not.toThrow();
      const descriptions = ["packages/client/package.json", "packages/bff/package.json"].map((f) => JSON.parse(readFileSync(join(out, f), "utf8")).description as string);
      for (const d of descriptions) expect(d).toContain(NAME);
      // Every source file the name reached still parses: no comment closed early.
      for (const f of files.filter((x) => /\.(ts|mts|mjs)$/.test(x))) {
        const text = readFileSync(join(out, f), "utf8");
        const parsed = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true) as unknown as { parseDiagnostics: unknown[] };
        expect(parsed.parseDiagnostics, f).toEqual([]);
      }
      expect(readFileSync(join(out, "packages/client/src/index.ts"), "utf8")).toContain('Acme "Orders" C:\\Pay$&Go $` Legacy * / API');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
