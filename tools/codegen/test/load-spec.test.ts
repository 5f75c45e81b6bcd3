import { describe, expect, it } from "vitest";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpec } from "../src/load/load-spec.js";
import { buildModel } from "../src/ir/build-model.js";
import { SpecError } from "../src/load/spec-error.js";
import { scratchFolders } from "./scratch.js";

const scratch = scratchFolders();

const fixtures = new URL("./fixtures/", import.meta.url).pathname;
const tmp = () => scratch("specforge-load-");

describe("loadSpec", () => {
  it("bundles a spec split over files, hoisting schemas and keeping cycles", async () => {
    const spec = await loadSpec(join(fixtures, "multi-file/openapi.yaml"));
    const schemas = (spec.document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas).sort()).toEqual(["Owner", "Tag", "pet"]);
    expect(JSON.stringify(spec.document)).not.toMatch(/"\$ref":"\.\.?\//);
    const model = buildModel(spec);
    expect(model.operations.map((o) => o.id)).toEqual(["listPets"]);
    expect(model.operations[0]!.parameters[0]).toMatchObject({ name: "limit", in: "query", required: false });
    expect(model.schemaByName.get("Owner")!.recursive).toBe(true);
    expect(model.schemaByName.get("pet")!.recursive).toBe(true);
    expect(model.schemaByName.get("Tag")!.recursive).toBe(false);
  });

  // apideck's issue-tracking spec (APIs.guru) tags its x-webhooks map with `x-sdk-exclude: true`.
  it("skips specification extensions among paths and webhooks", async () => {
    const dir = tmp();
    const hook = { post: { operationId: "hook", responses: { "200": { description: "ok" } } } };
    writeFileSync(
      join(dir, "s.json"),
      JSON.stringify({
        openapi: "3.0.3",
        info: { title: "t", version: "1" },
        paths: { "x-internal": true, "/a": { get: { operationId: "getA", responses: { "200": { description: "ok" } } } } },
        "x-webhooks": { "x-sdk-exclude": true, "x-resources": { collection: "tickets" }, TicketCreated: hook },
      }),
    );
    const model = buildModel(await loadSpec(join(dir, "s.json")));
    expect([model.operations.map((o) => o.id), model.webhooks.map((w) => w.name)]).toEqual([["getA"], ["TicketCreated"]]);
  });

  it("reads JSON with a UTF-8 BOM", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.json"), "\uFEFF" + JSON.stringify({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {} }));
    expect((await loadSpec(join(dir, "a.json"))).sourceVersion).toBe("3.0");
  });

  it("reads YAML as YAML 1.2 core: dates stay strings (a repeated key is an error: test/load/read-document.test.ts), octal-looking and yes/no scalars stay as written", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "y.yaml"),
      "openapi: 3.1.0\ninfo: {title: t, version: 2024-10-01}\npaths: {}\nx-a: 2\nx-flags: [yes, no, on, 0755, 0o17, .inf, ~]\nx-anchor: &a {k: v}\nx-alias: *a\n",
    );
    const { document, warnings } = await loadSpec(join(dir, "y.yaml"));
    expect((document.info as { version: unknown }).version).toBe("2024-10-01");
    expect(document["x-a"]).toBe(2);
    // .inf is read as YAML's infinity, which JSON cannot carry: dropped, with a warning (test/yaml-non-finite.test.ts).
    expect(document["x-flags"]).toEqual(["yes", "no", "on", 755, 15, null]);
    expect(warnings?.map((w) => w.pointer)).toEqual(["#/x-flags/5"]);
    expect(document["x-alias"]).toEqual({ k: "v" });
  });

  it("converts Swagger 2.0", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "s.yaml"),
      "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          schema: {$ref: '#/definitions/A'}\ndefinitions:\n  A: {type: object, properties: {x: {type: string, x-nullable: true}}}\n",
    );
    const spec = await loadSpec(join(dir, "s.yaml"));
    expect(spec.sourceVersion).toBe("2.0");
    const model = buildModel(spec);
    expect(model.operations[0]!.responses[0]!.content[0]!.schema.ref).toBe("A");
    expect(model.schemaByName.get("A")!.schema.object!.properties[0]!.schema.types).toEqual(["string", "null"]);
  });

  const bad: [string, string, RegExp][] = [
    ["invalid YAML names the line", "openapi: 3.1.0\ninfo: {title: t\npaths: {}\n", /bad\.yaml:\d+: invalid YAML/],
    ["missing version", "info: {title: t, version: '1'}\n", /no `openapi` or `swagger` version/],
    ["unsupported version", "openapi: 4.0.0\n", /#\/openapi: unsupported version "4.0.0"/],
    ["missing external file names the referencing pointer", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: ./nope.yaml\n", /bad\.yaml at #\/paths\/~1a: \$ref points to a file that cannot be read/],
  ];
  it.each(bad)("%s", async (_n, text, want) => {
    const dir = tmp();
    writeFileSync(join(dir, "bad.yaml"), text);
    const err = await loadSpec(join(dir, "bad.yaml")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect(String((err as Error).message)).toMatch(want);
  });

  it("reports a dangling local $ref with file and pointer", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "d.yaml"),
      "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: object, properties: {b: {$ref: '#/components/schemas/Missing'}}}\n",
    );
    await expect(loadSpec(join(dir, "d.yaml"))).rejects.toThrowError(/d\.yaml at #\/components\/schemas\/A\/properties\/b: \$ref target not found: #\/components\/schemas\/Missing/);
  });

  const structural: [string, string, RegExp][] = [
    ["responses that are not an object", "  /a:\n    get: {operationId: a, responses: oops}\n", /s\.yaml at #\/paths\/~1a\/get\/responses: responses must be an object/],
    ["parameters that are not an array", "  /a:\n    get: {operationId: a, parameters: {id: 1}, responses: {}}\n", /s\.yaml at #\/paths\/~1a\/get\/parameters: parameters must be an array/],
  ];
  it.each(structural)("rejects %s with file and pointer", async (_n, paths, want) => {
    const dir = tmp();
    writeFileSync(join(dir, "s.yaml"), `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n${paths}`);
    const spec = await loadSpec(join(dir, "s.yaml"));
    expect(() => buildModel(spec)).toThrowError(want);
  });

  describe("$refs read files in the spec's folder only", () => {
    const schemaRef = (ref: string) => `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      properties:\n        b: { $ref: '${ref}' }\n`;
    /** A root spec in <tmp>/spec/, a secret file beside that folder, a symlink to it inside. */
    const layout = () => {
      const dir = tmp();
      mkdirSync(join(dir, "spec/schemas"), { recursive: true });
      writeFileSync(join(dir, "secret.yaml"), "token: hunter2\n");
      writeFileSync(join(dir, "spec/schemas/B.yaml"), "type: string\n");
      symlinkSync(join(dir, "secret.yaml"), join(dir, "spec/schemas/link.yaml"));
      return dir;
    };
    it.each([
      ["a file in a subfolder", "./schemas/B.yaml", undefined],
      ["a file beside the folder", "../secret.yaml", /\$ref reads ".*secret\.yaml", outside ".*spec" \(the spec's folder; SPECFORGE_REF_ROOT widens it\)/],
      ["an absolute path", "/etc/hostname", /outside/],
      ["a symlink leading out", "./schemas/link.yaml", /outside/],
      ["a URL", "https://example.com/x.yaml#/X", /\$ref to a remote document is not followed: "https:\/\/example\.com\/x\.yaml"/],
      ["a protocol-relative URL", "//example.com/x.yaml", /remote document/],
    ])("%s", async (_n, ref, want) => {
      const dir = layout();
      writeFileSync(join(dir, "spec/openapi.yaml"), schemaRef(ref));
      const loaded = loadSpec(join(dir, "spec/openapi.yaml"));
      if (want) await expect(loaded).rejects.toThrowError(want);
      else await expect(loaded).resolves.toBeDefined();
    });

    it("SPECFORGE_REF_ROOT widens the folder", async () => {
      const dir = layout();
      writeFileSync(join(dir, "spec/openapi.yaml"), schemaRef("../secret.yaml"));
      process.env.SPECFORGE_REF_ROOT = dir;
      try {
        await expect(loadSpec(join(dir, "spec/openapi.yaml"))).resolves.toBeDefined();
      } finally {
        delete process.env.SPECFORGE_REF_ROOT;
      }
    });

    it("holds for Swagger 2.0, whose converter follows references itself", async () => {
      const dir = layout();
      writeFileSync(join(dir, "spec/s.yaml"), "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n  A:\n    properties:\n      b: { $ref: '../secret.yaml' }\n");
      await expect(loadSpec(join(dir, "spec/s.yaml"))).rejects.toThrowError(/outside/);
      writeFileSync(join(dir, "spec/u.yaml"), "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n  A:\n    properties:\n      b: { $ref: 'http://127.0.0.1:9/x.yaml' }\n");
      await expect(loadSpec(join(dir, "spec/u.yaml"))).rejects.toThrowError(/remote document/);
    });
  });
});
