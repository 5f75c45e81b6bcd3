/**
 * OpenAPI 3.2 constructs that change what a client sends or gets, each handled once for every
 * target: `query` (HTTP QUERY) and `additionalOperations` (PURGE…) are operations; an
 * `in: querystring` parameter of form-encoded object type is its query parameters; an event
 * stream's `itemSchema` types the events' data; an Example Object's `dataValue` is its value; a
 * content entry may reference `components.mediaTypes`. Given small specs, want the model, the warnings,
 * the errors (file, pointer, problem), the generated output under one strict tsc, and the generated
 * MSW handlers answering QUERY and PURGE.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generate } from "../../src/generate.js";
import { loadSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/ir/build-model.js";
import { makeConsumer, typeCheck } from "../support/consumer.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const Hit = { type: "object", required: ["id"], properties: { id: { type: "string" } } };

const SPEC = {
  openapi: "3.2.0",
  $self: "https://example.com/openapi.json",
  info: { title: "Three-two", version: "1" },
  tags: [{ name: "search", kind: "nav" }],
  paths: {
    "/search": {
      query: {
        operationId: "searchHits",
        tags: ["search"],
        requestBody: { required: true, ...json({ type: "object", required: ["q"], properties: { q: { type: "string" } } }) },
        responses: {
          "200": {
            description: "hits",
            content: {
              "application/json": {
                schema: { type: "array", items: { $ref: "#/components/schemas/Hit" } },
                examples: { one: { dataValue: [{ id: "h1" }], serializedValue: '[{"id":"h1"}]' } },
              },
            },
          },
        },
      },
      additionalOperations: {
        PURGE: { operationId: "purgeSearch", responses: { "204": { description: "purged" } } },
      },
    },
    "/hits": {
      get: {
        operationId: "listHits",
        parameters: [
          {
            name: "filter",
            in: "querystring",
            content: { "application/x-www-form-urlencoded": { schema: { type: "object", required: ["owner"], properties: { owner: { type: "string" }, limit: { type: "integer" } } } } },
          },
        ],
        responses: { "200": { description: "hits", ...json({ type: "array", items: { $ref: "#/components/schemas/Hit" } }) } },
      },
    },
    "/tags": {
      get: {
        operationId: "listTags",
        parameters: [{ name: "labels", in: "querystring", required: true, content: { "application/x-www-form-urlencoded": { schema: { type: "object", additionalProperties: { type: "string" } } } } }],
        responses: { "204": { description: "none" } },
      },
    },
    "/jsonpath": {
      get: {
        operationId: "byJsonPath",
        parameters: [{ name: "selector", in: "querystring", content: { "application/jsonpath": { schema: { type: "string" } } } }],
        responses: { "204": { description: "none" } },
      },
    },
    "/lines": {
      get: {
        operationId: "listLines",
        responses: { "200": { description: "hits", content: { "application/json": { $ref: "#/components/mediaTypes/HitList" }, "application/jsonl": { $ref: "#/components/mediaTypes/HitLines" } } } },
      },
    },
    "/events": {
      get: {
        operationId: "streamHits",
        responses: {
          "200": {
            description: "one event per hit",
            content: {
              "text/event-stream": {
                itemSchema: { type: "object", properties: { event: { type: "string" }, data: { type: "string", contentMediaType: "application/json", contentSchema: { $ref: "#/components/schemas/Hit" } } } },
              },
            },
          },
        },
      },
    },
  },
  webhooks: {
    hitFound: { query: { operationId: "hitFound", requestBody: { required: true, ...json({ $ref: "#/components/schemas/Hit" }) }, responses: { "200": { description: "ok" } } } },
  },
  components: {
    schemas: { Hit },
    mediaTypes: {
      HitList: { schema: { type: "array", items: { $ref: "#/components/schemas/Hit" } } },
      HitLines: { itemSchema: { $ref: "#/components/schemas/Hit" } },
    },
  },
};

const write = (doc: object) => {
  const dir = scratch("oas32-");
  const file = join(dir, "spec.json");
  writeFileSync(file, JSON.stringify(doc));
  return { dir, file };
};

describe("OpenAPI 3.2", () => {
  let dir: string;
  let file: string;
  let model: ReturnType<typeof buildModel>;
  beforeAll(async () => {
    ({ dir, file } = write(SPEC));
    model = buildModel(await loadSpec(file));
  });

  it("makes `query` and `additionalOperations` entries operations, at their own pointers", () => {
    expect(model.operations.map((o) => [o.id, o.method, o.path, o.pointer])).toEqual([
      ["searchHits", "query", "/search", "#/paths/~1search/query"],
      ["purgeSearch", "purge", "/search", "#/paths/~1search/additionalOperations/PURGE"],
      ["listHits", "get", "/hits", "#/paths/~1hits/get"],
      ["listTags", "get", "/tags", "#/paths/~1tags/get"],
      ["byJsonPath", "get", "/jsonpath", "#/paths/~1jsonpath/get"],
      ["listLines", "get", "/lines", "#/paths/~1lines/get"],
      ["streamHits", "get", "/events", "#/paths/~1events/get"],
    ]);
  });

  it("turns a form-encoded querystring object into its query parameters, and warns where it cannot", () => {
    const list = model.operations.find((o) => o.id === "listHits")!;
    expect(list.parameters.map((p) => [p.name, p.in, p.required, p.style, p.explode])).toEqual([
      ["owner", "query", true, "form", true],
      ["limit", "query", false, "form", true],
    ]);
    const tags = model.operations.find((o) => o.id === "listTags")!.parameters;
    expect(tags.map((p) => [p.name, p.in, p.required, p.style, p.explode, p.schema.object?.additionalProperties !== undefined])).toEqual([["labels", "query", true, "form", true, true]]);
    expect(model.operations.find((o) => o.id === "byJsonPath")!.parameters).toEqual([]);
    expect(model.warnings.map((w) => `${w.pointer}: ${w.message}`)).toEqual([
      '#/paths/~1jsonpath/get/parameters/0: querystring parameter "selector" is left out: only an application/x-www-form-urlencoded object maps onto query parameters the client can send',
    ]);
  });

  it("reads an Example Object's dataValue as its value", () => {
    expect(model.operations[0]!.responses[0]!.content[0]!.examples).toEqual([{ name: "one", value: [{ id: "h1" }] }]);
  });

  it("reads a content entry that references components.mediaTypes as the media type it names", () => {
    const [json, lines] = model.operations.find((o) => o.id === "listLines")!.responses[0]!.content;
    expect(json!.schema.array?.items?.ref).toBe("Hit");
    expect(lines!.mediaType).toBe("application/jsonl");
  });

  it("types an event stream's data from its itemSchema's contentSchema", () => {
    const media = model.operations.find((o) => o.id === "streamHits")!.responses[0]!.content[0]!;
    expect(media.eventSchema?.ref).toBe("Hit");
  });

  it.each([
    [{ "/x": { additionalOperations: { GET: { responses: {} } } } }, "#/paths/~1x/additionalOperations/GET", "GET is a fixed field of the path item: write this operation under `get`, not additionalOperations"],
    [{ "/x": { additionalOperations: { "NOT A METHOD": { responses: {} } } } }, "#/paths/~1x/additionalOperations/NOT A METHOD", '"NOT A METHOD" is not an HTTP method name'],
    [{ "/x": { additionalOperations: [] } }, "#/paths/~1x/additionalOperations", "additionalOperations must be an object keyed by HTTP method"],
  ])("refuses an invalid additionalOperations, naming file and pointer (%#)", async (paths, pointer, problem) => {
    const { file: bad } = write({ openapi: "3.2.0", info: { title: "Bad", version: "1" }, paths });
    await expect(loadSpec(bad)).rejects.toMatchObject({ file: bad, pointer, problem });
  });

  it("generates every target: QUERY and PURGE typed under one strict tsc, MSW answering both", { timeout: 120_000 }, async () => {
    const consumer = makeConsumer(dir);
    await generate({ spec: file, out: join(dir, "out"), workers: false });
    const client = readFileSync(join(dir, "out/client.gen.ts"), "utf8");
    expect(client).toContain(`searchHits: { id: "searchHits", method: "query", path: "/search"`);
    expect(client).toContain(`OperationFn<paths["/search"]["purge"]>`);
    await consumer;
    writeFileSync(
      join(dir, "consumer.ts"),
      [
        `import type { paths, webhooks } from "./out/types.gen.js";`,
        `import { createApi } from "./out/client.gen.js";`,
        `type Body<P> = P extends { requestBody: { content: { "application/json": infer B } } } ? B : never;`,
        `type Ok<P> = P extends { responses: { 200: { content: { "application/json": infer B } } } } ? B : never;`,
        `export const q: Body<paths["/search"]["query"]> = { q: "ada" };`,
        `// @ts-expect-error the QUERY body requires q`,
        `export const noQ: Body<paths["/search"]["query"]> = {};`,
        `export const hits: Ok<paths["/search"]["query"]> = [{ id: "h1" }];`,
        `export const lines: Ok<paths["/lines"]["get"]> = [{ id: "h1" }];`,
        `export const hook: Body<webhooks["hitFound"]["query"]> = { id: "h1" };`,
        `// @ts-expect-error a referenced media type keeps its schema's types`,
        `export const notLines: Ok<paths["/lines"]["get"]> = [{ name: "h1" }];`,
        `const api = createApi({ baseUrl: "http://127.0.0.1:9" });`,
        `export const found: Promise<{ id: string }[]> = api.search.hits({ body: { q: "x" } });`,
        `export const listed = api.listHits({ params: { query: { owner: "ada", limit: 5 } } });`,
        `// @ts-expect-error owner is required (the querystring object's required property)`,
        `export const noOwner = api.listHits({ params: { query: { limit: 5 } } });`,
        `export const tagged = api.listTags({ params: { query: { labels: { env: "prod" } } } });`,
      ].join("\n") + "\n",
    );
    expect(await typeCheck(dir, ["consumer.ts", "out/**/*.ts"])).toBe("");

    // The handlers run on the runtime's mock engine: its sources, where the consumer had declarations.
    rmSync(join(dir, "node_modules/@specforge/runtime"), { recursive: true });
    symlinkSync(fileURLToPath(new URL("../../../../packages/runtime", import.meta.url)), join(dir, "node_modules/@specforge/runtime"), "dir");
    const msw = (await import(pathToFileURL(join(dir, "out/msw.gen.ts")).href)) as { handlers: unknown[] };
    const { getResponse } = (await import(pathToFileURL(createRequire(join(dir, "out/")).resolve("msw")).href)) as {
      getResponse: (handlers: unknown[], request: Request) => Promise<Response | undefined>;
    };
    const query = await getResponse(msw.handlers, new Request("http://api.test/search", { method: "QUERY", body: '{"q":"x"}' }));
    expect(query?.status).toBe(200);
    expect(await query?.json()).toEqual([{ id: "h1" }]);
    expect((await getResponse(msw.handlers, new Request("http://api.test/search", { method: "PURGE" })))?.status).toBe(204);
    expect(await getResponse(msw.handlers, new Request("http://api.test/search", { method: "POST" }))).toBeUndefined();
  });
});
