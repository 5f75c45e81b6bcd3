import { afterAll, describe, expect, it, vi } from "vitest";
import { FaultServer } from "../../runtime/test/fault-server.js";
import { configFromEnv } from "../src/env.js";
import { ALLOWED_ORIGIN, browser, envProblems, startBff, USER_ID } from "./helpers.js";

// The BFF of an API that takes HTTP Basic (Twilio's account SID and auth token, Jira's email and
// API token): the scaffold builds it over that spec's generated client, stood in for here by the
// Platform client whose getUser takes Basic. Its own isolated project (vitest.config.ts).
vi.mock("@specforge/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@specforge/client")>();
  const getUser = { ...actual.operationMeta.getUser, security: [["basicAuth"]], credentials: ["basic"] };
  return { ...actual, securitySchemes: { basicAuth: { type: "http", scheme: "basic" } }, operationMeta: { ...actual.operationMeta, getUser } };
});

const USERNAME = "AC0123456789abcdef";
const PASSWORD = "tök:en-0f9e8d7c6b5a";
const ENCODED = Buffer.from(`${USERNAME}:${PASSWORD}`, "utf8").toString("base64");

const upstream = new FaultServer();
await upstream.start();
afterAll(() => upstream.close());

describe("HTTP Basic credentials for the upstream", () => {
  it("go as Authorization: Basic (UTF-8) to the operations that take them, replacing one the browser sent; nothing the browser sees or the logs hold carries them", async () => {
    const bff = await startBff({
      upstream: { url: upstream.url, auth: { basic: { username: USERNAME, password: PASSWORD } }, retry: false, circuitBreaker: false },
      operations: ["getUser"],
      cors: { origins: [ALLOWED_ORIGIN] },
      rateLimit: false,
    });
    // The upstream echoes what it got, as a careless API might in an error body.
    upstream.plan(`/users/${USER_ID}`, { status: 401, body: { error: `bad credentials Basic ${ENCODED} (${PASSWORD})` } });
    upstream.plan(`/users/${USER_ID}`, { status: 200, body: { data: { id: USER_ID } } });
    const refused = await bff.call(`/api/users/${USER_ID}`, { headers: browser("web-app", { authorization: "Basic ZnJvbTpicm93c2Vy" }) });
    const r = await bff.call(`/api/users/${USER_ID}`, { headers: browser() });
    expect(r.status).toBe(200);
    expect(upstream.requests.map((q) => q.headers["authorization"])).toEqual([`Basic ${ENCODED}`, `Basic ${ENCODED}`]);
    // The API refusing the BFF's own credentials is the BFF's failure, not the browser's.
    expect(refused.status).toBe(502);
    const seen = refused.text + r.text + JSON.stringify([refused.headers, r.headers, bff.logs]);
    expect(seen).not.toContain(ENCODED);
    expect(seen).not.toContain(PASSWORD);
  });

  it("come from BFF_BASIC_USERNAME and BFF_BASIC_PASSWORD; a missing or bad half, or a second kind of credentials, is refused by name", () => {
    const env = { BFF_UPSTREAM_URL: upstream.url, BFF_OPERATIONS: "getUser" };
    expect(configFromEnv({ ...env, BFF_BASIC_USERNAME: USERNAME, BFF_BASIC_PASSWORD: PASSWORD }).upstream.auth).toEqual({ basic: { username: USERNAME, password: PASSWORD } });
    const problems = (vars: Record<string, string>) => envProblems({ ...env, ...vars });
    expect(problems({ BFF_BASIC_PASSWORD: PASSWORD })).toEqual(["BFF_BASIC_USERNAME: required with Basic credentials, without \":\""]);
    expect(problems({ BFF_BASIC_USERNAME: "a:b", BFF_BASIC_PASSWORD: PASSWORD })).toEqual(["BFF_BASIC_USERNAME: required with Basic credentials, without \":\""]);
    expect(problems({ BFF_BASIC_USERNAME: USERNAME, BFF_BASIC_PASSWORD: "short" })).toEqual(["BFF_BASIC_PASSWORD: at least 8 characters"]);
    expect(problems({ BFF_BASIC_USERNAME: USERNAME, BFF_BASIC_PASSWORD: PASSWORD, BFF_BEARER_TOKEN: "tok_0123456789" })[0]).toMatch(/^BFF_API_KEY \/ BFF_BEARER_TOKEN \/ BFF_BASIC_USERNAME\+BFF_BASIC_PASSWORD .*found 2/);
    // getUser takes Basic only here: an API key would reach none of the exposed operations.
    expect(problems({ BFF_API_KEY: "sk_0123456789" })).toEqual(["BFF_OPERATIONS: getUser accept(s) none of the configured credentials (API key)"]);
  });
});
