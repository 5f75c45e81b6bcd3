import { webhookEvents as eventFixtures } from "@specforge/mocks";
import { webhooks } from "@specforge/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { keepApiError } from "../src/api-formats.js";
import { keepDocumentedError } from "../src/error-format.js";
import { eventField, problemDetails, webhookEventsOf } from "../src/index.js";

// The pieces another API's api-formats.ts is made of (the scaffold's template re-exports them),
// and the Platform API's own module.

describe("problemDetails: the BFF's own errors as RFC 9457 problems", () => {
  it.each([
    {
      given: { status: 422, message: "The request body is invalid", requestId: "r1", code: "VALIDATION_ERROR" as const, details: [{ field: "email", message: "Invalid email" }] },
      want: { type: "about:blank", title: "Unprocessable Entity", status: 422, detail: "The request body is invalid", request_id: "r1", code: "VALIDATION_ERROR", errors: [{ field: "email", message: "Invalid email" }] },
    },
    {
      given: { status: 503, message: "The API is unavailable; requests are paused", requestId: "r2", code: "SERVICE_UNAVAILABLE" as const, details: [] },
      want: { type: "about:blank", title: "Service Unavailable", status: 503, detail: "The API is unavailable; requests are paused", request_id: "r2", code: "SERVICE_UNAVAILABLE" },
    },
    {
      given: { status: 499, message: "Request aborted by the client", requestId: "r3", code: "BAD_REQUEST" as const },
      want: { type: "about:blank", title: "Client Closed Request", status: 499, detail: "Request aborted by the client", request_id: "r3", code: "BAD_REQUEST" },
    },
  ])("$given.status → title $want.title", ({ given, want }) => {
    expect(problemDetails(given)).toEqual(want);
  });
});

describe("webhookEventsOf: a spec's webhooks map as the receiver's schema", () => {
  const platform = webhookEventsOf(webhooks);

  it("accepts every event of the spec, checked by default", () => {
    expect(platform.validateByDefault).toBe(true);
    for (const [name, event] of Object.entries(eventFixtures)) expect(platform.schema.safeParse(event), name).toMatchObject({ success: true, data: event });
  });

  it("rejects a delivery that is none of them with the closest event's issues", () => {
    const broken = { ...eventFixtures["order.created"], data: { id: "ord_1" } };
    const r = platform.schema.safeParse(broken);
    expect(r.success).toBe(false);
    const issues = (r as { error: { issues: Array<{ path: PropertyKey[] }> } }).error.issues;
    // order.created's own schema: only the order is wrong, not the type (as it would be for order.updated).
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.path[0] === "data")).toBe(true);
  });

  it.each([
    { name: "no webhooks", given: {} },
    { name: "only webhooks without a payload", given: { ping: z.undefined() } },
  ])("$name: nothing checked by default; when asked, any JSON object", ({ given }) => {
    const events = webhookEventsOf(given);
    expect(events.validateByDefault).toBe(false);
    expect(events.schema.safeParse({ anything: [1] })).toEqual({ success: true, data: { anything: [1] } });
    for (const value of [[1], "text", 3, null]) expect(events.schema.safeParse(value).success).toBe(false);
  });

  it("eventField reads a string member of any event, else nothing", () => {
    expect(eventField(eventFixtures["order.created"], "type")).toBe("order.created");
    expect(eventField({ id: 7 }, "id")).toBeUndefined();
    expect(eventField("text", "type")).toBeUndefined();
  });
});

describe("what an error answer of the API keeps", () => {
  const envelope = { error: { code: "CONFLICT", message: "Email already taken", details: [{ field: "email", message: "taken" }] }, request_id: "req_1" };

  it("the Platform API: its envelope's parts, whatever the spec documents; nothing of another body", () => {
    expect(keepApiError({ body: envelope, documented: () => false })).toEqual({ keep: "parts", code: "CONFLICT", message: "Email already taken", details: envelope.error.details, requestId: "req_1" });
    expect(keepApiError({ body: "<html>nginx</html>", documented: () => true })).toEqual({ keep: "nothing" });
  });

  it("another API: the body when the spec documents it, else nothing", () => {
    expect(keepDocumentedError({ body: envelope, documented: () => true })).toEqual({ keep: "body" });
    expect(keepDocumentedError({ body: envelope, documented: () => false })).toEqual({ keep: "nothing" });
  });
});
