import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

/** Every module an entry point pulls in, following relative imports and exports (type-only ones too). */
async function moduleGraph(entry: string): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  const visit = async (file: string): Promise<void> => {
    if (graph.has(file)) return;
    const text = await readFile(file, "utf8");
    const specifiers = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/g)].map((m) => (m[1] ?? m[2])!);
    graph.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith(".")) await visit(resolve(dirname(file), s.replace(/\.js$/, ".ts")));
  };
  await visit(resolve(src, entry));
  return graph;
}

const nodeImports = (graph: Map<string, string[]>) => [...graph.values()].flat().filter((s) => s.startsWith("node:"));

// Browser bundles fail on node: built-ins, so the file store must stay out of every other entry.
describe("the sync entry points and browsers", () => {
  it.each(["index.ts", "sync/index.ts"])("src/%s reaches no node: module", async (entry) => {
    const graph = await moduleGraph(entry);
    expect(graph.size).toBeGreaterThan(3);
    expect(nodeImports(graph)).toEqual([]);
  });

  it("the Node-only file store is its own entry (@specforge/runtime/sync/file)", async () => {
    expect(nodeImports(await moduleGraph("sync/file-store.ts"))).toContain("node:fs/promises");
  });
});
