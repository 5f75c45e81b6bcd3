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

describe("a `$ref` inside data (examples, defaults, enums) is part of the data", () => {
  // GitHub's REST description 2.2.1 has SCIM examples whose members carry `"$ref": "https://api.github.com/…"`;
  // the loader refused the whole spec ("$ref to a remote document is not followed").
  const scim = { value: "92b58aaa", $ref: "https://api.github.com/scim/v2/Users/92b58aaa", display: "octocat" };
  const local = { $ref: "#/nowhere" };
  const spec = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/groups": {
        get: {
          parameters: [{ name: "q", in: "query", schema: { type: "object" }, example: local }],
          responses: {
            "200": {
              description: "ok",
              headers: { "x-h": { schema: { type: "object" }, example: local } },
              content: {
                "application/json": {
                  schema: { $ref: "./group.json" },
                  example: { members: [scim] },
                  examples: { one: { value: { members: [scim, local] } }, other: { $ref: "#/components/examples/Other" } },
                },
              },
            },
          },
        },
      },
    },
    components: { examples: { Other: { value: { members: [local] } } } },
  };
  const group = { type: "object", example: { members: [scim] }, examples: [local], default: local, const: local, enum: [local, scim] };

  it("given them in every literal place of two files, want the spec loaded and the data as written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ref-literal-"));
    try {
      writeFileSync(join(dir, "openapi.json"), JSON.stringify(spec));
      writeFileSync(join(dir, "group.json"), JSON.stringify(group));
      const { document } = await loadSpec(join(dir, "openapi.json"));
      const doc = document as typeof spec & { components: { schemas: Record<string, unknown> } };
      const get = doc.paths["/groups"].get;
      const media = get.responses["200"].content["application/json"];
      expect(media.example).toEqual({ members: [scim] });
      expect(media.examples.one).toEqual({ value: { members: [scim, local] } });
      // A real reference beside them is still one.
      expect(media.examples.other).toEqual({ $ref: "#/components/examples/Other" });
      expect(get.parameters[0]!.example).toEqual(local);
      expect(get.responses["200"].headers["x-h"].example).toEqual(local);
      expect(media.schema).toEqual({ $ref: "#/components/schemas/group" });
      expect(doc.components.schemas.group).toEqual(group);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a broken `$ref` outside data is still reported", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ref-literal-"));
    try {
      writeFileSync(join(dir, "openapi.json"), JSON.stringify({ ...spec, components: { examples: { Other: { $ref: "#/nowhere" } } } }));
      writeFileSync(join(dir, "group.json"), JSON.stringify(group));
      await expect(loadSpec(join(dir, "openapi.json"))).rejects.toThrow(/at #\/components\/examples\/Other: \$ref target not found: #\/nowhere/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
