import { componentFixtures } from "@specforge/mocks";
import { ErrorSchema } from "@specforge/zod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FaultServer } from "../../runtime/test/fault-server.js";
import { ALLOWED_ORIGIN, API_KEY, browser, startBff, USER_ID } from "./helpers.js";

// The runtime's fault-injecting node:http server stands in for the API: it answers planned
// statuses, delays and connection resets per path, and records every request it received.
const upstream = new FaultServer();
await upstream.start();
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

const fast = { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5 };
const bff = await startBff({
  upstream: { url: upstream.url, auth: { apiKey: API_KEY }, retry: fast, timeoutMs: 2_000, circuitBreaker: false },
  operations: ["listUsers", "getUser", "createUser", "createOrder", "createExport", "listProducts", "getProduct"],
  cors: { origins: [ALLOWED_ORIGIN] },
  rateLimit: false,
});
// Times out after 300 ms and does not retry: the timeout case stays short on a loaded machine.
const impatient = await startBff({
  upstream: { url: upstream.url, auth: { apiKey: API_KEY }, retry: { ...fast, maxRetries: 2, retryOnTimeout: false }, timeoutMs: 300, circuitBreaker: false },
  operations: ["getUser"],
  cors: { origins: [ALLOWED_ORIGIN] },
  rateLimit: false,
});
const order = (extra: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: browser("web", { "content-type": "application/json", ...extra }),
  body: JSON.stringify(componentFixtures.OrderCreate),
});
const envelope = (status: number, code: string, message: string) => ({ status, body: { error: { code, message }, request_id: "req_upstream1" }, headers: { "x-request-id": "req_upstream1" } });
const userPath = `/users/${USER_ID}`;

