import { webhookEvents as eventFixtures } from "@specforge/mocks";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FaultServer } from "../../runtime/test/fault-server.js";
import type { WebhookEvent } from "../src/index.js";
import { ALLOWED_ORIGIN, API_KEY, browser, startBff, USER_ID } from "./helpers.js";

// The BFF as the scaffold builds it for another API: api-formats.ts as tools/scaffold writes it
// (bff-templates.mjs: the generic pieces re-exported, the spec's `webhooks`), here over the Platform
// spec. Its own project (vitest.config.ts): the module is replaced for this file only.
vi.mock("../src/api-formats.js", async () => {
  const format = await import("../src/error-format.js");
  const { webhookEventsOf } = await import("../src/webhook-events.js");
  const { webhooks } = await import("@specforge/zod");
  return { ERROR_CONTENT_TYPE: format.PROBLEM_CONTENT_TYPE, errorBody: format.problemDetails, keepApiError: format.keepDocumentedError, webhookEvents: webhookEventsOf(webhooks) };
});

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const upstream = new FaultServer();
await upstream.start();
afterAll(() => upstream.close());
beforeEach(() => upstream.reset());

const received: WebhookEvent[] = [];
const bff = await startBff({
  upstream: { url: upstream.url, auth: { apiKey: API_KEY }, retry: false, circuitBreaker: false },
  operations: ["listUsers", "getUser", "createUser"],
  cors: { origins: [ALLOWED_ORIGIN] },
  rateLimit: false,
  webhook: { secret: SECRET, onEvent: (event) => void received.push(event) },
});
const userPath = `/users/${USER_ID}`;
const problem = (status: number, title: string, code: string, detail: string) => ({ type: "about:blank", title, status, detail, code });

describe("another API's BFF: its own errors are RFC 9457 problems", () => {
  it.each([
    { name: "unknown operation", path: "/api/nowhere", init: {}, want: problem(404, "Not Found", "NOT_FOUND", "No such operation") },
    { name: "invalid query", path: "/api/users?page=zero", init: {}, want: { ...problem(400, "Bad Request", "BAD_REQUEST", "The request parameters are invalid"), errors: [{ field: "query.page" }] } },
    {
      name: "invalid body",
      path: "/api/users",
      init: { method: "POST", headers: browser("web", { "content-type": "application/json" }), body: "{}" },
      want: { ...problem(422, "Unprocessable Entity", "VALIDATION_ERROR", "The request body is invalid"), errors: expect.arrayContaining([expect.objectContaining({ field: "email" })]) },
    },
  ])("$name → $want.status application/problem+json", async ({ path, init, want }) => {
    const r = await bff.call(path, { headers: browser(), ...init });
    expect(r.status).toBe(want.status);
    expect(r.headers["content-type"]).toBe("application/problem+json");
    expect(r.json).toMatchObject({ ...want, request_id: r.headers["x-request-id"] });
  });
});

describe("another API's BFF: the API's error answers", () => {
  const envelope = { error: { code: "NOT_FOUND", message: `No user; key ${API_KEY}` }, request_id: "req_up1" };

  it("a body the spec documents for the status passes as the API sent it, secrets scrubbed", async () => {
    upstream.plan(userPath, { status: 404, body: envelope, headers: { "x-request-id": "req_up1" } });
    const r = await bff.call(`/api${userPath}`, { headers: browser() });
    expect(r.status).toBe(404);
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.json).toEqual({ ...envelope, error: { ...envelope.error, message: "No user; key [REDACTED]" } });
    expect(r.headers["x-request-id"]).toBe("req_up1");
  });

  it.each([
    { name: "an undocumented status", given: { status: 502, body: "<html>nginx at 10.0.0.7</html>", headers: { "content-type": "text/html" } }, want: problem(502, "Bad Gateway", "INTERNAL_ERROR", "The API failed to answer") },
    { name: "a documented status with another body", given: { status: 404, body: { oops: true } }, want: problem(404, "Not Found", "NOT_FOUND", "The API answered 404") },
    { name: "the proxy's key refused", given: { status: 401, body: envelope }, want: problem(502, "Bad Gateway", "INTERNAL_ERROR", "The API refused the proxy's credentials") },
  ])("$name → a problem, never the raw body", async ({ given, want }) => {
    upstream.plan(userPath, given);
    const r = await bff.call(`/api${userPath}`, { headers: browser() });
    expect(r.headers["content-type"]).toBe("application/problem+json");
    expect(r.json).toMatchObject(want);
    expect(r.text).not.toMatch(/nginx|oops/);
  });
});

describe("another API's BFF: webhooks checked against the spec's `webhooks`", () => {
  const deliver = (payload: string, id: string) => {
    const at = new Date();
    const headers = { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": new Webhook(SECRET).sign(id, at, payload) };
    return bff.call("/webhooks", { method: "POST", headers, body: payload });
  };

  it("an event of the spec is handed to the handler", async () => {
    const r = await deliver(JSON.stringify(eventFixtures["payment.failed"]), "msg_g1");
    expect(r.json).toEqual({ received: true, duplicate: false });
    await bff.bff.idle();
    expect(received).toEqual([eventFixtures["payment.failed"]]);
  });

  it("anything else is refused with the closest event's issues", async () => {
    const r = await deliver(JSON.stringify({ ...eventFixtures["order.created"], data: {} }), "msg_g2");
    expect(r.status).toBe(400);
    expect(r.headers["content-type"]).toBe("application/problem+json");
    expect(r.json).toMatchObject(problem(400, "Bad Request", "VALIDATION_ERROR", "Webhook payload does not match the spec"));
    expect(r.json.errors.length).toBeGreaterThan(0);
    expect(r.json.errors.every((e: { field: string }) => e.field.startsWith("data."))).toBe(true);
  });
});
