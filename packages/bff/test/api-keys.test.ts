import { afterAll, describe, expect, it, vi } from "vitest";
import { FaultServer } from "../../runtime/test/fault-server.js";
import { configFromEnv } from "../src/env.js";
import { ALLOWED_ORIGIN, browser, envProblems, startBff, USER_ID } from "./helpers.js";

// The BFF of an API that takes two keys at once (Datadog's DD-API-KEY and its application key):
// the scaffold builds it over that spec's generated client, stood in for here by the Platform
// client with two apiKey schemes, one in a header and one in the query. getUser needs both,
// listUsers the first only. Its own isolated project (vitest.config.ts).
vi.mock("@specforge/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@specforge/client")>();
  const getUser = { ...actual.operationMeta.getUser, security: [["apiKeyAuth", "appKeyAuth"]], credentials: ["apiKey"] };
  const listUsers = { ...actual.operationMeta.listUsers, security: [["apiKeyAuth"]], credentials: ["apiKey"] };
  return {
    ...actual,
    securitySchemes: { apiKeyAuth: { type: "apiKey", in: "header", name: "DD-API-KEY" }, appKeyAuth: { type: "apiKey", in: "query", name: "application_key" } },
    operationMeta: { ...actual.operationMeta, getUser, listUsers },
  };
});

const API = "dd_api_0123456789abcdef";
const APP = "dd_app_fedcba9876543210";

const upstream = new FaultServer();
await upstream.start();
afterAll(() => upstream.close());

describe("several API keys for the upstream (upstream.auth.apiKeys)", () => {
  it("each goes where its scheme puts it, to the operations whose security names it, replacing a browser's; nothing the browser sees or the logs hold carries them", async () => {
    const bff = await startBff({
      upstream: { url: upstream.url, auth: { apiKeys: { apiKeyAuth: API, appKeyAuth: APP } }, retry: false, circuitBreaker: false },
      operations: ["getUser", "listUsers"],
      cors: { origins: [ALLOWED_ORIGIN] },
      rateLimit: false,
    });
    // A careless API echoes the keys in its body.
    upstream.plan(`/users/${USER_ID}`, { status: 200, body: { data: { id: USER_ID, note: `${API} ${APP}` } } });
    upstream.plan("/users", { status: 200, body: { data: [], meta: {} } });
    const one = await bff.call(`/api/users/${USER_ID}?application_key=from-the-browser`, { headers: browser() });
    const list = await bff.call("/api/users", { headers: browser() });
    expect([one.status, list.status]).toEqual([200, 200]);
    const [got, listed] = upstream.requests;
    expect(upstream.count(`/users/${USER_ID}?application_key=${APP}`)).toBe(1);
    expect(got!.headers["dd-api-key"]).toBe(API);
    expect(listed!.path).toBe("/users");
    expect(upstream.count(`/users?application_key=${APP}`)).toBe(0);
    expect(listed!.headers["dd-api-key"]).toBe(API);
    const seen = one.text + list.text + JSON.stringify([one.headers, list.headers, bff.logs]);
    expect(seen).not.toContain(API);
    expect(seen).not.toContain(APP);
  });

  it("come from BFF_API_KEYS_<SCHEME>; a variable that names no scheme, a short key or a key given twice is refused by name", () => {
    const env = { BFF_UPSTREAM_URL: upstream.url, BFF_OPERATIONS: "getUser" };
    expect(configFromEnv({ ...env, BFF_API_KEYS_APIKEYAUTH: API, BFF_API_KEYS_APPKEYAUTH: APP }).upstream.auth).toEqual({ apiKeys: { apiKeyAuth: API, appKeyAuth: APP } });
    const problems = (vars: Record<string, string>) => envProblems({ ...env, ...vars });
    expect(problems({ BFF_API_KEYS_APIKEYAUTH: API, BFF_API_KEYS_APPKEY: APP })).toEqual([
      "BFF_API_KEYS_APPKEY: the spec has no apiKey security scheme by that name (its variables: BFF_API_KEYS_APIKEYAUTH, BFF_API_KEYS_APPKEYAUTH)",
    ]);
    expect(problems({ BFF_API_KEYS_APPKEYAUTH: "short" })).toEqual(["BFF_API_KEYS_APPKEYAUTH: at least 8 characters"]);
    expect(problems({ BFF_API_KEY: API, BFF_API_KEYS_APIKEYAUTH: API })).toEqual(["BFF_API_KEYS_APIKEYAUTH: the key of the spec's first apiKey scheme is already BFF_API_KEY: give one"]);
    // BFF_API_KEY is the first scheme's; the second comes from its variable.
    expect(configFromEnv({ ...env, BFF_API_KEY: API, BFF_API_KEYS_APPKEYAUTH: APP }).upstream.auth).toEqual({ apiKey: API, apiKeys: { appKeyAuth: APP } });
  });
});
