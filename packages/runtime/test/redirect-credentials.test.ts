/**
 * fetch follows redirects by itself and, to another origin, drops only Authorization: an API key in
 * a header of its own (X-API-Key, DD-API-KEY) or a cookie went to whatever host the Location named.
 * Given operations that send such keys and an API that redirects, want the redirect followed as fetch
 * would (method and body rules, 20 hops), the keys kept on the API's origin and never sent to another.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiCore, type OperationMeta, type SpecDefaults } from "../src/client/api-core.js";
import { ConnectionError } from "../src/index.js";

const seen: { at: "api" | "other"; method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
let api: Server;
let other: Server;
let apiUrl: string;
let otherUrl: string;

function recording(at: "api" | "other", route: (url: string) => [number, Record<string, string>]): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ at, method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const [status, headers] = route(req.url!);
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(status < 300 ? JSON.stringify({ at }) : "");
    });
  });
}

beforeAll(async () => {
  // Two origins: 127.0.0.1 and localhost on different ports.
  other = recording("other", () => [200, {}]);
  await new Promise<void>((r) => other.listen(0, "127.0.0.1", r));
  otherUrl = `http://localhost:${(other.address() as AddressInfo).port}`;
  api = recording("api", (url) => {
    if (url.startsWith("/elsewhere")) return [302, { location: `${otherUrl}/landing` }];
    if (url.startsWith("/moved")) return [307, { location: "/final" }];
    if (url.startsWith("/see-other")) return [303, { location: "/result" }];
    if (url.startsWith("/loop")) return [302, { location: "/loop" }];
    return [200, {}];
  });
  await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(() => Promise.all([api, other].map((s) => new Promise<void>((r) => s.close(() => r())))));

const keyed = (method: string, path: string): OperationMeta => ({ id: "op", method, path, security: [["key", "app"]], credentials: ["apiKey"] });
const SPEC: SpecDefaults = { apiKey: { in: "header", name: "DD-API-KEY" }, apiKeys: { key: { in: "header", name: "DD-API-KEY" }, app: { in: "header", name: "DD-APPLICATION-KEY" } } };

async function call(meta: OperationMeta, init: object = {}, auth: object = { apiKeys: { key: "k-secret", app: "a-secret" } }) {
  seen.length = 0;
  // The request id on the wire too, to see it is the same on every hop.
  const client = createApiCore<Record<string, never>>({ baseUrl: apiUrl, retry: false, auth, requestIdHeader: "X-Request-Id" }, SPEC);
  return client.op(meta)(init as never);
}

describe("redirects of calls that carry an API key in a header", () => {
  it("to another origin: followed, with none of the keys (nor a cookie, nor Authorization)", async () => {
    expect(await call(keyed("get", "/elsewhere"), { headers: { cookie: "sid=s-secret" } })).toEqual({ at: "other" });
    expect(seen.map((s) => [s.at, s.url])).toEqual([["api", "/elsewhere"], ["other", "/landing"]]);
    expect(seen[0]!.headers["dd-api-key"]).toBe("k-secret");
    const sent = JSON.stringify(seen[1]!.headers);
    expect(sent).not.toMatch(/secret/);
    expect(seen[0]!.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]!.headers["x-request-id"]).toBe(seen[0]!.headers["x-request-id"]);
  });

  it("the runtime's own apiKey too", async () => {
    expect(await call(keyed("get", "/elsewhere"), {}, { apiKey: "k-secret" })).toEqual({ at: "other" });
    expect(JSON.stringify(seen[1]!.headers)).not.toMatch(/secret/);
  });

  it("on the same origin: followed with the keys, a 307 sends the body again", async () => {
    expect(await call(keyed("post", "/moved"), { body: { a: 1 } })).toEqual({ at: "api" });
    expect(seen.map((s) => [s.method, s.url, s.body, s.headers["dd-api-key"]])).toEqual([
      ["POST", "/moved", '{"a":1}', "k-secret"],
      ["POST", "/final", '{"a":1}', "k-secret"],
    ]);
  });

  it("a 303 after a POST becomes a GET without the body", async () => {
    await call(keyed("post", "/see-other"), { body: { a: 1 } });
    expect(seen.map((s) => [s.method, s.url, s.body, s.headers["content-type"]])).toEqual([
      ["POST", "/see-other", '{"a":1}', "application/json"],
      ["GET", "/result", "", undefined],
    ]);
  });

  it("a redirect loop ends after 20 hops with a ConnectionError no retry repeats", async () => {
    const err = await call(keyed("get", "/loop")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).toMatchObject({ retryable: false, message: expect.stringMatching(/redirect count exceeded/) });
    expect(seen).toHaveLength(21);
  });

  it("a call's own redirect option is left to fetch", async () => {
    const err = await call(keyed("get", "/elsewhere"), { redirect: "error" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(seen.map((s) => s.at)).toEqual(["api"]);
  });

  it("a bearer token alone: fetch follows, and drops Authorization itself", async () => {
    const bearer: OperationMeta = { id: "op", method: "get", path: "/elsewhere", security: [["bearer"]], credentials: ["bearer"] };
    expect(await call(bearer, {}, { bearer: "t-secret" })).toEqual({ at: "other" });
    expect(seen[0]!.headers.authorization).toBe("Bearer t-secret");
    expect(seen[1]!.headers.authorization).toBeUndefined();
  });
});

describe("api.raw (openapi-fetch on the runtime) with a key header", () => {
  const raw = (auth: object = { apiKeys: { key: "k-secret", app: "a-secret" } }) => {
    seen.length = 0;
    return createApiCore<Record<string, never>>({ baseUrl: apiUrl, retry: false, auth }, SPEC).client as unknown as {
      GET(path: string, init?: object): Promise<{ data?: unknown; response: Response }>;
      POST(path: string, init?: object): Promise<{ data?: unknown; response: Response }>;
    };
  };

  it("to another origin: followed without the runtime's key", async () => {
    const { data } = await raw({ apiKey: "k-secret" }).GET("/elsewhere");
    expect(data).toEqual({ at: "other" });
    expect(seen.map((s) => [s.at, s.url])).toEqual([["api", "/elsewhere"], ["other", "/landing"]]);
    expect(seen[0]!.headers["dd-api-key"]).toBe("k-secret");
    expect(JSON.stringify(seen[1]!.headers)).not.toMatch(/secret/);
  });

  it("a key header the call sets is dropped on the way to another origin too", async () => {
    await raw().GET("/elsewhere", { headers: { "dd-api-key": "k-secret", cookie: "sid=s-secret" } });
    expect(seen[0]!.headers["dd-api-key"]).toBe("k-secret");
    expect(JSON.stringify(seen[1]!.headers)).not.toMatch(/secret/);
  });

  it("on the same origin a 307 is followed with the body, and a loop ends after 20 hops", async () => {
    const client = raw({ apiKey: "k-secret" });
    expect((await client.POST("/moved", { body: { a: 1 } })).data).toEqual({ at: "api" });
    expect(seen.map((s) => [s.method, s.url, s.body, s.headers["dd-api-key"]])).toEqual([
      ["POST", "/moved", '{"a":1}', "k-secret"],
      ["POST", "/final", '{"a":1}', "k-secret"],
    ]);
    seen.length = 0;
    const err = await client.GET("/loop").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(seen).toHaveLength(21);
  });

  it("a call's own redirect option is left to fetch", async () => {
    const { response } = await raw({ apiKey: "k-secret" }).GET("/elsewhere", { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(seen.map((s) => s.at)).toEqual(["api"]);
  });
});
