import { afterAll, describe, expect, it, vi } from "vitest";
import { FaultServer } from "../../runtime/test/fault-server.js";
import { ALLOWED_ORIGIN, API_KEY, browser, startBff, USER_ID } from "./helpers.js";

// The BFF of an API whose spec puts its key in the query (NASA's api_key, Google's key): the
// scaffold builds it over that spec's generated client, stood in for here by the Platform client
// with such a scheme. Its own isolated project (vitest.config.ts): the module is replaced for this file only.
vi.mock("@specforge/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@specforge/client")>();
  const { createApiCore } = await import("@specforge/runtime/client");
  const apiKey = { in: "query", name: "api_key" } as const;
  return {
    ...actual,
    securitySchemes: { apiKeyAuth: { type: "apiKey", ...apiKey } },
    createApi: (options: Parameters<typeof createApiCore>[0]) => ({ runtime: createApiCore(options, { apiKey }).runtime }),
  };
});

const upstream = new FaultServer();
await upstream.start();
afterAll(() => upstream.close());

const bff = await startBff({
  upstream: { url: upstream.url, auth: { apiKey: API_KEY }, retry: false, circuitBreaker: false },
  operations: ["getUser"],
  cors: { origins: [ALLOWED_ORIGIN] },
  rateLimit: false,
});

describe("an API key the spec puts in the query", () => {
  it("goes in the upstream URL's query, not a header, replacing one the browser sent; nothing the browser sees or the logs hold carries it", async () => {
    upstream.plan(`/users/${USER_ID}`, { status: 200, body: { data: { id: USER_ID } } });
    const r = await bff.call(`/api/users/${USER_ID}?api_key=from-the-browser`, { headers: browser() });
    expect(r.status).toBe(200);
    expect(upstream.count(`/users/${USER_ID}?api_key=${API_KEY}`)).toBe(1);
    expect(upstream.count(`/users/${USER_ID}?api_key=from-the-browser`)).toBe(0);
    expect(upstream.requests.at(-1)!.headers["x-api-key"]).toBeUndefined();
    expect(r.text + JSON.stringify(r.headers)).not.toContain(API_KEY);
    expect(JSON.stringify(bff.logs)).not.toContain(API_KEY);
  });
});
