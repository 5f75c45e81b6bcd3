// What kind of OpenAPI object sits under a key: names every object inherits (`toString`,
// `constructor`, `__proto__`) are names like any other, never Object.prototype's members.
import { describe, expect, it } from "vitest";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childContext } from "../../src/load/ref-contexts.js";
import { loadSpec } from "../../src/load/load-spec.js";

const INHERITED = ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"];

describe("childContext", () => {
  it.each([
    ["a property of a schema", "schemaMap", "schemas"],
    ["a component schema", "schemaMap", "schemas"],
    ["a path", "pathItemMap", "pathItem"],
    ["a response code", "responseMap", "responses"],
    ["a media type", "mediaTypeMap", "mediaType"],
  ])("%s named after an inherited member is still one", (_, kind, want) => {
    for (const name of INHERITED) expect(childContext({ kind }, name), name).toEqual({ kind: want });
  });

  it("a key a kind does not list has no kind, also when Object.prototype has it", () => {
    for (const name of INHERITED) expect(childContext({ kind: "components" }, name), name).toEqual({});
    expect(childContext({ kind: "toString" }, "schemas")).toEqual({});
  });
});

describe("the loader's rules reach schemas with inherited names", () => {
  it("a non-finite const under a property named toString admits nothing (not: {}), as under any name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ref-contexts-"));
    try {
      const spec = join(dir, "openapi.yaml");
      const props = ["toString", "plain"].map((n) => `        ${n}: {const: .nan}`).join("\n");
      writeFileSync(spec, `openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    constructor:\n      type: object\n      properties:\n${props}\n`);
      const { document } = await loadSpec(spec);
      const component: string = "constructor";
      const properties = (document as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } }).components.schemas[component]!.properties;
      expect(properties.plain).toEqual({ not: {} });
      expect(properties.toString).toEqual(properties.plain);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
