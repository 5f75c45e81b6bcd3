import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeChanged, writeFileIfChanged } from "../../src/dev/write-changed.js";
import { findPackageTargets } from "../../src/dev/targets.js";
import { loadConfig } from "../../src/config/config.mjs";
import { repoRoot } from "./support.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();

function folder(files: Record<string, string>): string {
  const dir = scratch("specforge-write-");
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), content);
    utimesSync(join(dir, p), 1_000_000, 1_000_000); // old, so a rewrite would show
  }
  return dir;
}

describe("writeChanged: the output folder becomes exactly the emitted files, touching only what differs", () => {
  const cases: { name: string; given: Record<string, string>; emitted: Record<string, string>; written: string[]; removed: string[] }[] = [
    { name: "nothing changed", given: { "a.ts": "A", "sub/b.ts": "B" }, emitted: { "a.ts": "A", "sub/b.ts": "B" }, written: [], removed: [] },
    { name: "one file changed", given: { "a.ts": "A", "sub/b.ts": "B" }, emitted: { "a.ts": "A2", "sub/b.ts": "B" }, written: ["a.ts"], removed: [] },
    { name: "a file added, in a new folder", given: { "a.ts": "A" }, emitted: { "a.ts": "A", "new/c.ts": "C" }, written: ["new/c.ts"], removed: [] },
    { name: "a file no longer emitted", given: { "a.ts": "A", "old/d.ts": "D" }, emitted: { "a.ts": "A" }, written: [], removed: ["old/d.ts"] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const dir = folder(c.given);
      const report = writeChanged(dir, Object.entries(c.emitted).map(([path, content]) => ({ path, content })));
      expect(report).toEqual({ written: c.written, removed: c.removed });
      for (const [p, content] of Object.entries(c.emitted)) {
        expect(readFileSync(join(dir, p), "utf8")).toBe(content);
        // Untouched files keep their old mtime: watchers downstream do not wake up for them.
        if (!c.written.includes(p)) expect(statSync(join(dir, p)).mtimeMs).toBe(1_000_000_000);
      }
      for (const p of c.removed) expect(existsSync(join(dir, p))).toBe(false);
      if (c.removed.some((p) => p.startsWith("old/"))) expect(existsSync(join(dir, "old"))).toBe(false);
    });
  }

  it("writeFileIfChanged writes only a different content, and leaves no temporary file", () => {
    const dir = folder({ "x.json": "{}" });
    expect(writeFileIfChanged(join(dir, "x.json"), "{}")).toBe(false);
    expect(writeFileIfChanged(join(dir, "x.json"), "{\"a\":1}")).toBe(true);
    expect(writeFileIfChanged(join(dir, "deep/y.json"), "1")).toBe(true);
    expect(readFileSync(join(dir, "x.json"), "utf8")).toBe("{\"a\":1}");
    expect(readdirSync(dir).sort()).toEqual(["deep", "x.json"]);
  });
});

describe("findPackageTargets reads each package's generate script as the codegen CLI parses it", () => {
  const want = [
    { name: "@specforge/client", targets: ["client"], typesImport: "@specforge/types" },
    { name: "@specforge/mocks", targets: ["mocks"], typesImport: "@specforge/types" },
    { name: "@specforge/types", targets: ["types"] },
    { name: "@specforge/zod", targets: ["zod"] },
  ];
  it("the workspace's four generated packages, from spec/dist/openapi.json into src/generated", async () => {
    const { packages, skipped } = findPackageTargets(join(repoRoot, "packages"), await loadConfig({ cwd: repoRoot }));
    expect(skipped).toEqual([]);
    expect(packages.map(({ name, targets, typesImport }) => ({ name, targets, ...(typesImport ? { typesImport } : {}) }))).toEqual(want);
    for (const p of packages) {
      expect(p.spec).toBe(join(repoRoot, "spec/dist/openapi.json"));
      expect(p.out).toBe(join(p.dir, "src/generated"));
    }
  });
});
