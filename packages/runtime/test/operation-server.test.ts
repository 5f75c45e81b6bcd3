/**
 * An operation the spec serves on its own host (Stripe's and Box's uploads, GitHub's release
 * assets): it goes there while the base URL is the spec's own, and where the caller says otherwise.
 * Two real local servers stand for the API's host and the upload host.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiCore, type OperationMeta } from "../src/client/api-core.js";

const hits: string[] = [];
const servers: Server[] = [];
async function host(name: string): Promise<string> {
  const server = createServer((req, res) => {
    hits.push(`${name} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
let api: string;
let uploads: string;
beforeAll(async () => {
  api = await host("api");
  uploads = await host("uploads");
});
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))));

const list: OperationMeta = { id: "listFiles", method: "get", path: "/files" };
const upload = (server: string): OperationMeta => ({ id: "uploadFile", method: "post", path: "/files", server });

async function run(meta: OperationMeta, options: object, specBase: boolean, init: object = {}): Promise<string> {
  hits.length = 0;
  await createApiCore<Record<string, never>>({ retry: false, ...options }, { specBase }).op(meta)(init as never);
  return hits[0]!;
}

describe("an operation's own server", () => {
  it("serves it while the base URL is the spec's own; the others stay on the API's host", async () => {
    expect(await run(upload(`${uploads}/v1`), { baseUrl: api }, true)).toBe("uploads /v1/files");
    expect(await run(list, { baseUrl: api }, true)).toBe("api /files");
    // Through openapi-fetch (a call with middleware) too.
    expect(await run(upload(`${uploads}/v1`), { baseUrl: api }, true, { middleware: [{ onRequest: () => undefined }] })).toBe("uploads /v1/files");
  });

  it("a base URL the caller chose (a proxy, a mock) serves everything; a call's baseUrl wins over both", async () => {
    expect(await run(upload(`${uploads}/v1`), { baseUrl: api }, false)).toBe("api /files");
    expect(await run(upload(`${uploads}/v1`), { baseUrl: api }, true, { baseUrl: api })).toBe("api /files");
  });

  it("a variable without a default comes from serverVariables (Pinecone's {index_name}); without one, a TypeError naming it", async () => {
    const port = new URL(uploads).port;
    const templated = upload("http://127.0.0.1:{port}/{index}");
    expect(await run(templated, { baseUrl: api, serverVariables: { port, index: "idx-1" } }, true)).toBe("uploads /idx-1/files");
    await expect(createApiCore<Record<string, never>>({ baseUrl: api, serverVariables: { port } }, { specBase: true }).op(templated)({} as never)).rejects.toThrow(
      new TypeError("uploadFile is served at http://127.0.0.1:{port}/{index}: pass createApi a serverVariables.index (or a baseUrl)"),
    );
  });
});
