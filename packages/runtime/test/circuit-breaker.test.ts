import { describe, expect, it, vi } from "vitest";
import { CircuitBreaker, CircuitOpenError, createRuntime } from "../src/index.js";
import { testClock, useFaultServer } from "./helpers.js";

const ctx = useFaultServer();

describe("CircuitBreaker", () => {
  it("closed → open after N failures → half-open after cool-down → closed on success", () => {
    let now = 0;
    const onStateChange = vi.fn();
    const b = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000, onStateChange }, () => now);
    const o = "https://api";
    b.failure(o);
    b.failure(o);
    b.success(o); // success resets the consecutive count
    b.failure(o);
    b.failure(o);
    expect(b.state(o)).toBe("closed");
    b.failure(o);
    expect(b.state(o)).toBe("open");
    expect(() => b.check(o)).toThrow(CircuitOpenError);
    now = 999;
    expect(b.state(o)).toBe("open");
    now = 1000;
    expect(b.state(o)).toBe("half-open");
    b.check(o); // the single probe
    expect(() => b.check(o)).toThrow(CircuitOpenError); // others wait for the probe
    b.success(o);
    expect(b.state(o)).toBe("closed");
    expect(onStateChange.mock.calls.map((c) => c[1])).toEqual(["open", "half-open", "closed"]);
  });

  it("a failed probe re-opens for another cool-down; origins are independent", () => {
    let now = 0;
    const b = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 100 }, () => now);
    b.failure("a");
    now = 100;
    b.check("a");
    b.failure("a");
    expect(b.state("a")).toBe("open");
    try {
      b.check("a");
    } catch (e) {
      expect((e as CircuitOpenError).retryAt).toBe(200);
      expect((e as CircuitOpenError).origin).toBe("a");
    }
    expect(b.state("b")).toBe("closed");
    b.neutral("a");
    b.reset();
    expect(b.state("a")).toBe("closed");
  });
});

describe("runtime with a circuit breaker", () => {
  it("opens on consecutive 5xx and network errors, fails fast, then recovers through a probe", async () => {
    const clock = testClock();
    const rt = createRuntime({ baseUrl: ctx.url, clock, retry: false, circuitBreaker: { failureThreshold: 3, cooldownMs: 10_000 } });
    ctx.server.plan("/echo", { status: 503 }, { reset: true }, { status: 500 });
    expect((await rt.fetch("/echo")).status).toBe(503);
    await expect(rt.fetch("/echo")).rejects.toMatchObject({ name: "ConnectionError" });
    expect((await rt.fetch("/echo")).status).toBe(500);
    const err = await rt.fetch("/echo").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CircuitOpenError);
    expect((err as CircuitOpenError).retryAt).toBeGreaterThan(clock.now());
    expect((err as CircuitOpenError).requestId).toBeDefined();
    expect(ctx.server.count("/echo")).toBe(3);
    expect(rt.circuitBreaker!.state(ctx.url)).toBe("open");
    clock.advance(10_000);
    expect((await rt.fetch("/echo")).status).toBe(200);
    expect(rt.circuitBreaker!.state(ctx.url)).toBe("closed");
  });

  it("4xx responses do not count as failures", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, circuitBreaker: { failureThreshold: 2 } });
    for (let i = 0; i < 5; i++) await rt.fetch("/status/404");
    expect(rt.circuitBreaker!.state(ctx.url)).toBe("closed");
  });

  it("tripping mid-retry hands back the last real response", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, clock: testClock(), retry: { maxRetries: 5 }, circuitBreaker: { failureThreshold: 2 } });
    ctx.server.plan("/echo", ...Array.from({ length: 6 }, () => ({ status: 503 })));
    const res = await rt.fetch("/echo");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { code: "HTTP_503" } });
    expect(ctx.server.count("/echo")).toBe(2);
  });
});
