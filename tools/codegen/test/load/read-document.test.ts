/**
 * Reading one spec file: what YAML and JSON would silently drop or misread becomes an error (or a
 * warning) naming the file, the line and the pointer.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readDocument } from "../../src/load/read-document.js";
import { loadSpec } from "../../src/load/load-spec.js";
import type { IRWarning } from "../../src/ir/types.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const file = (name: string, text: string) => {
  const p = join(scratch("cg-read-"), name);
  writeFileSync(p, text);
  return p;
};
const thrown = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return "(nothing thrown)";
};

describe("readDocument", () => {
  it("refuses a key repeated in a YAML mapping, with its line and pointer", () => {
    const p = file("dup.yaml", "openapi: 3.1.0\npaths:\n  /pets:\n    get: {}\n  /pets:\n    post: {}\n");
    expect(thrown(() => readDocument(p))).toMatch(/dup\.yaml:5 at #\/paths: duplicate key "\/pets" \(first at line 3\); YAML keeps only the last one/);
    const nested = file("dup2.yaml", "a:\n  b: {c: 1, c: 2}\n");
    expect(thrown(() => readDocument(nested))).toMatch(/dup2\.yaml:2 at #\/a\/b: duplicate key "c"/);
  });

  it("applies YAML merge keys", () => {
    const p = file("merge.yaml", "base: &base\n  type: object\n  properties: {id: {type: integer}}\nPet:\n  <<: *base\n  description: a pet\nBoth:\n  <<: [*base, {title: t}]\n");
    expect(readDocument(p)).toEqual({
      base: { type: "object", properties: { id: { type: "integer" } } },
      Pet: { type: "object", properties: { id: { type: "integer" } }, description: "a pet" },
      Both: { type: "object", properties: { id: { type: "integer" } }, title: "t" },
    });
  });

  it("reads a `<<` whose value is not a mapping as the plain key YAML 1.2 makes it (it crashed the loader)", () => {
    expect(readDocument(file("shift.yaml", "example:\n  <<: left shift\n  op: '<<'\n"))).toEqual({ example: { "<<": "left shift", op: "<<" } });
    expect(readDocument(file("null-merge.yaml", "a:\n  <<: ~\n"))).toEqual({ a: { "<<": null } });
  });

  it("merges twice in one mapping are not a duplicate key, whichever parser reads the file", () => {
    // The unknown tag makes js-yaml refuse the file, so `yaml` reads it (merge keys as Symbol(<<) there).
    const p = file("two-merges.yaml", "b1: &b1 {x: 1}\nb2: &b2 {y: 2}\nc:\n  <<: *b1\n  <<: *b2\n  t: !custom z\n");
    expect(readDocument(p)).toMatchObject({ c: { x: 1, y: 2, t: "z" } });
  });

  it("still reads a date as a string, and what js-yaml rejects but YAML allows", () => {
    expect(readDocument(file("d.yaml", "d: 2024-10-01\n"))).toEqual({ d: "2024-10-01" });
  });

  it("words invalid YAML with its line and column, no dangling colon", () => {
    const p = file("bad.yaml", 'openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n       "200": {description: ok\n   bad: [\n');
    const msg = thrown(() => readDocument(p));
    expect(msg).toMatch(/bad\.yaml:\d+: invalid YAML: .+ \(line \d+, column \d+\)$/);
    expect(msg).not.toMatch(/:\s*$/);
  });

  it("reads a .json file as JSON: a trailing comma is an error with its line and column", () => {
    const p = file("bad.json", '{"openapi": "3.0.0",\n "paths": {"/a": {"get": {"responses": {"200": {"description": "x",}}}}}}\n');
    expect(thrown(() => readDocument(p))).toMatch(/bad\.json:2: invalid JSON: .* \(line 2, column \d+\)/);
  });

  it("warns of a key repeated in JSON, at its pointer", () => {
    const warnings: IRWarning[] = [];
    const p = file("dup.json", '{"a": {"b": 1, "x\\"y": 2, "b": [1, {"c": 1, "c": 2}]}}');
    expect(readDocument(p, (pointer, message) => warnings.push({ pointer, message }))).toEqual({ a: { b: [1, { c: 2 }], 'x"y': 2 } });
    expect(warnings.map((w) => `${w.pointer}: ${w.message}`)).toEqual([
      '#/a: duplicate key "b" (line 1); JSON.parse keeps only the last one',
      '#/a/b/1: duplicate key "c" (line 1); JSON.parse keeps only the last one',
    ]);
  });
});

describe("loadSpec", () => {
  it("warns of a key repeated in a JSON file a $ref reads, after the file's name", async () => {
    const dir = scratch("cg-read-");
    writeFileSync(join(dir, "api.json"), JSON.stringify({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, components: { schemas: { A: { $ref: "./parts/a.json" } } } }));
    mkdirSync(join(dir, "parts"));
    writeFileSync(join(dir, "parts", "a.json"), '{"type": "object", "type": "string"}');
    const { warnings } = await loadSpec(join(dir, "api.json"));
    expect(warnings?.map((w) => `${w.pointer}: ${w.message}`)).toEqual(['parts/a.json#: duplicate key "type" (line 1); JSON.parse keeps only the last one']);
  });


  it("says an unquoted version was read as a number", async () => {
    const p = file("v.yaml", "openapi: 3.0\ninfo: {title: t, version: '1'}\npaths: {}\n");
    await expect(loadSpec(p)).rejects.toThrow(/v\.yaml at #\/openapi: the version was read as the number 3 \(YAML and JSON read an unquoted 3\.0 that way\): quote it, e\.g\. openapi: "3\.0\.3"/);
  });
});
