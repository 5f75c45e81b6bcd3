/**
 * The generated code in consumer projects set up other than ours, as users have them: a Node-only
 * project (no DOM lib, @types/node, the libraries' declarations checked too), a library that emits
 * declarations and re-exports the schemas and the runtime, and options taken from the environment
 * (`baseUrl: process.env.API_URL`, undefined when unset) under exactOptionalPropertyTypes.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "../../src/generate.js";
import { generatedClient } from "../support/generated-client.js";
import { makeConsumer, typeCheck } from "../support/consumer.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const TYPES_NODE = fileURLToPath(new URL("../../../../node_modules/@types/node", import.meta.url));

const thing = { type: "object", required: ["id"], properties: { id: { type: "string" }, size: { type: "integer" } } };
const SPEC = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  servers: [{ url: "https://api.example.com/v1" }],
  paths: {
    "/things/{id}": {
      get: {
        operationId: "getThing",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
      },
    },
    "/files/{id}": {
      get: {
        operationId: "getFile",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } } },
      },
    },
  },
  components: { schemas: { Thing: thing } },
};

/** Every target generated into `<root>/out`, and `root` made a consumer project. */
async function project(root: string): Promise<void> {
  const file = join(root, "spec.json");
  writeFileSync(file, JSON.stringify(SPEC));
  await generate({ spec: file, out: join(root, "out"), targets: ["types", "client", "zod", "mocks"], workers: false });
  await makeConsumer(root);
}

describe("the generated code in other consumers' settings", () => {
  it("a Node-only project (no DOM lib): the client, the MSW handlers and the runtime's declarations compile", async () => {
    const root = scratch("consumer-node-only-");
    await project(root);
    mkdirSync(join(root, "node_modules/@types"), { recursive: true });
    symlinkSync(TYPES_NODE, join(root, "node_modules/@types/node"), "dir");
    // skipLibCheck off: a DOM-only name in @specforge/runtime's declarations (HeadersInit) is an error, not a silent `any`.
    const errors = await typeCheck(root, ["out/client.gen.ts", "out/msw.gen.ts", "out/zod.gen.ts"], { lib: ["ES2023"], types: ["node"], skipLibCheck: false });
    // msw's own declarations lean on the DOM; only what is ours (the project's folder) must be clean.
    expect(errors.split("\n").filter((l) => l.includes("consumer-node-only-"))).toEqual([]);
    expect(errors, "the check ran: msw's declarations were read").toMatch(/@mswjs/);
  });

  it("a library that emits declarations can re-export the schemas, the client and its runtime", async () => {
    const root = scratch("consumer-declarations-");
    await project(root);
    writeFileSync(
      join(root, "lib.ts"),
      [
        `import { createApi } from "./out/client.gen.js";`,
        `import { ThingSchema } from "./out/zod.gen.js";`,
        `export const thing = ThingSchema;`,
        `export const schemas = { thing: ThingSchema };`,
        `export const api = createApi();`,
        `export const runtime = createApi().runtime;`,
      ].join("\n"),
    );
    const errors = await typeCheck(root, ["lib.ts"], { noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: "decl" });
    expect(errors).toBe("");
  });

  it("a library that emits declarations of a large spec's schemas (GitHub's 1,000+ operations: TS7056 on `operations`)", async () => {
    const root = scratch("consumer-large-declarations-");
    const paths: Record<string, unknown> = {};
    const schemas: Record<string, unknown> = {};
    // Each operation answers its own named object, as GitHub's do: its schema's type (the object's
    // shape) is part of the operation's, and of the type of `operations` when that is inferred.
    const fields = Array.from({ length: 60 }, (_, k) => `field_${k}`);
    for (let i = 0; i < 1_200; i++) {
      schemas[`Thing${i}`] = { type: "object", required: ["id"], properties: Object.fromEntries(fields.map((f) => [`${f}_${i}`, { type: "string" }])) };
      paths[`/things${i}/{id}`] = {
        get: {
          operationId: `getThing${i}`,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: `#/components/schemas/Thing${i}` } } } } },
        },
      };
    }
    const file = join(root, "spec.json");
    writeFileSync(file, JSON.stringify({ ...SPEC, paths, components: { schemas } }));
    await generate({ spec: file, out: join(root, "out"), targets: ["zod"], workers: false });
    await makeConsumer(root);
    // The generated module is one of the library's sources (its `src/generated/`): its declarations are emitted too.
    writeFileSync(join(root, "lib.ts"), `export { operations, Thing0Schema } from "./out/zod.gen.js";\n`);
    const errors = await typeCheck(root, ["lib.ts", "out/zod.gen.ts"], { noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: "decl" });
    expect(errors).toBe("");
  }, 120_000);

  it("options from the environment: an unset baseUrl keeps the spec's server, and undefined options type-check", async () => {
    const root = scratch("consumer-env-");
    const consumer = makeConsumer(root);
    const { mod, done } = await generatedClient(root, SPEC, "consumer-env");
    try {
      const urls: string[] = [];
      const fetch = async (input: string | URL | Request) => {
        urls.push(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
        return new Response(JSON.stringify({ id: "a" }), { headers: { "content-type": "application/json" } });
      };
      await mod.createApi({ baseUrl: undefined, fetch }).getThing({ params: { path: { id: "a" } } });
      expect(urls).toEqual(["https://api.example.com/v1/things/a"]);

      mkdirSync(dirname(join(root, "env.ts")), { recursive: true });
      writeFileSync(
        join(root, "env.ts"),
        [
          `import { createApi } from "./out/client.gen.js";`,
          `declare const env: Record<string, string | undefined>;`,
          `const timeout = env.TIMEOUT_MS ? Number(env.TIMEOUT_MS) : undefined;`,
          `export const api = createApi({ baseUrl: env.API_URL, timeoutMs: timeout, headers: undefined, retry: undefined });`,
          `export const got = api.getThing({ params: { path: { id: "a" } } }, { timeoutMs: timeout, signal: undefined });`,
        ].join("\n"),
      );
      await consumer;
      expect(await typeCheck(root, ["env.ts"])).toBe("");
    } finally {
      done();
    }
  });
});
