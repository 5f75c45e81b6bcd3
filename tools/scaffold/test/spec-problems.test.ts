/**
 * Errors of the user's spec: a duplicate operationId or `type: integr` went silently into the new
 * project's lint ignore file (an operation then vanished from the client), and a bad $ref or bad
 * YAML in a referenced file showed a bare code frame (or another file's) plus Redocly's "use
 * --force", which the scaffold has not. Want: a failure naming the user's file, line and pointer;
 * style problems still recorded, with a count per rule said.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { splitSpec } from "../src/split-spec.mjs";
import { structuralErrors } from "../src/spec-problems.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const ROOT = `openapi: 3.0.3
info: { title: t, version: "1" }
paths:
  /a:
    $ref: paths/a.yaml
  /b:
    $ref: paths/b.yaml
`;
const op = (id: string, schema = "{ type: string }") => `get:
  operationId: ${id}
  responses:
    "200":
      description: ok
      content:
        application/json:
          schema: ${schema}
`;

async function split(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "scaffold-problems-"));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, "in", f)), { recursive: true });
    writeFileSync(join(dir, "in", f), text);
  }
  const logs: string[] = [];
  try {
    await splitSpec(repo, join(dir, "in/openapi.yaml"), join(dir, "spec"), dir, (m: string) => {
      throw new Error(m);
    }, (l: string) => logs.push(l));
    return { error: "", logs, dir };
  } catch (err) {
    return { error: (err as Error).message, logs, dir };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("problems of the user's spec", () => {
  it("fails on a duplicate operationId, naming the user's file, line and pointer", async () => {
    const r = await split({ "openapi.yaml": ROOT, "paths/a.yaml": op("same"), "paths/b.yaml": op("same") });
    expect(r.error).toMatch(/in\/paths\/b\.yaml:2:\d+ #\/get\S*: .*unique `operationId`.*operation-operationId-unique/);
  }, 60_000);

  it("fails on an invalid type", async () => {
    const r = await split({ "openapi.yaml": ROOT, "paths/a.yaml": op("a", "{ type: integr }"), "paths/b.yaml": op("b") });
    expect(r.error).toMatch(/in\/paths\/a\.yaml:8:\d+ #\/get\/responses\/200\/content\/application~1json\/schema\/type: `type` can be one of/);
  }, 60_000);

  it("names the file and pointer of an unresolved $ref, without Redocly's --force advice", async () => {
    const r = await split({ "openapi.yaml": ROOT, "paths/a.yaml": op("a", "{ $ref: ../schemas/nope.yaml }"), "paths/b.yaml": op("b") });
    expect(r.error).toMatch(/in\/paths\/a\.yaml:8:\d+ #\/get\/responses\/200\/content\/application~1json\/schema: Can't resolve \$ref/);
    expect(r.error).not.toMatch(/--force|\|\s+\^/);
  }, 60_000);

  it("names the referenced file whose YAML is invalid", async () => {
    const r = await split({ "openapi.yaml": ROOT, "paths/a.yaml": "get:\n  operationId: [a\n  responses: {\n", "paths/b.yaml": op("b") });
    expect(r.error).toMatch(/in\/paths\/a\.yaml:\d+:\d+: Failed to parse/);
  }, 60_000);

  it("fails on a path parameter no operation declares, not on a declared one the path does not use", () => {
    const problem = (message: string) => ({ ruleId: "path-parameters-defined", severity: "error", message, location: [{ source: { ref: "in/paths/a.yaml" }, start: { line: 3, col: 5 }, pointer: "#/get/parameters/0" }] });
    const json = JSON.stringify({ problems: [problem("The operation does not define the path parameter `{id}` expected by path `/a/{id}`."), problem("Path parameter `id` is not used in the path `/a`.")] });
    const errors = structuralErrors(json, "/");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/does not define the path parameter `\{id\}`/);
  });

  it("records a declared path parameter the path does not use instead of failing", async () => {
    const unused = `get:\n  operationId: a\n  parameters:\n    - { name: id, in: path, required: true, schema: { type: string } }\n  responses:\n    "200":\n      description: ok\n`;
    const r = await split({ "openapi.yaml": ROOT, "paths/a.yaml": unused, "paths/b.yaml": op("b") });
    expect(r.error).toBe("");
    expect(r.logs.join("\n")).toMatch(/path-parameters-defined 1/);
  }, 60_000);

  it("records style problems and says how many per rule", async () => {
    const r = await split({ "openapi.yaml": ROOT, "paths/a.yaml": op("a"), "paths/b.yaml": op("b") });
    expect(r.error).toBe("");
    expect(r.logs.join("\n")).toMatch(/lint problems of the spec recorded in spec\/\.redocly\.lint-ignore\.yaml.*operation-4xx-response 2/);
  }, 60_000);
});
