/**
 * `createApi({ validateResponses: operations })` with the generated zod module, against a real
 * server whose bodies drift from the spec: a matching body comes back as is, one that does not is a
 * ResponseParseError naming the operation and every issue; error statuses keep their typed errors.
 * (Every other contract test runs with the same option against Prism: see support/client.ts.)
 * `validateRequests: operations`: every operation's valid contract request passes it on its way to
 * Prism, and a bad one is a ValidationError before anything is sent.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApi } from "@specforge/client";
import { NotFoundError, ResponseParseError, ValidationError } from "@specforge/runtime";
import { operations } from "@specforge/zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases } from "./cases/index.js";
import { contractClient } from "./support/client.js";
import { settle } from "./support/outcome.js";
import { prismUrl } from "./support/prism-url.js";
import { specOperations } from "./support/spec.js";

const ID = "8b3c6f1e-2d4a-4f6b-9c1d-3e5f7a9b1c2d";
const USER = {
  id: ID,
  email: "ada@example.com",
  name: "Ada Lovelace",
  role: "admin",
  active: true,
  avatar_url: null,
  profile: null,
  metadata: {},
  created_at: "2024-01-15T09:30:00Z",
  updated_at: "2024-06-01T12:00:00Z",
};
/** What the server answers next: status and body. */
let next: [number, unknown] = [200, { data: USER }];
/** Requests the server got. */
let received = 0;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    received++;
    req.resume();
    const [status, body] = next;
    res.writeHead(status, { "content-type": "application/json", "x-request-id": "req-validate-1" }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const api = () => createApi({ baseUrl, retry: false, auth: { bearer: "t" }, validateResponses: operations });

describe("validateResponses with the generated zod module", () => {
  it("a body that matches the spec comes back as the server sent it", async () => {
    next = [200, { data: { ...USER, extra: "kept" } }];
    expect(await api().users.get({ params: { path: { id: ID } } })).toEqual({ data: { ...USER, extra: "kept" } });
  });

  it("a body that drifted from the spec is a ResponseParseError with every issue", async () => {
    next = [200, { data: { ...USER, email: 42, role: "owner", created_at: undefined } }];
    const err = await api().users.get({ params: { path: { id: ID } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseParseError);
    const e = err as ResponseParseError;
    expect(e).toMatchObject({ status: 200, requestId: "req-validate-1", contentType: "application/json" });
    expect(e.message).toMatch(/^getUser: 200 response body does not match the spec: /);
    expect(e.details!.map((d) => d.field).sort()).toEqual(["data.created_at", "data.email", "data.role"]);
    expect(e.body).toEqual({ data: { ...USER, email: 42, role: "owner", created_at: undefined } });
    expect(e.bodyPreview).toContain('"email":42');
  });

  it("list pages are checked too, item by item", async () => {
    next = [200, { data: [USER, { ...USER, active: "yes" }], meta: { page: 1, limit: 2, total: 2, pages: 1, has_next: false } }];
    const err = await api().users.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseParseError);
    expect((err as ResponseParseError).details).toEqual([expect.objectContaining({ field: "data.1.active" })]);
    // The paginator's pages go through the same check.
    const all = async () => {
      for await (const user of api().users.list.all()) void user;
    };
    await expect(all()).rejects.toBeInstanceOf(ResponseParseError);
  });

  it("error statuses keep their typed errors (the envelope is not checked)", async () => {
    next = [404, { error: { code: "NOT_FOUND", message: "No such user", request_id: "req-validate-1" } }];
    await expect(api().users.get({ params: { path: { id: ID } } })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("validateRequests with the generated zod module", () => {
  it("a bad request is a ValidationError, and nothing is sent", async () => {
    const before = received;
    const api = createApi({ baseUrl, retry: false, auth: { bearer: "t" }, validateRequests: operations });
    const body = { email: "not an email", name: "", password: "short" };
    const err = await api.users.create({ body }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toMatch(/^createUser: request does not match the spec: body\./);
    expect((err as ValidationError).details!.map((d) => d.field).sort()).toEqual(["body.email", "body.name", "body.password"]);
    const notAUuid = await api.users.get({ params: { path: { id: "42" } } }).catch((e: unknown) => e);
    expect((notAUuid as ValidationError).details).toEqual([expect.objectContaining({ field: "path.id" })]);
    expect(received).toBe(before);
  });

  const { api, take } = contractClient(prismUrl(), { validateRequests: true });
  for (const op of specOperations()) {
    it(`${op.id}: the valid contract request passes and is answered`, async () => {
      const c = cases[op.id];
      if (!c) throw new Error(`No contract case for ${op.id}`);
      const outcome = await settle(c.invoke, api, c.valid);
      if (!outcome.ok) throw outcome.error;
      expect(take().status).toBeLessThan(400);
    });
  }
});
