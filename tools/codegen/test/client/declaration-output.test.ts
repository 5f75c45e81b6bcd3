/**
 * Specs with DECLARATION_OUTPUT_OPERATIONS operations or more (Microsoft Graph: 14,000+) get the
 * client as JavaScript plus declarations and the types as a declaration file, so a consumer's tsc
 * resolves only what it uses. Given a synthetic spec just over the line, want: those files, a
 * consumer that calls one operation type-checks under the strict flags (and a wrong call does
 * not), the declared `operationMeta` is the `as const` type of the .ts module's, and the
 * JavaScript client runs.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "../../src/generate.js";
import { DECLARATION_OUTPUT_OPERATIONS } from "../../src/emit/emitter.js";
import { constType, valueLiteral } from "../../src/emit/inert.js";
import { CODEGEN_ROOT } from "../zod/compile.js";
import { makeConsumer, typeCheck } from "../support/consumer.js";

function bigSpec(operations: number): unknown {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < operations; i++) {
    paths[`/r${i}`] = {
      get: {
        operationId: `getR${i}`,
        tags: [`group${i % 7}`],
        parameters: [{ name: "limit", in: "query", schema: { type: "integer" } }],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "big", version: "1" },
    servers: [{ url: "https://big.example" }],
    paths,
    components: { schemas: { Item: { type: "object", required: ["id"], properties: { id: { type: "string" } } } } },
  };
}

describe("declaration output for very large specs", () => {
  it("given a spec over the operation count, want client.gen.js + .d.ts and types.gen.d.ts that a strict consumer uses", async () => {
    const root = mkdtempSync(join(tmpdir(), "codegen-decl-"));
    // The JavaScript runs from inside the package, where @specforge/runtime resolves.
    const runDir = join(CODEGEN_ROOT, ".tmp", `decl-${process.pid}`);
    try {
      const consumer = makeConsumer(root);
      const spec = join(root, "big.json");
      writeFileSync(spec, JSON.stringify(bigSpec(DECLARATION_OUTPUT_OPERATIONS)));
      const out = join(root, "out");
      await generate({ spec, out, targets: ["types", "client"], workers: false });
      expect(readdirSync(out).sort()).toEqual(["client.gen.d.ts", "client.gen.js", "index.ts", "types.gen.d.ts"]);

      writeFileSync(
        join(root, "consumer.ts"),
        [
          `import { createApi, operationMeta, servers } from "./out/client.gen.js";`,
          `const api = createApi();`,
          `const item = await api.group3.getR3({ params: { query: { limit: 1 } } });`,
          `export const id: string = item.id;`,
          `// @ts-expect-error -- limit is an integer`,
          `await api.group3.getR3({ params: { query: { limit: "x" } } });`,
          `export const method: "get" = operationMeta.getR3.method;`,
          `export const server: "https://big.example" = servers[0];`,
          `export type Ids = keyof typeof operationMeta;`,
          `export const some: Ids = "getR${DECLARATION_OUTPUT_OPERATIONS - 1}";`,
        ].join("\n"),
      );
      await consumer;
      expect(await typeCheck(root, ["consumer.ts"])).toBe("");

      mkdirSync(runDir, { recursive: true });
      for (const f of ["client.gen.js"]) writeFileSync(join(runDir, f), readFileSync(join(out, f)));
      const seen: string[] = [];
      const fetch = async (input: Request | URL | string) => {
        seen.push(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
        return new Response(JSON.stringify({ id: "x" }), { headers: { "content-type": "application/json" } });
      };
      const mod = await import(join(runDir, "client.gen.js"));
      const api = mod.createApi({ fetch });
      expect(await api.group3.getR3({ params: { query: { limit: 2 } } })).toEqual({ id: "x" });
      expect(seen).toEqual(["https://big.example/r3?limit=2"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(runDir, { recursive: true, force: true });
    }
  }, 300_000);

  it("constType is the type of valueLiteral(…) as const", () => {
    const value = { id: "a\"b", n: -1.5, ok: true, none: null, list: ["x", 2], nested: { k: [] } };
    expect(valueLiteral(value)).toBe(`{ id: "a\\"b", n: -1.5, ok: true, none: null, list: ["x", 2], nested: { k: [] } }`);
    expect(constType(value)).toBe(`{ readonly id: "a\\"b"; readonly n: -1.5; readonly ok: true; readonly none: null; readonly list: readonly ["x", 2]; readonly nested: { readonly k: readonly [] } }`);
  });
});
