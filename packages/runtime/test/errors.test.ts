import { describe, expect, it } from "vitest";
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  CircuitOpenError,
  ConflictError,
  ConnectionError,
  errorFromResponse,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  readErrorResponse,
  ServiceUnavailableError,
  SessionExpiredError,
  TimeoutError,
  UnprocessableEntityError,
} from "../src/index.js";

const envelope = (code: string) => ({
  error: { code, message: "bad things", details: [{ field: "email", message: "invalid" }] },
  request_id: "req-body",
});

describe("errorFromResponse", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, ServiceUnavailableError],
  ] as const)("maps %i to %s", (status, Ctor) => {
    const err = errorFromResponse(new Response(null, { status }), envelope("X"));
    expect(err).toBeInstanceOf(Ctor);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(Ctor.name);
    expect(err.status).toBe(status);
  });

  it("maps a 403 that says how long to wait to RateLimitError (GitHub's rate limits), a plain 403 to PermissionDeniedError", () => {
    const github = { message: "API rate limit exceeded for 203.0.113.7.", documentation_url: "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting" };
    const reset = Math.floor(Date.now() / 1000) + 60;
    const primary = errorFromResponse(new Response(null, { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) } }), github);
    expect(primary).toBeInstanceOf(RateLimitError);
    expect(primary.status).toBe(403);
    expect(primary.message).toBe("403 API rate limit exceeded for 203.0.113.7.");
    expect((primary as RateLimitError).retryAfterMs).toBeGreaterThan(55_000);
    const secondary = errorFromResponse(new Response(null, { status: 403, headers: { "retry-after": "60" } }), { message: "You have exceeded a secondary rate limit." });
    expect((secondary as RateLimitError).retryAfterMs).toBe(60_000);
    // Remaining quota, or none said: a permission error.
    expect(errorFromResponse(new Response(null, { status: 403, headers: { "x-ratelimit-remaining": "12", "x-ratelimit-reset": String(reset) } }), github)).toBeInstanceOf(PermissionDeniedError);
    expect(errorFromResponse(new Response(null, { status: 403 }), { message: "Resource not accessible by integration" })).toBeInstanceOf(PermissionDeniedError);
  });

  it("reads code, message, details and request id from the envelope; the header wins for the id", () => {
    const err = errorFromResponse(new Response(null, { status: 422, headers: { "x-request-id": "req-hdr" } }), envelope("INVALID"));
    expect(err.code).toBe("INVALID");
    expect(err.message).toBe("422 bad things");
    expect(err.details).toEqual([{ field: "email", message: "invalid" }]);
    expect(err.requestId).toBe("req-hdr");
    expect(err.headers?.get("x-request-id")).toBe("req-hdr");
    expect(errorFromResponse(new Response(null, { status: 422 }), envelope("X")).requestId).toBe("req-body");
  });

  it("survives bodies that are not envelopes", () => {
    expect(errorFromResponse(new Response(null, { status: 500, statusText: "Oops" }), undefined).message).toBe("500 Oops");
    expect(errorFromResponse(new Response(null, { status: 418 }), "teapot").message).toBe("418 teapot");
    expect(errorFromResponse(new Response(null, { status: 418 }), { error: "plain" }).message).toBe("418 plain");
    expect(errorFromResponse(new Response(null, { status: 418 }), [1, 2])).toBeInstanceOf(ApiError);
  });

  // Error bodies of real APIs, as they document them: the message a log line needs, and a code to branch on.
  it.each([
    ["GitHub", 422, { message: "Validation Failed", errors: [{ resource: "Issue", field: "title", code: "missing_field" }], documentation_url: "https://docs.github.com" }, "422 Validation Failed", undefined],
    ["Stripe", 402, { error: { type: "card_error", code: "card_declined", message: "Your card was declined.", param: "" } }, "402 Your card was declined.", "card_declined"],
    ["OpenAI", 401, { error: { message: "Incorrect API key provided", type: "invalid_request_error", param: null, code: "invalid_api_key" } }, "401 Incorrect API key provided", "invalid_api_key"],
    ["Google", 404, { error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" } }, "404 Requested entity was not found.", undefined],
    ["RFC 9457 problem details", 403, { type: "https://example.com/probs/out-of-credit", title: "You do not have enough credit.", detail: "Your current balance is 30, but that costs 50.", status: 403 }, "403 Your current balance is 30, but that costs 50.", undefined],
    ["RFC 9457 with a title only", 404, { type: "about:blank", title: "Not Found", status: 404 }, "404 Not Found", undefined],
    ["OAuth 2 token endpoint", 400, { error: "invalid_grant", error_description: "Refresh token expired" }, "400 Refresh token expired", "invalid_grant"],
    ["Slack", 200, { ok: false, error: "invalid_auth" }, "200 invalid_auth", "invalid_auth"],
    ["FastAPI validation", 422, { detail: [{ loc: ["body", "email"], msg: "field required", type: "value_error.missing" }] }, "422 field required", undefined],
    ["Django REST framework", 404, { detail: "Not found." }, "404 Not found.", undefined],
    ["JSON:API", 422, { errors: [{ status: "422", source: { pointer: "/data/attributes/firstName" }, title: "Invalid Attribute", detail: "First name must contain at least three characters." }] }, "422 First name must contain at least three characters.", undefined],
    ["GraphQL over HTTP", 400, { errors: [{ message: "Syntax Error: Unexpected Name", locations: [{ line: 1, column: 1 }] }] }, "400 Syntax Error: Unexpected Name", undefined],
    ["a sentence in `error` is no code", 500, { error: "Something went wrong" }, "500 Something went wrong", undefined],
    ["no message anywhere: the status text", 409, { id: 7, state: "locked" }, "409 Conflict", undefined],
    ["an empty message: the status text", 404, { message: "" }, "404 Not Found", undefined],
  ] as const)("reads the message of %s bodies", (_name, status, body, message, code) => {
    const statusText = { 409: "Conflict", 404: "Not Found" }[status as number] ?? "";
    const err = errorFromResponse(new Response(null, { status, statusText }), body);
    expect(err.message).toBe(message);
    expect(err.code).toBe(code);
    expect(err.body).toEqual(body);
  });

  it("stays bounded on hostile bodies (deep nesting, cycles of lists)", () => {
    let deep: unknown = "deep message";
    for (let i = 0; i < 10_000; i++) deep = { message: deep };
    expect(errorFromResponse(new Response(null, { status: 500, statusText: "Oops" }), deep).message).toBe("500 Oops");
    const list: unknown[] = [];
    list.push(list);
    expect(errorFromResponse(new Response(null, { status: 500, statusText: "Oops" }), { errors: list }).message).toBe("500 Oops");
    // A long text body (an HTML page) stays out of the message; it is on `body`.
    const page = `<html>${"x".repeat(600)}</html>`;
    expect(errorFromResponse(new Response(null, { status: 502, statusText: "Bad Gateway" }), page).message).toBe("502 Bad Gateway");
  });

  it("gives RateLimitError the server's wait", () => {
    const err = errorFromResponse(new Response(null, { status: 429, headers: { "retry-after": "7" } }), undefined);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfterMs).toBe(7000);
  });

  it("readErrorResponse parses JSON or keeps text", async () => {
    const a = await readErrorResponse(new Response(JSON.stringify(envelope("NOPE")), { status: 404 }));
    expect(a).toBeInstanceOf(NotFoundError);
    expect(a.code).toBe("NOPE");
    const b = await readErrorResponse(new Response("<html>gateway</html>", { status: 502 }));
    expect(b.body).toBe("<html>gateway</html>");
  });
});

