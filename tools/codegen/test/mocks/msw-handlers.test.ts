/**
 * The generated MSW handlers answering requests (msw's getResponse, no server): which URLs each
 * handler claims, which server an operation is served on, pages past the first, media types.
 * Workspace-spec behaviour is covered by packages/mocks/test/msw.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generate } from "../../src/generate.js";

type Handlers = { handlers: unknown[]; createHandlers: (o?: { baseUrl?: string | undefined }) => unknown[]; handlerFor: (...a: unknown[]) => unknown };
let msw: Handlers;
let getResponse: (handlers: unknown[], request: Request) => Promise<Response | undefined>;
let root: string;

beforeAll(async () => {
  // Inside the package (the output imports @specforge/runtime/mocks), with msw linked beside it.
  const inPackage = fileURLToPath(new URL("../../.tmp/", import.meta.url));
  mkdirSync(inPackage, { recursive: true });
  root = mkdtempSync(join(inPackage, "msw-handlers-"));
  mkdirSync(join(root, "node_modules"));
  symlinkSync(fileURLToPath(new URL("../../../../packages/mocks/node_modules/msw", import.meta.url)), join(root, "node_modules/msw"), "dir");
  const spec = fileURLToPath(new URL("./fixtures/msw-routes.yaml", import.meta.url));
  await generate({ spec, out: join(root, "out"), targets: ["mocks"], seed: 1 });
  msw = await import(pathToFileURL(join(root, "out/msw.gen.ts")).href);
  ({ getResponse } = await import(pathToFileURL(createRequire(join(root, "out/")).resolve("msw")).href));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = async (handlers: unknown[], url: string, init?: RequestInit) => {
  const res = await getResponse(handlers, new Request(url, init));
  return res && { status: res.status, type: res.headers.get("content-type"), body: /json/.test(res.headers.get("content-type") ?? "") ? await res.json() : await res.text() };
};

describe("default handlers match a URL anchored at its origin", () => {
  it("an operation's path after the server's base path, or after none", async () => {
    expect((await get(msw.handlers, "https://api.routes.test/v1/files"))?.body).toEqual({ files: expect.any(Array) });
    expect((await get(msw.handlers, "http://127.0.0.1:4010/files/"))?.body).toEqual({ files: expect.any(Array) });
    expect((await get(msw.handlers, "https://api.routes.test/v1/containers/c1/files"))?.body).toEqual({ containerFiles: expect.any(Array) });
  });

  it("not a URL that merely ends with its path: another operation's, another app's, an asset", async () => {
    expect(await get(msw.handlers, "https://other.test/x/files")).toBeUndefined();
    expect(await get(msw.handlers, "http://localhost:5173/src/features/files")).toBeUndefined();
    expect(await get(msw.handlers, "https://cdn.test/static/v1/files/logo.svg")).toBeUndefined();
  });
});

describe("a pinned baseUrl", () => {
  it("answers there only, with path parameters", async () => {
    const pinned = msw.createHandlers({ baseUrl: "https://api.routes.test/v1/" });
    expect((await get(pinned, "https://api.routes.test/v1/containers/c%201/files"))?.status).toBe(200);
    expect(await get(pinned, "https://api.routes.test/files")).toBeUndefined();
    expect(await get(pinned, "https://other.test/v1/files")).toBeUndefined();
    expect(msw.createHandlers({ baseUrl: undefined })).toHaveLength(10);
  });

  it("leaves an operation with a server of its own on that server too (uploads on another host)", async () => {
    const pinned = msw.createHandlers({ baseUrl: "https://api.routes.test/v1" });
    expect((await get(pinned, "https://uploads.routes.test/v2/uploads", { method: "POST" }))?.status).toBe(201);
    expect((await get(pinned, "https://api.routes.test/v1/uploads", { method: "POST" }))?.status).toBe(201);
    expect((await get(msw.handlers, "https://uploads.routes.test/v2/uploads", { method: "POST" }))?.status).toBe(201);
  });
});

describe("paginated operations", () => {
  it("answer a request for a later page with an empty last page", async () => {
    expect((await get(msw.handlers, "https://api.routes.test/v1/orders?limit=2"))?.body).toEqual({ data: ["a", "b"], meta: { next_cursor: "c2", has_more: true } });
    expect((await get(msw.handlers, "https://api.routes.test/v1/orders?cursor=c2&limit=2"))?.body).toEqual({ data: [], meta: { next_cursor: null, has_more: false } });
    expect((await get(msw.handlers, "https://api.routes.test/v1/pages?page=1"))?.body).toEqual([1, 2]);
    expect((await get(msw.handlers, "https://api.routes.test/v1/pages?page=2"))?.body).toEqual([]);
  });

  it("a Link-paginated one names page 2 in a Link header (rel=next), and page 2 is an empty last page without one", async () => {
    const first = await getResponse(msw.handlers, new Request("https://api.routes.test/v1/repos?per_page=2"));
    expect(await first!.json()).toEqual(["r1", "r2"]);
    expect(first!.headers.get("link")).toBe('<https://api.routes.test/v1/repos?per_page=2&page=2>; rel="next"');
    const second = await getResponse(msw.handlers, new Request("https://api.routes.test/v1/repos?per_page=2&page=2"));
    expect(await second!.json()).toEqual([]);
    expect(second!.headers.get("link")).toBeNull();
    // An override's own Link header is kept.
    const pinned = msw.handlerFor("listRepos", undefined, { headers: { Link: '<https://x.test/p3>; rel="next"' } });
    expect((await getResponse([pinned], new Request("https://api.routes.test/v1/repos")))!.headers.get("link")).toBe('<https://x.test/p3>; rel="next"');
  });
});

describe("media types", () => {
  it("answer with the one the request's Accept prefers among the documented ones, else the first JSON one", async () => {
    const chat = (accept?: string) => get(msw.handlers, "https://api.routes.test/v1/chat", { method: "POST", ...(accept ? { headers: { accept } } : {}) });
    expect((await chat())?.type).toBe("application/json");
    expect((await chat("text/event-stream"))?.body).toBe("data: hi\n\n");
    expect((await chat("application/xml;q=0.9, text/event-stream;q=0.5"))?.type).toBe("application/xml");
    expect((await chat("text/*"))?.type).toBe("text/event-stream");
    expect((await chat("image/png, */*;q=0.1"))?.type).toBe("application/json");
  });
});

