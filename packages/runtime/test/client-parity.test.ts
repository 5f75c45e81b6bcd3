import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiCore, type OperationMeta } from "../src/client/api-core.js";
import { NotFoundError } from "../src/errors/index.js";

// The operation methods build their requests themselves instead of through openapi-fetch: what a
// server receives must be the same either way. Each case sends the same init both ways.
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
const seen: Seen[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const url = new URL(req.url!, "http://x");
      if (url.pathname === "/empty") return void res.writeHead(204).end();
      if (url.pathname === "/missing") {
        res.writeHead(404, { "content-type": "application/json" });
        return void res.end(JSON.stringify({ error: { code: "NOT_FOUND", message: "gone" } }));
      }
      if (url.pathname === "/text") {
        res.writeHead(200, { "content-type": "text/plain" });
        return void res.end("plain text");
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { ok: true } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** What the server saw, minus what differs per logical request by design. */
const comparable = (s: Seen) => {
  const { "x-request-id": _id, "content-length": _len, connection: _c, "keep-alive": _k, ...headers } = s.headers;
  return { method: s.method, url: s.url, headers, body: s.body };
};

async function both(meta: OperationMeta, init: Record<string, unknown>): Promise<[ReturnType<typeof comparable>, ReturnType<typeof comparable>]> {
  const api = createApiCore<Record<string, never>>({ baseUrl, retry: false });
  const request = api.client.request as unknown as (m: string, p: string, i: object) => Promise<unknown>;
  await request(meta.method, meta.path, init);
  const viaOpenapiFetch = comparable(seen.at(-1)!);
  await api.op(meta)(init as never);
  return [comparable(seen.at(-1)!), viaOpenapiFetch];
}

describe("operation methods send what openapi-fetch sends", () => {
  const cases: Array<[string, OperationMeta, Record<string, unknown>]> = [
    ["path parameters, percent-encoded", { id: "a", method: "get", path: "/users/{id}/posts/{postId}" }, { params: { path: { id: "a b/c?", postId: 7 } } }],
    ["a missing path parameter stays a placeholder", { id: "b", method: "get", path: "/users/{id}" }, { params: { path: {} } }],
    ["label, matrix and exploded path parameters", { id: "c", method: "get", path: "/x/{.a}/{;b}/{c*}" }, { params: { path: { a: ["1", "2"], b: "v", c: { k: "v" } } } }],
    [
      "query: primitives, arrays (form, exploded), objects (deepObject), null and undefined skipped",
      { id: "d", method: "get", path: "/search" },
      { params: { query: { q: "a&b c", tags: ["x", "y"], filter: { role: "admin", active: true }, none: null, skip: undefined, empty: [] } } },
    ],
    ["a custom query serializer (options)", { id: "e", method: "get", path: "/search" }, { params: { query: { tags: ["x", "y"] } }, querySerializer: { array: { style: "pipeDelimited", explode: false } } }],
    ["a custom query serializer (function)", { id: "f", method: "get", path: "/search" }, { params: { query: { a: 1 } }, querySerializer: () => "custom=1" }],
    ["header parameters and headers, null removes", { id: "g", method: "get", path: "/h" }, { params: { header: { "X-Tenant": "t1" } }, headers: { "X-Trace": "abc", Accept: null, "X-Many": ["1", "2"] } }],
    ["a JSON body gets application/json", { id: "h", method: "post", path: "/things" }, { body: { name: "Ada", n: 1 } }],
    ["a form-encoded body when the content type says so", { id: "i", method: "post", path: "/oauth/token" }, { body: { grant_type: "client_credentials", scope: "a b" }, headers: { "Content-Type": "application/x-www-form-urlencoded" } }],
    ["a custom body serializer", { id: "j", method: "put", path: "/things/1" }, { body: { a: 1 }, bodySerializer: (b: unknown) => `<<${JSON.stringify(b)}>>`, headers: { "content-type": "text/plain" } }],
    ["a per-call baseUrl", { id: "k", method: "delete", path: "/things/1" }, { baseUrl: "BASE/prefix/" }],
  ];
  for (const [name, meta, init] of cases) {
    it(name, async () => {
      const resolved = JSON.parse(JSON.stringify(init).replace(/BASE/g, baseUrl)) as Record<string, unknown>;
      for (const k of ["querySerializer", "bodySerializer"]) if (k in init) resolved[k] = init[k];
      const [ours, theirs] = await both(meta, resolved);
      expect(ours).toEqual(theirs);
    });
  }

  it("a FormData body keeps fetch's multipart encoding", async () => {
    const form = new FormData();
    form.append("title", "report");
    form.append("file", new Blob(["hello"]), "a.txt");
    const api = createApiCore<Record<string, never>>({ baseUrl });
    await api.op({ id: "up", method: "post", path: "/uploads" })({ body: form } as never);
    const s = seen.at(-1)!;
    expect(s.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(s.body).toContain('name="file"; filename="a.txt"');
  });
});

describe("operation methods decode what openapi-fetch decodes", () => {
  const api = () => createApiCore<Record<string, never>>({ baseUrl, retry: false });

  it("JSON by default, nothing for a 204, text/blob/arrayBuffer/stream on request", async () => {
    expect(await api().op({ id: "a", method: "get", path: "/json" })({})).toEqual({ data: { ok: true } });
    expect(await api().op({ id: "b", method: "delete", path: "/empty" })({})).toBeUndefined();
    expect(await api().op({ id: "c", method: "get", path: "/text" })({ parseAs: "text" } as never)).toBe("plain text");
    const blob = (await api().op({ id: "d", method: "get", path: "/text" })({ parseAs: "blob" } as never)) as Blob;
    expect(await blob.text()).toBe("plain text");
    expect(blob.type).toBe("text/plain");
    const buffer = (await api().op({ id: "e", method: "get", path: "/text" })({ parseAs: "arrayBuffer" } as never)) as ArrayBuffer;
    expect(new TextDecoder().decode(buffer)).toBe("plain text");
    const stream = (await api().op({ id: "f", method: "get", path: "/text" })({ parseAs: "stream" } as never)) as ReadableStream;
    expect(await new Response(stream).text()).toBe("plain text");
    await expect(api().op({ id: "g", method: "get", path: "/missing" })({ parseAs: "stream" } as never)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("middleware still runs, through openapi-fetch, with the same results", async () => {
    const seenByMiddleware: string[] = [];
    const middleware = [{ onRequest: ({ request }: { request: Request }) => void seenByMiddleware.push(request.url) }];
    expect(await api().op({ id: "a", method: "get", path: "/json" })({ middleware } as never)).toEqual({ data: { ok: true } });
    expect(seenByMiddleware).toEqual([`${baseUrl}/json`]);
    await expect(api().op({ id: "b", method: "get", path: "/missing" })({ middleware } as never)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("RequestInit fields of the init reach fetch", async () => {
    let init: RequestInit | undefined;
    const core = createApiCore<Record<string, never>>({
      baseUrl,
      fetch: (input, i) => ((init = i), fetch(input, i)),
    });
    await core.op({ id: "a", method: "get", path: "/json" })({ credentials: "omit", redirect: "manual", cache: "no-store" } as never);
    expect(init).toMatchObject({ credentials: "omit", redirect: "manual", cache: "no-store", method: "GET" });
  });

  it("a relative URL outside a page is a TypeError before anything is sent", async () => {
    const core = createApiCore<Record<string, never>>({ baseUrl: "/api" });
    await expect(core.op({ id: "a", method: "get", path: "/json" })({})).rejects.toThrow(/"\/api\/json": outside a browser page, the client's baseUrl must be absolute/);
  });

  it("on a page, a relative baseUrl is relative to the page's URL, as fetch has it", async () => {
    let sent: unknown;
    vi.stubGlobal("location", new URL(`${baseUrl}/app/index.html`));
    try {
      const core = createApiCore<Record<string, never>>({ baseUrl: "/", fetch: (input, i) => ((sent = input), fetch(input, i)) });
      await core.op({ id: "a", method: "get", path: "/json" })({});
      expect(sent).toBe(`${baseUrl}/json`);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
