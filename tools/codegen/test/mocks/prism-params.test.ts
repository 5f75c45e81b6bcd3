/**
 * Prism 5 dies on the first request to an operation with a path parameter in label or matrix style
 * or of array/object type, an array/object header parameter left out of the request, or a query
 * parameter or multipart field whose style does not fit its type (an uncaught error ends the
 * process; every later request is refused), and a `$ref` key inside example data (Prism tries to
 * download it, and does not start when it cannot), and a response whose first media type it cannot
 * serialize (a 500 for a request without Accept). Given a spec with each,
 * want the generated openapi.mock.json to keep a real Prism serving all of them, with primitive
 * parameters still checked and the spec's document left as it was. And OpenAPI 3.2 constructs
 * Prism does not know (a querystring parameter, components.mediaTypes) served as what they mean.
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "../../src/generate.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();
const PRISM = fileURLToPath(new URL("../../../../node_modules/.bin/prism", import.meta.url));
const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { ok: { type: "boolean" } } } } } } };
const arr = { type: "array", items: { type: "string" } };
const obj = { type: "object", properties: { r: { type: "integer" } } };
const SCIM = { value: "92b58aaa", $ref: "https://scim.invalid/Users/92b58aaa", display: "octocat" };
const SPEC = {
  openapi: "3.0.3",
  info: { title: "Styles", version: "1" },
  paths: {
    "/label/{a}": { get: { operationId: "label", parameters: [{ name: "a", in: "path", required: true, style: "label", schema: arr }], responses: ok } },
    "/matrix/{m}": { get: { operationId: "matrix", parameters: [{ name: "m", in: "path", required: true, style: "matrix", explode: true, schema: obj }], responses: ok } },
    "/simple/{ids}": { parameters: [{ $ref: "#/components/parameters/Ids" }], get: { operationId: "simple", responses: ok } },
    "/headers": { get: { operationId: "headers", parameters: [{ name: "x-tags", in: "header", schema: arr }, { name: "x-meta", in: "header", schema: { $ref: "#/components/schemas/Meta" } }], responses: ok } },
    "/delimited": { get: { operationId: "delimited", parameters: [{ name: "o", in: "query", style: "pipeDelimited", explode: false, schema: obj }], responses: ok } },
    "/form": {
      post: {
        operationId: "form",
        requestBody: {
          content: {
            "multipart/form-data": {
              schema: { type: "object", properties: { o: obj, tags: arr } },
              encoding: { o: { style: "pipeDelimited", explode: false }, tags: { style: "pipeDelimited", explode: false } },
            },
          },
        },
        responses: ok,
      },
    },
    "/checked/{n}": { get: { operationId: "checked", parameters: [{ name: "n", in: "path", required: true, schema: { type: "integer" } }], responses: ok } },
    // SCIM data carries `$ref` keys (GitHub's 2.2.1 examples): Prism tried to download them and stopped.
    // Prism answers in the first media type and cannot serialize a vendor one (GitHub's contents endpoint).
    "/contents": {
      get: {
        operationId: "contents",
        responses: { "200": { description: "ok", content: { "application/vnd.github.v3.object": { schema: { type: "object" }, example: { v: 1 } }, "application/json": { schema: { type: "object" }, example: { v: 1 } } } } },
      },
    },
    "/groups": { get: { operationId: "groups", responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object" }, example: { members: [SCIM] } } } } } } },
  },
  components: { parameters: { Ids: { name: "ids", in: "path", required: true, schema: arr } }, schemas: { Meta: obj } },
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A real Prism on the mock spec in `dir/out`, for the length of `use`; it must still be running at the end. */
async function withPrism(dir: string, use: (base: string) => Promise<void>): Promise<void> {
  const port = await freePort();
  const prism = spawn(PRISM, ["mock", join(dir, "out/openapi.mock.json"), "-h", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
  let log = "";
  prism.stdout.on("data", (c) => (log += String(c)));
  prism.stderr.on("data", (c) => (log += String(c)));
  try {
    for (let i = 0; i < 600 && !/Prism is listening/.test(log); i++) {
      if (prism.exitCode !== null) throw new Error(`Prism exited:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await use(`http://127.0.0.1:${port}`);
    expect(prism.exitCode, log.slice(-2000)).toBeNull();
  } finally {
    prism.kill("SIGTERM");
  }
}

describe("the mock spec keeps Prism alive", () => {
  it("on styled and structured path and header parameters, and still checks the primitive ones", { timeout: 180_000 }, async () => {
    const dir = scratch("prism-params-");
    const specFile = join(dir, "spec.json");
    writeFileSync(specFile, JSON.stringify(SPEC));
    await generate({ spec: specFile, out: join(dir, "out"), targets: ["mocks"], workers: false });
    const mockSpec = JSON.parse(readFileSync(join(dir, "out/openapi.mock.json"), "utf8"));
    expect(mockSpec.paths["/checked/{n}"].get.parameters[0].schema).toEqual({ type: "integer" });
    expect(mockSpec.components.parameters.Ids.schema).toEqual({});
    expect(JSON.parse(readFileSync(specFile, "utf8"))).toEqual(SPEC);

    await withPrism(dir, async (base) => {
      const get = async (path: string, headers: Record<string, string> = {}) => (await fetch(`${base}${path}`, { headers })).status;
      // Each of these used to end the Prism process.
      expect(await get("/label/.x,y")).toBe(200);
      expect(await get("/matrix/;r=1")).toBe(200);
      expect(await get("/simple/a,b")).toBe(200);
      expect(await get("/headers")).toBe(200);
      expect(await get("/headers", { "x-tags": "a,b" })).toBe(200);
      expect(await get("/delimited?o=r|1")).toBe(200);
      // An array field as the generated client sends it (repeated fields; OpenAPI 3.0 ignores a
      // multipart encoding's style), which Prism rejected with 422 when it applied pipeDelimited.
      const form = new FormData();
      form.set("o", "r|1");
      form.append("tags", "a");
      form.append("tags", "b");
      expect((await fetch(`${base}/form`, { method: "POST", body: form })).status).toBe(200);
      expect(await get("/checked/7")).toBe(200);
      expect(await get("/checked/seven")).toBe(422);
      const contents = await fetch(`${base}/contents`);
      expect([contents.status, contents.headers.get("content-type"), await contents.json()]).toEqual([200, "application/json", { v: 1 }]);
      const groups = await fetch(`${base}/groups`);
      expect(await groups.json()).toEqual({ members: [{ value: "92b58aaa", display: "octocat" }] });
    });
  });

  // Prism 5 knows neither 3.2's querystring parameter nor components.mediaTypes: the mock spec
  // carries what the loader made of them (query parameters, the media type inlined).
  it("on an OpenAPI 3.2 spec: a querystring object checked as its query parameters, a referenced media type served", { timeout: 180_000 }, async () => {
    const dir = scratch("prism-32-");
    const specFile = join(dir, "spec.json");
    const form = { "application/x-www-form-urlencoded": { schema: { type: "object", required: ["owner"], properties: { owner: { type: "string" }, limit: { type: "integer" } } } } };
    writeFileSync(
      specFile,
      JSON.stringify({
        openapi: "3.2.0",
        info: { title: "Three-two", version: "1" },
        paths: {
          "/hits": { get: { operationId: "listHits", parameters: [{ name: "filter", in: "querystring", content: form }], responses: { "200": { description: "ok", content: { "application/json": { $ref: "#/components/mediaTypes/Hits" } } } } } },
        },
        components: { mediaTypes: { Hits: { schema: { type: "array", items: { type: "string" } }, example: ["h1"] } } },
      }),
    );
    await generate({ spec: specFile, out: join(dir, "out"), targets: ["mocks"], workers: false });
    await withPrism(dir, async (base) => {
      const hits = await fetch(`${base}/hits?owner=ada&limit=2`);
      expect([hits.status, await hits.json()]).toEqual([200, ["h1"]]);
      expect((await fetch(`${base}/hits?limit=2`)).status).toBe(422);
      expect((await fetch(`${base}/hits?owner=ada&limit=two`)).status).toBe(422);
    });
  });
});