describe("smaller things", () => {
  const bytes = async (url: string, accept: string) => new Uint8Array(await (await getResponse(msw.handlers, new Request(url, { headers: { accept } })))!.arrayBuffer());

  it("a path with non-ASCII literal text matches its percent-encoded form", async () => {
    expect((await get(msw.handlers, "https://api.routes.test/v1/café/1"))?.body).toEqual({ name: "café" });
  });

  it("an override's headers replace the generated ones whatever their case", async () => {
    const res = await getResponse([msw.handlerFor("listFiles", "200", { headers: { "content-type": "application/vnd.api+json", "X-Extra": "1" } })], new Request("https://api.routes.test/v1/files"));
    expect(res?.headers.get("content-type")).toBe("application/vnd.api+json");
    expect(res?.headers.get("x-extra")).toBe("1");
  });

  it("an operation documenting a redirect and default answers the redirect by default", async () => {
    expect((await get(msw.handlers, "https://api.routes.test/v1/see-other"))?.status).toBe(303);
  });

  it("binary responses are small valid files, base64 fixtures their bytes", async () => {
    expect([...(await bytes("https://api.routes.test/v1/avatar", "image/png")).slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(new TextDecoder().decode((await bytes("https://api.routes.test/v1/avatar", "application/pdf")).slice(0, 5))).toBe("%PDF-");
    expect(new TextDecoder().decode(await bytes("https://api.routes.test/v1/avatar", "application/octet-stream"))).toBe("hello");
  });
});
