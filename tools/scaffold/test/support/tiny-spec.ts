// A small valid spec for the fast tests: what a test changes is the point, the rest stays valid.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ok = { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } } };

export function tinySpec(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    openapi: "3.0.3",
    info: { title: "Tiny API", version: "1.0.0", description: "d", license: { name: "MIT", url: "https://opensource.org/licenses/MIT" } },
    servers: [{ url: "https://example.com" }],
    security: [],
    paths: { "/items": { get: { operationId: "listItems", summary: "s", description: "d", responses: { ...ok, "400": { description: "bad" } } } } },
    components: { schemas: { Item: { type: "object", properties: { id: { type: "integer" } } } } },
    ...over,
  };
}

/** A fresh folder holding `spec` as in.json. */
export function writeSpec(spec: Record<string, unknown>): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "scaffold-unit-"));
  const file = join(dir, "in.json");
  writeFileSync(file, JSON.stringify(spec, null, 2));
  return { dir, file };
}
