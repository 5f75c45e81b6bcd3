import { describe, expect, it, vi } from "vitest";
import { createApiCore, type OperationMeta } from "../src/client/api-core.js";
import { createRuntime, ResponseCache, streamEvents } from "../src/index.js";
import { testClock, useFaultServer } from "./helpers.js";

const ctx = useFaultServer();

describe("GET cache", () => {
  it("is off unless enabled", async () => {
    const rt = createRuntime({ baseUrl: ctx.url });
    await rt.fetch("/etag");
    await rt.fetch("/etag");
    expect(ctx.server.state.etag200).toBe(2);
  });

  it("serves within the TTL without a request, then revalidates with If-None-Match", async () => {
    const clock = testClock();
    const rt = createRuntime({ baseUrl: ctx.url, clock, cache: { ttlMs: 1000 } });
    const first = await rt.fetch("/etag");
    expect(await first.json()).toEqual({ version: 1 });
    const hit = await rt.fetch("/etag");
    expect(hit.headers.get("x-cache")).toBe("HIT");
    expect(await hit.json()).toEqual({ version: 1 });
    expect(ctx.server.count("/etag")).toBe(1);

    clock.advance(1001);
    const revalidated = await rt.fetch("/etag");
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get("x-cache")).toBe("REVALIDATED");
    expect(await revalidated.json()).toEqual({ version: 1 });
    expect(ctx.server.state.etag304).toBe(1);
    expect(ctx.server.requests.at(-1)!.headers["if-none-match"]).toBe('"v1"');

    clock.advance(1001);
    ctx.server.state.etagVersion = 2;
    expect(await (await rt.fetch("/etag")).json()).toEqual({ version: 2 });
    expect(ctx.server.state.etag200).toBe(2);
  });

  it("per-call cache: false bypasses and ttl overrides", async () => {
    const clock = testClock();
    const rt = createRuntime({ baseUrl: ctx.url, clock, cache: true });
    await rt.fetch("/etag");
    await rt.withCall({ cache: false })("/etag");
    expect(ctx.server.state.etag200).toBe(2);
    await rt.withCall({ cache: { ttlMs: 10 } })("/echo");
    clock.advance(20);
    await rt.fetch("/echo");
    expect(ctx.server.count("/echo")).toBe(2);
  });

  it("a mutation with invalidates drops the tagged reads", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, cache: true });
    await rt.withCall({ tags: ["users"] })("/echo?u=1");
    await rt.withCall({ tags: ["users", "user:2"] })("/echo?u=2");
    await rt.withCall({ tags: ["orders"] })("/echo?o=1");
    expect(rt.cache!.size).toBe(3);
    await rt.withCall({ invalidates: ["users"] })("/orders", { method: "POST", body: "{}" });
    expect(rt.cache!.size).toBe(1);
    await rt.withCall({ tags: ["users"] })("/echo?u=1");
    expect(ctx.server.requests.filter((r) => r.path === "/echo")).toHaveLength(4);
    expect(rt.invalidate(["orders"])).toBe(1);
  });

  it("does not cache errors, non-GETs or no-store responses", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, cache: true, retry: false });
    await rt.fetch("/status/500");
    await rt.fetch("/echo", { method: "POST", body: "x" });
    expect(rt.cache!.size).toBe(0);
  });

  it("serves an answer only to a request it was made for: caller-set credentials, Accept and what Vary names", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, cache: true });
    // One runtime serving many users (a server passing each user's token on the call): Bob never gets Alice's answer.
    const as = (who: string) => rt.withCall({ headers: { authorization: `Bearer ${who}` } })("/echo/who").then((r) => r.json() as Promise<{ headers: Record<string, string> }>);
    expect((await as("alice")).headers.authorization).toBe("Bearer alice");
    expect((await as("bob")).headers.authorization).toBe("Bearer bob");
    expect((await as("bob")).headers.authorization).toBe("Bearer bob");
    expect(ctx.server.count("/echo/who")).toBe(2);
    // Another representation of the same URL is another answer.
    await rt.fetch("/echo/who", { headers: { accept: "text/csv" } });
    expect(ctx.server.count("/echo/who")).toBe(3);

    const vary = { status: 200, headers: { vary: "Accept-Language, not a header name" } };
    ctx.server.plan("/echo/lang", { ...vary, body: "en" }, { ...vary, body: "fr" });
    const lang = (l: string) => rt.fetch("/echo/lang", { headers: { "accept-language": l } }).then((r) => r.text());
    expect(await lang("en")).toBe("en");
    expect(await lang("en")).toBe("en");
    expect(await lang("fr")).toBe("fr");
    expect(await lang("fr")).toBe("fr");
    expect(ctx.server.count("/echo/lang")).toBe(2);

    ctx.server.plan("/echo/star", { status: 200, headers: { vary: "*" }, body: 1 });
    await rt.fetch("/echo/star");
    await rt.fetch("/echo/star");
    expect(ctx.server.count("/echo/star")).toBe(2);
  });

  it("the runtime's own credentials do not split it: one runtime, one user", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, cache: true, auth: { bearer: () => "token-abc" } });
    await rt.fetch("/echo/own");
    const hit = await rt.fetch("/echo/own");
    expect(hit.headers.get("x-cache")).toBe("HIT");
    expect(ctx.server.count("/echo/own")).toBe(1);
  });

  it("is an LRU bounded by maxEntries", () => {
    const c = new ResponseCache({ maxEntries: 2 });
    const entry = { body: new ArrayBuffer(0), status: 200, statusText: "", headers: [], etag: undefined, expiresAt: Infinity, tags: [] };
    c.set("a", entry);
    c.set("b", entry);
    c.get("a");
    c.set("c", entry);
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")).toBeDefined();
    expect(c.get("c")).toBeDefined();
    expect(c.size).toBe(2);
  });

  it("never buffers or stores an event stream: the first event arrives while the stream stays open", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, cache: true });
    const started = Date.now();
    for await (const e of streamEvents({ url: `${ctx.url}/sse?count=1&hold=1&k=a`, fetch: rt.fetch, reconnect: false })) {
      expect(e.data).toEqual({ n: 1 });
      break;
    }
    // Buffered, the event would never come: the server holds the stream open. The bound leaves a loaded machine room.
    expect(Date.now() - started).toBeLessThan(5_000);
    // Even without `Accept: text/event-stream`, the response's content type keeps it out.
    const res = await Promise.race([rt.fetch("/sse?count=1&hold=1&k=b"), new Promise((r) => setTimeout(r, 2_000, "buffered"))]);
    expect(res).toBeInstanceOf(Response);
    await (res as Response).body!.cancel();
    expect(rt.cache!.size).toBe(0);
  });

  it("a generated stream operation is not buffered by the cache either", async () => {
    const api = createApiCore<Record<string, never>>({ baseUrl: ctx.url, cache: true });
    const meta: OperationMeta = { id: "stream", method: "get", path: "/sse", stream: true, tags: ["Events"] };
    const started = Date.now();
    for await (const e of api.stream(meta)({ params: { query: { count: 1, hold: 1 } } } as never, { reconnect: false })) {
      expect(e.event).toBe("tick");
      break;
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(api.runtime.cache!.size).toBe(0);
  });

  it("a read in flight when its tag is invalidated is not stored: the invalidation wins", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, cache: true });
    const read = rt.withCall({ tags: ["things"] })("/echo?delay=150&r=1");
    // The mutation completes while the read is still waiting for its response: once the server holds the read.
    await vi.waitFor(() => expect(ctx.server.count("/echo?delay=150&r=1")).toBe(1), { timeout: 5_000, interval: 2 });
    await rt.withCall({ invalidates: ["things"] })("/orders", { method: "POST", body: "{}" });
    expect((await read).status).toBe(200);
    expect(rt.cache!.size).toBe(0);
    await rt.withCall({ tags: ["things"] })("/echo?delay=150&r=1");
    expect(ctx.server.count("/echo?delay=150&r=1")).toBe(2);
    // A read that starts after the invalidation is cached as usual; other tags are unaffected.
    await rt.withCall({ tags: ["things"] })("/echo?delay=150&r=1");
    expect(ctx.server.count("/echo?delay=150&r=1")).toBe(2);
  });

  it("the same holds for the generated client's operation methods", async () => {
    const api = createApiCore<Record<string, never>>({ baseUrl: ctx.url, cache: true });
    const get = api.op({ id: "getThing", method: "get", path: "/echo", tags: ["Things"] });
    const update = api.op({ id: "updateThing", method: "post", path: "/orders", tags: ["Things"] });
    const read = get({ params: { query: { delay: 150, r: 2 } } } as never);
    await vi.waitFor(() => expect(ctx.server.count("/echo?delay=150&r=2")).toBe(1), { timeout: 5_000, interval: 2 });
    await update({ body: {} } as never);
    await read;
    await get({ params: { query: { delay: 150, r: 2 } } } as never);
    expect(ctx.server.count("/echo?delay=150&r=2")).toBe(2);
  });

  it("call options set to undefined keep the spec's tags (options taken from variables that may be unset)", async () => {
    const api = createApiCore<Record<string, never>>({ baseUrl: ctx.url, cache: true });
    const get = api.op({ id: "getThing", method: "get", path: "/echo", tags: ["Things"] });
    const update = api.op({ id: "updateThing", method: "post", path: "/orders", tags: ["Things"] });
    const query = { params: { query: { u: 1 } } } as never;
    await get(query, { tags: undefined });
    await update({ body: {} } as never, { invalidates: undefined });
    await get(query, { tags: undefined });
    // The mutation dropped the tagged read: the second read went to the server.
    expect(ctx.server.count("/echo?u=1")).toBe(2);
  });
});

