/**
 * An unknown format is not validated (JSON Schema ignores it) and said once per name, at the first
 * schema carrying it: a warning at "#" could not be found in a spec using it 300 times.
 */
import { describe, expect, it } from "vitest";
import { compileZod, docWith } from "./compile.js";

describe("unknown formats", () => {
  it("given a format no validator knows, want it unchecked and one warning at its first schema", async () => {
    const c = await compileZod(
      docWith({
        Sku: { type: "string", format: "sku-code" },
        Item: { type: "object", properties: { sku: { type: "string", format: "sku-code" }, weight: { type: "number", format: "decimal128" } } },
      }),
      "unknown-format",
    );
    expect(c.mod.components.Sku.safeParse("anything at all").success).toBe(true);
    const said = c.warnings.filter((w) => /is unknown to JSON Schema/.test(w.message)).map((w) => [w.pointer, w.message.replace(/ is unknown.*/, "")]);
    expect(said).toEqual([
      ["#/components/schemas/Item/properties/weight", 'format "decimal128" (1x)'],
      ["#/components/schemas/Sku", 'format "sku-code" (2x, the first here)'],
    ]);
  });
});