describe("error hierarchy", () => {
  it("keeps cause and classifies transport errors", () => {
    const cause = new Error("socket hang up");
    const conn = new ConnectionError("x", { cause, requestId: "r1" });
    expect(conn.cause).toBe(cause);
    expect(conn.requestId).toBe("r1");
    const t = new TimeoutError("t", { kind: "attempt", timeoutMs: 5 });
    expect(t).toBeInstanceOf(ConnectionError);
    expect(t.kind).toBe("attempt");
    expect(new AbortError("a")).not.toBeInstanceOf(ConnectionError);
    const open = new CircuitOpenError("o", { origin: "http://a", retryAt: Date.now() + 1000 });
    expect(open.retryAfterMs).toBeGreaterThan(0);
    expect(new SessionExpiredError()).toBeInstanceOf(AuthenticationError);
    expect(new SessionExpiredError().status).toBe(401);
  });

  it("serialises without headers", () => {
    const err = errorFromResponse(new Response(null, { status: 400, headers: { "set-cookie": "s=1" } }), envelope("B"));
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: "BadRequestError",
      message: "400 bad things",
      status: 400,
      code: "B",
      requestId: "req-body",
      details: [{ field: "email", message: "invalid" }],
    });
  });
});

describe("randomId", () => {
  it("falls back to getRandomValues where randomUUID is missing (insecure browser contexts)", async () => {
    const { randomId } = await import("../src/encoding.js");
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 100 }, () => randomId()));
      expect(ids.size).toBe(100);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(globalThis.crypto, "randomUUID", { value: original, configurable: true });
    }
  });
});
