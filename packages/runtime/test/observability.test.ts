import { describe, expect, it } from "vitest";
import { ApiError, createRedactor, createRuntime, REDACTED, type Logger } from "../src/index.js";
import { testClock, useFaultServer } from "./helpers.js";

const ctx = useFaultServer();

function memoryLogger(): Logger & { lines: Array<{ level: string; message: string; meta?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; message: string; meta?: Record<string, unknown> }> = [];
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) => void lines.push({ level, message, meta });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

describe("hooks", () => {
  it("fire in order: onRequest per attempt, onRetry before each wait, onResponse once", async () => {
    const events: string[] = [];
    const rt = createRuntime({
      baseUrl: ctx.url,
      clock: testClock(),
      retry: { retryCountHeader: "X-Retry-Count" },
      hooks: {
        onRequest: ({ attempt, request }) => void events.push(`request:${attempt}:${request.headers.get("x-retry-count")}`),
        onRetry: ({ attempt, response, delayMs }) => void events.push(`retry:${attempt}:${response?.status}:${delayMs > 0}`),
        onResponse: ({ response, attempt }) => void events.push(`response:${attempt}:${response.status}`),
        onError: () => void events.push("error"),
      },
    });
    ctx.server.plan("/echo", { status: 503 });
    await rt.withCall({ operationId: "echo" })("/echo");
    expect(events).toEqual(["request:0:null", "retry:0:503:true", "request:1:1", "response:1:200"]);
  });

  it("onRequest can replace the request; onError sees thrown errors", async () => {
    const errors: ApiError[] = [];
    const rt = createRuntime({
      baseUrl: ctx.url,
      retry: false,
      hooks: {
        onRequest: ({ request }) => {
          const h = new Headers(request.headers);
          h.set("x-signed", "yes");
          return new Request(request, { headers: h });
        },
        onError: ({ error }) => void errors.push(error),
      },
    });
    await rt.fetch("/echo");
    expect(ctx.server.requests[0]!.headers["x-signed"]).toBe("yes");
    ctx.server.plan("/echo", { reset: true });
    await expect(rt.fetch("/echo")).rejects.toBeInstanceOf(ApiError);
    expect(errors.map((e) => e.name)).toEqual(["ConnectionError"]);
  });
});

describe("request ids", () => {
  it("with requestIdHeader, sends one X-Request-Id per logical request, stable across retries, and puts it on thrown errors", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, clock: testClock(), retry: { maxRetries: 1 }, requestIdHeader: "X-Request-Id" });
    ctx.server.plan("/echo", { reset: true }, { reset: true });
    const err = (await rt.fetch("/echo").catch((e: unknown) => e)) as ApiError;
    const ids = ctx.server.requests.map((r) => r.headers["x-request-id"]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(err.requestId).toBe(ids[0]);
  });

  it("by default sends no id, yet every attempt's log line and a failure without a response carry one", async () => {
    const logger = memoryLogger();
    const rt = createRuntime({ baseUrl: ctx.url, clock: testClock(), retry: { maxRetries: 1 }, logger });
    ctx.server.plan("/echo", { reset: true }, { reset: true });
    const err = (await rt.fetch("/echo").catch((e: unknown) => e)) as ApiError;
    expect(ctx.server.requests.map((r) => r.headers["x-request-id"])).toEqual([undefined, undefined]);
    expect(err.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const logged = logger.lines.filter((l) => l.message === "http.request").map((l) => l.meta?.requestId);
    expect(logged).toEqual([err.requestId, err.requestId]);
  });

  it("keeps a caller-supplied id, uses a custom header, or none", async () => {
    await createRuntime({ baseUrl: ctx.url, requestIdHeader: "X-Request-Id" }).fetch("/echo", { headers: { "x-request-id": "mine" } });
    await createRuntime({ baseUrl: ctx.url, requestIdHeader: "X-Correlation-Id" }).fetch("/echo");
    await createRuntime({ baseUrl: ctx.url, requestIdHeader: false }).fetch("/echo");
    const [a, b, c] = ctx.server.requests;
    expect(a!.headers["x-request-id"]).toBe("mine");
    expect(b!.headers["x-correlation-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(c!.headers["x-request-id"]).toBeUndefined();
    // A caller's own X-Request-Id is the id errors and logs carry, with or without the option.
    ctx.server.plan("/echo", { reset: true });
    const err = (await createRuntime({ baseUrl: ctx.url, retry: false }).fetch("/echo", { headers: { "x-request-id": "caller-1" } }).catch((e: unknown) => e)) as ApiError;
    expect(err.requestId).toBe("caller-1");
  });
});

describe("logger", () => {
  it("logs requests, retries, responses and errors with secrets redacted", async () => {
    const logger = memoryLogger();
    const rt = createRuntime({
      baseUrl: ctx.url,
      clock: testClock(),
      logger,
      auth: { bearer: "super-secret-token", apiKey: "key-123" },
      redactHeaders: ["X-Tenant-Secret"],
      retry: { maxRetries: 1 },
    });
    ctx.server.plan("/echo", { status: 503 });
    await rt.fetch("/echo?api_key=leak&page=2", { headers: { cookie: "sid=abc", "x-tenant-secret": "t", "x-visible": "v" } });
    ctx.server.plan("/echo", { reset: true }, { reset: true });
    await rt.fetch("/echo").catch(() => undefined);

    const text = JSON.stringify(logger.lines);
    for (const secret of ["super-secret-token", "key-123", "sid=abc", '"t"', "leak"]) expect(text).not.toContain(secret);
    const firstRequest = logger.lines.find((l) => l.message === "http.request")!;
    expect(firstRequest.meta!["headers"]).toMatchObject({
      authorization: REDACTED,
      "x-api-key": REDACTED,
      cookie: REDACTED,
      "x-tenant-secret": REDACTED,
      "x-visible": "v",
    });
    expect(firstRequest.meta!["url"]).toContain("page=2");
    expect(logger.lines.map((l) => `${l.level}:${l.message}`)).toEqual([
      "debug:http.request",
      "warn:http.retry",
      "debug:http.request",
      "debug:http.response",
      "debug:http.request",
      "warn:http.retry",
      "debug:http.request",
      "error:http.error",
    ]);
  });

  it("redacts Set-Cookie on responses and a custom API key header", () => {
    const r = createRedactor(["X-Custom-Key"]);
    expect(r.headers(new Headers({ "set-cookie": "a=b", "x-custom-key": "k", "content-type": "x" }))).toEqual({
      "set-cookie": REDACTED,
      "x-custom-key": REDACTED,
      "content-type": "x",
    });
    expect(r.url("https://a/b?access_token=x&q=1")).toBe("https://a/b?access_token=%5BREDACTED%5D&q=1");
    expect(r.url("https://a/b")).toBe("https://a/b");
  });
});
