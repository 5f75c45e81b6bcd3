import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createRuntime, errorFromResponse, NotFoundError, ServiceUnavailableError } from "../src/index.js";
import { testClock, useFaultServer } from "./helpers.js";

const ctx = useFaultServer();

type paths = {
  "/echo": {
    get: { parameters: { query?: { q?: string } }; responses: { 200: { content: { "application/json": { method: string; query: Record<string, string> } } } } };
  };
  "/orders": {
    post: {
      requestBody: { content: { "application/json": { opId: string } } };
      responses: { 201: { content: { "application/json": { id: string; opId: string } } } };
    };
  };
  "/status/404": { get: { responses: { 404: { content: { "application/json": { error: { code: string } } } } } } };
};

describe("with openapi-fetch (the generated client's wiring)", () => {
  const make = () => {
    const runtime = createRuntime({ baseUrl: ctx.url, clock: testClock(), auth: { bearer: () => "tok" } });
    return { runtime, client: createClient<paths>({ baseUrl: ctx.url, fetch: runtime.fetch }) };
  };

  it("GET with params through runtime.fetch, retried transparently", async () => {
    const { client } = make();
    ctx.server.plan("/echo", { status: 503 });
    const { data, error, response } = await client.GET("/echo", { params: { query: { q: "x" } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.query).toEqual({ q: "x" });
    expect(ctx.server.requests[1]!.headers.authorization).toBe("Bearer tok");
  });

  it("POST with per-call options: idempotency key generated once and reused", async () => {
    const { client, runtime } = make();
    ctx.server.plan("/orders", { applyThenReset: true });
    const { data } = await client.POST("/orders", {
      body: { opId: "o-1" },
      fetch: runtime.withCall({ idempotencyHeader: "Idempotency-Key", tags: ["orders"] }),
    });
    expect(data?.opId).toBe("o-1");
    expect(ctx.server.state.applied.get("o-1")).toBe(1);
    const keys = ctx.server.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).toBeDefined();
    expect(keys[0]).toBe(keys[1]);
  });

  it("HTTP errors stay in `{ error }` (no throw); errorFromResponse gives the throwing style its class", async () => {
    const { client } = make();
    const { data, error, response } = await client.GET("/status/404");
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ error: { code: "HTTP_404" } });
    const typed = errorFromResponse(response, error);
    expect(typed).toBeInstanceOf(NotFoundError);
    expect(typed.requestId).toMatch(/^srv-/);

    ctx.server.plan("/echo", { status: 503 }, { status: 503 }, { status: 503 });
    const r = await client.GET("/echo");
    expect(errorFromResponse(r.response, r.error)).toBeInstanceOf(ServiceUnavailableError);
  });

  it("the caller's signal passed to openapi-fetch aborts through the runtime", async () => {
    const { client } = make();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    // The serializer override makes the fault server answer slowly (?delay=300).
    await expect(client.GET("/echo", { signal: ac.signal, querySerializer: () => "delay=300" })).rejects.toMatchObject({ name: "AbortError" });
  });
});