describe("forwarding through the runtime", () => {
  it("an upstream 503 is retried with the same idempotency key, then the success comes through", async () => {
    upstream.plan("/orders", { status: 503 }, { status: 503 });
    const r = await bff.call("/api/orders", order({ "x-request-id": "trace-abc-123" }));
    expect(r.status).toBe(201);
    expect(r.json.id).toMatch(/^ord-/);
    const seen = upstream.requests.filter((q) => q.path === "/orders");
    expect(seen).toHaveLength(3);
    const keys = new Set(seen.map((q) => q.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.map((q) => q.headers["x-retry-count"])).toEqual([undefined, "1", "2"]);
    // The browser's request id is kept end to end.
    expect(seen.every((q) => q.headers["x-request-id"] === "trace-abc-123")).toBe(true);
    expect(r.headers["x-request-id"]).toBe("trace-abc-123");
    expect(seen.every((q) => q.headers["x-api-key"] === API_KEY)).toBe(true);
  });

  it("a browser's idempotency key reaches the API scoped to its caller: another caller's same key is another key", async () => {
    // One API credential serves every browser; sent as is, Bob's "order-1" would have been Alice's,
    // and an API that keeps a response per key (Stripe) would have answered Bob with Alice's order.
    const send = (client: string) =>
      bff.call("/api/orders", { method: "POST", headers: browser(client, { "content-type": "application/json", "idempotency-key": "order-1" }), body: JSON.stringify(componentFixtures.OrderCreate) });
    for (const client of ["alice", "bob", "alice"]) expect((await send(client)).status).toBe(201);
    const keys = upstream.requests.filter((q) => q.path === "/orders").map((q) => q.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).not.toBe(keys[0]);
    // Alice's own retry (a new request with her key) is still the same key to the API.
    expect(keys[2]).toBe(keys[0]);
    expect(keys).not.toContain("order-1");
  });

  it("an anonymous caller's key is the same to the API from any address (its retry after a network change still dedupes)", async () => {
    const open = await startBff({
      upstream: { url: upstream.url, auth: { apiKey: API_KEY }, retry: fast, timeoutMs: 2_000, circuitBreaker: false },
      operations: ["createOrder"],
      cors: { origins: [ALLOWED_ORIGIN] },
      rateLimit: false,
      clients: { required: false },
    });
    const init = (): RequestInit => ({ method: "POST", headers: { origin: ALLOWED_ORIGIN, "content-type": "application/json", "idempotency-key": "order-7f3a" }, body: JSON.stringify(componentFixtures.OrderCreate) });
    for (const remoteAddress of ["203.0.113.5", "198.51.100.9"]) expect((await open.bff.fetch(new Request(`${open.url}/api/orders`, init()), { remoteAddress })).status).toBe(201);
    const keys = upstream.requests.filter((q) => q.path === "/orders").map((q) => q.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    // Still not the key an identified client sending the same value gets.
    expect((await bff.call("/api/orders", order({ "idempotency-key": "order-7f3a" }))).status).toBe(201);
    expect(upstream.requests.filter((q) => q.path === "/orders").at(-1)!.headers["idempotency-key"]).not.toBe(keys[0]);
  });

  it("a key the browser sent is validated as it sent it, before it is scoped", async () => {
    const r = await bff.call("/api/orders", order({ "idempotency-key": "" }));
    expect(r.status).toBe(400);
    expect(upstream.count("/orders")).toBe(0);
  });

  it("a POST without an idempotency key is not retried (a 503 may have applied it)", async () => {
    upstream.plan("/users", { status: 503 });
    const r = await bff.call("/api/users", { method: "POST", headers: browser("web", { "content-type": "application/json" }), body: JSON.stringify(componentFixtures.UserCreate) });
    expect(r.status).toBe(503);
    expect(upstream.count("/users")).toBe(1);
  });

  it("retries exhausted: the last failure in the spec's envelope, code by status, with Retry-After and a request id", async () => {
    upstream.plan(userPath, { status: 503, headers: { "retry-after": "0" } }, { status: 503, headers: { "retry-after": "0" } }, { status: 503, headers: { "retry-after": "0" } });
    const r = await bff.call(`/api${userPath}`, { headers: browser() });
    expect(upstream.count(userPath)).toBe(3);
    expect(r.status).toBe(503);
    expect(ErrorSchema.safeParse(r.json).success).toBe(true);
    // The fault server's body is not the spec's envelope (code HTTP_503): it is normalised.
    expect(r.json).toEqual({ error: { code: "SERVICE_UNAVAILABLE", message: "The API failed to answer" }, request_id: "srv-fault" });
    expect(r.headers["retry-after"]).toBe("0");
    expect(r.headers["access-control-allow-origin"]).toBe(ALLOWED_ORIGIN);
  });

  it.each([
    { given: envelope(409, "CONFLICT", "Email already taken"), want: { status: 409, body: { error: { code: "CONFLICT", message: "Email already taken" }, request_id: "req_upstream1" } } },
    { given: envelope(404, "NOT_FOUND", "No user"), want: { status: 404, body: { error: { code: "NOT_FOUND", message: "No user" }, request_id: "req_upstream1" } } },
    { given: { status: 502, body: "<html><body>Bad gateway from nginx 1.2 at 10.0.0.7</body></html>", headers: { "content-type": "text/html" } }, want: { status: 502, body: { error: { code: "INTERNAL_ERROR", message: "The API failed to answer" } } } },
    { given: { status: 418, body: "" }, want: { status: 418, body: { error: { code: "BAD_REQUEST", message: "The API answered 418" } } } },
    // The API refusing the proxy's own key is not something the browser can fix.
    { given: envelope(401, "UNAUTHORIZED", "Invalid API key"), want: { status: 502, body: { error: { code: "INTERNAL_ERROR", message: "The API refused the proxy's credentials" } } } },
  ])("upstream $given.status → $want.status in the envelope", async ({ given, want }) => {
    // Three copies: a 5xx is retried twice before it is handed back.
    upstream.plan("/products", given, given, given);
    const r = await bff.call("/api/products", { headers: browser() });
    expect(r.status).toBe(want.status);
    expect(r.json).toMatchObject(want.body);
    expect(ErrorSchema.safeParse(r.json).success).toBe(true);
    expect(r.json.request_id).toBe(r.headers["x-request-id"]);
    expect(r.text).not.toContain("nginx");
  });

  // Only the timeout case goes through the 300 ms proxy: a reset that a loaded machine reads late
  // would time out there, and answer 504 instead of 502.
  it.each([
    { name: "connection reset on every attempt", faults: [{ reset: true }, { reset: true }, { reset: true }], status: 502, code: "SERVICE_UNAVAILABLE", message: "The API could not be reached", proxy: () => bff },
    { name: "no headers within the attempt timeout", faults: [{ delayMs: 3_000, status: 200 }], status: 504, code: "SERVICE_UNAVAILABLE", message: "The API did not answer in time", proxy: () => impatient },
  ])("$name → $status", async ({ faults, status, code, message, proxy }) => {
    upstream.plan(userPath, ...faults);
    const r = await proxy().call(`/api${userPath}`, { headers: browser() });
    expect(r.status).toBe(status);
    expect(r.json.error).toEqual({ code, message });
    expect(r.json.request_id).toBe(r.headers["x-request-id"]);
  });

  it("Location and Link point at the proxy, not the API", async () => {
    upstream.plan("/exports", {
      status: 202,
      body: { data: { id: "exp_1" } },
      headers: { location: `${upstream.url}/exports/exp_1`, link: `<${upstream.url}/exports?page=2>; rel="next"`, "set-cookie": "lb=node7", server: "internal/1.0" },
    });
    const r = await bff.call("/api/exports", { method: "POST", headers: browser("web", { "content-type": "application/json" }), body: JSON.stringify(componentFixtures.ExportCreate) });
    expect(r.status).toBe(202);
    expect(r.headers["location"]).toBe("/api/exports/exp_1");
    expect(r.headers["link"]).toBe('</api/exports?page=2>; rel="next"');
    expect(r.headers["set-cookie"]).toBeUndefined();
    expect(r.headers["server"]).toBeUndefined();
  });

  it("the browser's credentials and cookies never reach the API; the proxy's key does", async () => {
    upstream.plan("/products", { status: 200, body: { data: [], meta: {} } });
    await bff.call("/api/products?page=1", { headers: browser("web", { authorization: "Bearer user-token", cookie: "sid=1", "x-api-key": "browser-key", "x-forwarded-for": "1.2.3.4" }) });
    const seen = upstream.requests.at(-1)!;
    expect(seen.headers["x-api-key"]).toBe(API_KEY);
    expect(seen.headers["authorization"]).toBeUndefined();
    expect(seen.headers["cookie"]).toBeUndefined();
    expect(seen.headers["x-client-id"]).toBeUndefined();
    expect(seen.headers["x-forwarded-for"]).toBeUndefined();
    expect(seen.path).toBe("/products");
  });

  it("path parameters are re-encoded: no traversal out of the operation's path", async () => {
    const open = await startBff({ upstream: { url: upstream.url, auth: { apiKey: API_KEY }, retry: false }, operations: ["getProduct"], validate: false, rateLimit: false });
    upstream.plan("/products/..%2F..%2Fadmin", { status: 200, body: { data: {} } });
    const r = await open.call("/api/products/..%2F..%2Fadmin", { headers: { "x-client-id": "web" } });
    expect(r.status).toBe(200);
    expect(upstream.requests.at(-1)!.path).toBe("/products/..%2F..%2Fadmin");
  });
});

describe("circuit breaker and cache (runtime options)", () => {
  it("after the threshold the circuit opens: 503 with Retry-After, and the API is not called", async () => {
    const guarded = await startBff({
      upstream: { url: upstream.url, auth: { apiKey: API_KEY }, retry: false, circuitBreaker: { failureThreshold: 2, cooldownMs: 30_000 } },
      operations: ["getUser"],
      rateLimit: false,
    });
    upstream.plan(userPath, { status: 500 }, { status: 500 }, { status: 200, body: { data: {} } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await guarded.call(`/api${userPath}`, { headers: { "x-client-id": "web" } }));
    expect(statuses.map((r) => r.status)).toEqual([500, 500, 503, 503]);
    expect(upstream.count(userPath)).toBe(2);
    expect(statuses[2]!.json.error).toEqual({ code: "SERVICE_UNAVAILABLE", message: "The API is unavailable; requests are paused" });
    expect(Number(statuses[2]!.headers["retry-after"])).toBeGreaterThan(0);
    expect(guarded.bff.runtime.circuitBreaker!.state(upstream.url)).toBe("open");
  });

  it("/healthz shows the API's circuit: degraded while it is open or on trial, ok again once a request got through", async () => {
    const guarded = await startBff({
      upstream: { url: upstream.url, auth: { apiKey: API_KEY }, retry: false, circuitBreaker: { failureThreshold: 2, cooldownMs: 1_500 } },
      operations: ["getUser"],
      rateLimit: false,
    });
    const health = async () => (await guarded.call("/healthz")).json;
    expect(await health()).toEqual({ status: "ok", stores: { rateLimit: "off", webhooks: "off" }, upstream: { circuit: "closed" } });
    upstream.plan(userPath, { status: 500 }, { status: 500 }, { status: 200, body: { data: {} } });
    for (let i = 0; i < 2; i++) await guarded.call(`/api${userPath}`, { headers: { "x-client-id": "web" } });
    const open = await guarded.call("/healthz");
    expect(open.status).toBe(200);
    expect(open.json).toMatchObject({ status: "degraded", upstream: { circuit: "open" } });
    expect(upstream.count(userPath)).toBe(2); // reading the health sends nothing to the API
    await new Promise((r) => setTimeout(r, 1_600)); // past the cool-down (long enough that a loaded machine still sees "open" first)
    expect(await health()).toMatchObject({ status: "degraded", upstream: { circuit: "half-open" } });
    expect((await guarded.call(`/api${userPath}`, { headers: { "x-client-id": "web" } })).status).toBe(200);
    expect(await health()).toMatchObject({ status: "ok", upstream: { circuit: "closed" } });
    // With the breaker off there is no circuit to report.
    expect((await bff.call("/healthz")).json).not.toHaveProperty("upstream");
  });

  it("GETs are served from the shared cache when enabled; mutations of the tag drop it", async () => {
    const cached = await startBff({
      upstream: { url: upstream.url, auth: { apiKey: API_KEY }, retry: false, cache: { ttlMs: 60_000 } },
      operations: ["getUser", "createUser"],
      rateLimit: false,
    });
    upstream.plan(userPath, { status: 200, body: { data: { id: USER_ID } } }, { status: 200, body: { data: { id: USER_ID, v: 2 } } });
    const first = await cached.call(`/api${userPath}`, { headers: { "x-client-id": "a" } });
    const second = await cached.call(`/api${userPath}`, { headers: { "x-client-id": "b" } });
    expect(second.json).toEqual(first.json);
    expect(second.headers["x-cache"]).toBe("HIT");
    expect(upstream.count(userPath)).toBe(1);
    const bypass = await cached.call(`/api${userPath}`, { headers: { "x-client-id": "a", "cache-control": "no-cache" } });
    expect(bypass.json.data.v).toBe(2);
    expect(upstream.count(userPath)).toBe(2);

    // createUser invalidates the Users tag: the next read goes to the API again.
    upstream.plan(userPath, { status: 200, body: { data: { id: USER_ID, v: 3 } } });
    upstream.plan("/users", { status: 201, body: { data: { id: USER_ID } } });
    expect((await cached.call(`/api${userPath}`, { headers: { "x-client-id": "a" } })).headers["x-cache"]).toBe("HIT");
    const created = await cached.call("/api/users", { method: "POST", headers: { "x-client-id": "a", "content-type": "application/json" }, body: JSON.stringify(componentFixtures.UserCreate) });
    expect(created.status).toBe(201);
    const fresh = await cached.call(`/api${userPath}`, { headers: { "x-client-id": "a" } });
    expect(fresh.json.data.v).toBe(3);
    expect(fresh.headers["x-cache"]).toBeUndefined();
  });
});

describe("OAuth client credentials on the server side", () => {
  const oauth = { clientId: "cid", clientSecret: "s3cret value" };
  let proxy: Awaited<ReturnType<typeof startBff>>;
  beforeAll(async () => {
    proxy = await startBff({ upstream: { url: upstream.url, auth: { oauth }, retry: false }, operations: ["getCurrentUser"], rateLimit: false });
  });

  it("fetches a token, and on a 401 refreshes it once and replays the request", async () => {
    upstream.plan("/users/me", envelope(401, "TOKEN_EXPIRED", "expired"), { status: 200, body: { data: { id: USER_ID } } });
    const r = await proxy.call("/api/users/me", { headers: { "x-client-id": "web" } });
    expect(r.status).toBe(200);
    expect(r.json.data.id).toBe(USER_ID);
    expect(upstream.state.tokenCalls).toBe(2);
    const sent = upstream.requests.filter((q) => q.path === "/users/me").map((q) => q.headers["authorization"]);
    expect(sent).toHaveLength(2);
    expect(sent[0]).not.toBe(sent[1]);
    for (const auth of sent) expect(auth).toMatch(/^Bearer at-/);
  });

  it("a token endpoint that refuses the client → 502, and the secret stays out of it", async () => {
    const wrong = await startBff({ upstream: { url: upstream.url, auth: { oauth: { clientId: "cid", clientSecret: "wrong-secret-1" } }, retry: false }, operations: ["getCurrentUser"], rateLimit: false });
    const r = await wrong.call("/api/users/me", { headers: { "x-client-id": "web" } });
    expect(r.status).toBe(502);
    expect(r.json.error).toEqual({ code: "INTERNAL_ERROR", message: "The proxy could not authenticate to the API" });
    expect(wrong.logs.join("\n")).not.toContain("wrong-secret-1");
  });
});

describe("redirects of the API", () => {
  it("reach the browser, never followed with the key: the API's own Location onto the mount path, another origin's as it is", async () => {
    upstream.plan(userPath, { status: 302, headers: { location: `${upstream.url}/users/other` } }, { status: 307, headers: { location: "https://elsewhere.example/x" } });
    const own = await bff.call(`/api${userPath}`, { headers: browser(), redirect: "manual" });
    const other = await bff.call(`/api${userPath}`, { headers: browser(), redirect: "manual" });
    expect([own.status, own.headers.location]).toEqual([302, "/api/users/other"]);
    expect([other.status, other.headers.location]).toEqual([307, "https://elsewhere.example/x"]);
    // Each answered by the one request the browser made, which carried the key.
    expect(upstream.requests.map((r) => [r.path, r.headers["x-api-key"]])).toEqual([
      [userPath, API_KEY],
      [userPath, API_KEY],
    ]);
  });
});
