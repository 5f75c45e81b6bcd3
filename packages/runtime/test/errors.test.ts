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
