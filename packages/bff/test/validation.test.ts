import { createApi } from "@specforge/client";
import { componentFixtures } from "@specforge/mocks";
import { BadRequestError, UnprocessableEntityError } from "@specforge/runtime";
import { ErrorSchema } from "@specforge/zod";
import { describe, expect, inject, it } from "vitest";
import { ALLOWED_ORIGIN, API_KEY, browser, startBff, USER_ID } from "./helpers.js";

const bff = await startBff({
  upstream: { url: inject("prismUrl"), auth: { apiKey: API_KEY } },
  operations: ["listUsers", "getUser", "createUser", "updateUser", "createOrder", "createUpload", "listTrendingApps"],
  cors: { origins: [ALLOWED_ORIGIN] },
  maxBodyBytes: 4096,
  rateLimit: false,
});
const json = (body: unknown, extra: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: browser("web", { "content-type": "application/json", ...extra }),
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("requests are validated with the generated zod schemas before forwarding", () => {
  it.each([
    { name: "query integer", path: "/api/users?page=abc", status: 400, fields: ["query.page"] },
    { name: "query enum and range", path: "/api/users?role=owner&limit=1000", status: 400, fields: ["query.limit", "query.role"] },
    { name: "query boolean", path: "/api/users?active=yes", status: 400, fields: ["query.active"] },
    { name: "path uuid", path: "/api/users/not-a-uuid", status: 400, fields: ["path.id"] },
    { name: "query on another op", path: "/api/marketplace/apps/trending?window=1y", status: 400, fields: ["query.window"] },
  ])("$name → $status BAD_REQUEST naming $fields", async ({ path, status, fields }) => {
    const r = await bff.call(path, { headers: browser() });
    expect(r.status).toBe(status);
    expect(ErrorSchema.safeParse(r.json).success).toBe(true);
    expect(r.json.error.code).toBe("BAD_REQUEST");
    expect(r.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(fields);
    expect(r.json.request_id).toBe(r.headers["x-request-id"]);
  });

  it("a body that breaks the schema → 422 VALIDATION_ERROR naming each field, as the spec's example", async () => {
    const r = await bff.call("/api/users", json({ email: "not-an-email", name: "x".repeat(101), password: "pw" }));
    expect(r.status).toBe(422);
    expect(ErrorSchema.safeParse(r.json).success).toBe(true);
    expect(r.json.error).toMatchObject({ code: "VALIDATION_ERROR", message: "The request body is invalid" });
    const fields = r.json.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["email", "name", "password"]));
  });

  it.each([
    { name: "malformed JSON", init: json("{ nope"), status: 400, message: "Request body is not valid JSON" },
    { name: "missing body", init: { method: "POST", headers: browser() }, status: 422, message: "The request body is invalid" },
    { name: "wrong media type", init: { method: "POST", headers: browser("web", { "content-type": "text/plain" }), body: "hi" }, status: 415, message: "Content-Type must be one of: application/json" },
    { name: "too large", init: json({ email: "a@b.co", name: "n", password: "x".repeat(5000) }), status: 413, message: "Request body exceeds 4096 bytes" },
  ])("$name → $status", async ({ init, status, message }) => {
    const r = await bff.call("/api/users", init);
    expect(r.status).toBe(status);
    expect(r.json.error.message).toBe(message);
  });

  it("a valid body is forwarded byte for byte, and Prism (validating too) accepts it", async () => {
    const r = await bff.call("/api/users", json(componentFixtures.UserCreate));
    expect(r.status).toBe(201);
    expect(r.json.data.email).toBeTypeOf("string");
  });

  it("parameters are checked after deserialisation: numbers and booleans from the query string pass", async () => {
    const r = await bff.call("/api/users?page=2&limit=10&active=true&role=admin", { headers: browser() });
    expect(r.status).toBe(200);
  });

  it("an Idempotency-Key header is validated; a missing one is generated so retries stay safe", async () => {
    const bad = await bff.call("/api/orders", json(componentFixtures.OrderCreate, { "idempotency-key": "" }));
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toEqual([{ field: "header.idempotency-key", message: expect.any(String) }]);
    const ok = await bff.call("/api/orders", json(componentFixtures.OrderCreate));
    expect(ok.status).toBe(201);
  });

  it("multipart bodies are parsed into their parts and checked", async () => {
    const form = new FormData();
    form.set("description", "x".repeat(600));
    const missingFile = await bff.call("/api/uploads", { method: "POST", headers: browser(), body: form });
    expect(missingFile.status).toBe(422);
    expect(missingFile.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["description", "file"]);
    const ok = new FormData();
    ok.set("file", new Blob([new Uint8Array([0, 1, 2, 255])]), "a.bin");
    expect((await bff.call("/api/uploads", { method: "POST", headers: browser(), body: ok })).status).toBe(201);
  });
});

describe("the generated client, pointed at the BFF, works as against the API", () => {
  // What a browser app does: no credentials, just its client id; the BFF adds the key.
  const api = createApi({ baseUrl: bff.api, headers: { "X-Client-ID": "web" }, retry: false });

  it("reads and writes", async () => {
    const page = await api.users.list({ params: { query: { page: 1, limit: 5 } } });
    expect(page.data.length).toBeGreaterThan(0);
    const user = await api.users.get({ params: { path: { id: USER_ID } } });
    expect(user.data.id).toBe(USER_ID);
    const updated = await api.users.update({ params: { path: { id: USER_ID } }, body: { name: "Ada" } });
    expect(updated.data).toBeDefined();
  });

  it("throws the runtime's typed errors with details and the request id", async () => {
    const invalid = { ...componentFixtures.UserCreate, email: "nope" } as typeof componentFixtures.UserCreate;
    const err = await api.users.create({ body: invalid }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprocessableEntityError);
    expect((err as UnprocessableEntityError).details).toEqual([{ field: "email", message: "Invalid email" }]);
    expect((err as UnprocessableEntityError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await api.users.get({ params: { path: { id: "nope" } } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect((bad as BadRequestError).code).toBe("BAD_REQUEST");
  });
});
