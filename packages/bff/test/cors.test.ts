import { describe, expect, inject, it } from "vitest";
import { ALLOWED_ORIGIN, API_KEY, browser, startBff } from "./helpers.js";

const upstream = inject("prismUrl");
const strict = await startBff({
  upstream: { url: upstream, auth: { apiKey: API_KEY } },
  operations: ["listUsers", "createUser", "deleteProduct"],
  cors: { origins: [ALLOWED_ORIGIN, "http://localhost:3000"], maxAgeSec: 3600 },
});
const lenient = await startBff({
  upstream: { url: upstream, auth: { apiKey: API_KEY } },
  operations: ["listUsers"],
  cors: { origins: [ALLOWED_ORIGIN], credentials: true, rejectOtherOrigins: false },
});

const corsHeaders = (h: Record<string, string>) => Object.keys(h).filter((k) => k.startsWith("access-control-"));

describe("CORS: actual requests", () => {
  it.each([
    { given: ALLOWED_ORIGIN, want: 200 },
    { given: "http://localhost:3000", want: 200 },
  ])("allowed origin $given: echoed, exposes the request id and rate-limit headers", async ({ given, want }) => {
    const r = await strict.call("/api/users", { headers: browser("web", { origin: given }) });
    expect(r.status).toBe(want);
    expect(r.headers["access-control-allow-origin"]).toBe(given);
    expect(r.headers["vary"]).toBe("Origin");
    expect(r.headers["access-control-allow-credentials"]).toBeUndefined();
    const exposed = r.headers["access-control-expose-headers"]!.toLowerCase().split(", ");
    for (const h of ["x-request-id", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after"]) expect(exposed).toContain(h);
  });

  it.each(["https://evil.example", "https://app.example.test.evil.example", "http://app.example.test", "null"])(
    "other origin %s: 403 in the envelope, no CORS header at all",
    async (origin) => {
      const r = await strict.call("/api/users", { headers: browser("web", { origin }) });
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe("FORBIDDEN");
      expect(corsHeaders(r.headers)).toEqual([]);
      expect(r.headers["vary"]).toBe("Origin");
    },
  );

  it("no Origin (server-to-server, same-origin GET): served, without CORS headers", async () => {
    const r = await strict.call("/api/users", { headers: { "x-client-id": "cron" } });
    expect(r.status).toBe(200);
    expect(corsHeaders(r.headers)).toEqual([]);
    expect(r.headers["vary"]).toBe("Origin");
  });

  it("errors carry CORS headers too, so the app can read them", async () => {
    const r = await strict.call("/api/users?page=zero", { headers: browser() });
    expect(r.status).toBe(400);
    expect(r.headers["access-control-allow-origin"]).toBe(ALLOWED_ORIGIN);
  });

  it("rejectOtherOrigins: false serves other origins without CORS headers (the browser blocks the read)", async () => {
    const r = await lenient.call("/api/users", { headers: browser("web", { origin: "https://evil.example" }) });
    expect(r.status).toBe(200);
    expect(corsHeaders(r.headers)).toEqual([]);
    const ok = await lenient.call("/api/users", { headers: browser() });
    expect(ok.headers["access-control-allow-credentials"]).toBe("true");
  });
});

describe("CORS: preflight", () => {
  const preflight = (origin: string, method = "POST", headers = "content-type, x-client-id") => ({
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": headers },
  });

  it("allowed origin: 204 with methods, headers, max age; no client id or rate limit needed", async () => {
    const r = await strict.call("/api/users", preflight(ALLOWED_ORIGIN));
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
    expect(r.headers).toMatchObject({
      "access-control-allow-origin": ALLOWED_ORIGIN,
      "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
      "access-control-max-age": "3600",
      vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
    });
    const allowed = r.headers["access-control-allow-headers"]!.split(", ");
    for (const h of ["content-type", "x-client-id", "idempotency-key", "x-request-id"]) expect(allowed).toContain(h);
    expect(allowed).not.toContain("authorization");
    expect(r.headers["x-ratelimit-limit"]).toBeUndefined();
  });

  it("other origin: 403 and no CORS header, so the browser never sends the request", async () => {
    const r = await strict.call("/api/users", preflight("https://evil.example"));
    expect(r.status).toBe(403);
    expect(corsHeaders(r.headers)).toEqual([]);
  });

  it("OPTIONS without Access-Control-Request-Method is not a preflight: no operation answers it", async () => {
    const r = await strict.call("/api/users", { method: "OPTIONS", headers: browser() });
    expect(r.status).toBe(405);
    expect(r.headers["allow"]).toBe("GET, POST");
  });
});
