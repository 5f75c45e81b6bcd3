import { describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  createRuntime,
  readErrorResponse,
  SessionExpiredError,
  TokenManager,
  type OAuthTokenResponse,
  type TokenManagerOptions,
} from "../src/index.js";
import { issueTokens } from "./fault-routes.js";
import { testClock, useFaultServer } from "./helpers.js";

const ctx = useFaultServer();
const authHeader = (i: number) => ctx.server.requests[i]?.headers.authorization;

/** Refresh through plain fetch: the refresh call must not wait on the auth it is repairing. */
async function refreshViaServer(refreshToken: string): Promise<OAuthTokenResponse> {
  const r = await fetch(`${ctx.url}/auth/refresh`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refresh_token: refreshToken }),
  });
  if (!r.ok) throw await readErrorResponse(r);
  return (await r.json()) as OAuthTokenResponse;
}

function manager(extra: Partial<TokenManagerOptions> = {}, ttlMs = 60_000) {
  const login = issueTokens(ctx.server.state, ttlMs);
  const tm = new TokenManager({ refresh: refreshViaServer, tokens: login, ...extra });
  const rt = createRuntime({ baseUrl: ctx.url, clock: testClock(), auth: { bearer: tm } });
  return { tm, rt, login };
}

describe("API keys and bearer tokens", () => {
  it("sends X-API-Key by default, or a configured header", async () => {
    await createRuntime({ baseUrl: ctx.url, auth: { apiKey: "k1" } }).fetch("/echo");
    await createRuntime({ baseUrl: ctx.url, auth: { apiKey: async () => "k2", apiKeyHeader: "X-Custom-Key" } }).fetch("/echo");
    expect(ctx.server.requests[0]!.headers["x-api-key"]).toBe("k1");
    expect(ctx.server.requests[1]!.headers["x-custom-key"]).toBe("k2");
  });

  it("accepts static, sync and async bearer sources", async () => {
    let n = 0;
    await createRuntime({ baseUrl: ctx.url, auth: { bearer: "static" } }).fetch("/echo");
    await createRuntime({ baseUrl: ctx.url, auth: { bearer: () => `sync-${++n}` } }).fetch("/echo");
    await createRuntime({ baseUrl: ctx.url, auth: { bearer: async () => "async" } }).fetch("/echo");
    expect([authHeader(0), authHeader(1), authHeader(2)]).toEqual(["Bearer static", "Bearer sync-1", "Bearer async"]);
  });

  it("leaves a caller-set Authorization alone and skips auth when the call says so", async () => {
    const rt = createRuntime({ baseUrl: ctx.url, auth: { bearer: "runtime", apiKey: "key" } });
    await rt.fetch("/echo", { headers: { authorization: "Basic abc" } });
    await rt.withCall({ auth: false })("/echo");
    expect(authHeader(0)).toBe("Basic abc");
    expect(authHeader(1)).toBeUndefined();
    expect(ctx.server.requests[1]!.headers["x-api-key"]).toBeUndefined();
  });
});

describe("TokenManager", () => {
  it("refreshes proactively inside the skew window", async () => {
    const clock = testClock();
    const { tm, rt, login } = manager({ now: clock.now });
    clock.advance(45_000); // 15 s left < 30 s skew
    const res = await rt.fetch("/me");
    expect(res.status).toBe(200);
    expect(ctx.server.state.refreshCalls).toBe(1);
    expect(tm.tokens?.accessToken).not.toBe(login.access_token);
    const me = ctx.server.requests.find((r) => r.path === "/me");
    expect(me?.headers.authorization).toBe(`Bearer ${tm.tokens?.accessToken}`);
  });

  it("respects a configured skew", async () => {
    const clock = testClock();
    const { rt } = manager({ now: clock.now, refreshSkewMs: 5_000 });
    clock.advance(45_000);
    await rt.fetch("/me");
    expect(ctx.server.state.refreshCalls).toBe(0);
  });

  it("refreshes reactively on 401 TOKEN_EXPIRED and replays the request once (even a POST)", async () => {
    const { rt, login } = manager();
    ctx.server.state.tokens.set(login.access_token, 0); // server-side expiry the client cannot know about
    const res = await rt.fetch("/me", { method: "POST", body: "{}" });
    expect(res.status).toBe(200);
    expect(ctx.server.state.refreshCalls).toBe(1);
    expect(ctx.server.count("/me")).toBe(2);
  });

  it("does not loop when the fresh token is rejected too", async () => {
    const { rt } = manager();
    ctx.server.state.rejectTokens = true;
    const res = await rt.fetch("/protected");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "TOKEN_EXPIRED" } });
    expect(ctx.server.state.refreshCalls).toBe(1);
    expect(ctx.server.count("/protected")).toBe(2);
  });

  it("single-flight: 50 concurrent requests with an expired token cause exactly one refresh", async () => {
    const clock = testClock();
    const { rt } = manager({ now: clock.now });
    clock.advance(120_000);
    ctx.server.state.refreshDelayMs = 30;
    const results = await Promise.all(Array.from({ length: 50 }, () => rt.fetch("/me")));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(ctx.server.state.refreshCalls).toBe(1);
  });

  it("single-flight also holds for a 401 storm", async () => {
    const { rt, login } = manager();
    ctx.server.state.tokens.set(login.access_token, 0);
    ctx.server.state.refreshDelayMs = 20;
    const results = await Promise.all(Array.from({ length: 30 }, () => rt.fetch("/me")));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(200));
    expect(ctx.server.state.refreshCalls).toBe(1);
  });

  it("a failed refresh fails every waiter with SessionExpiredError and calls onSessionExpired once", async () => {
    const onSessionExpired = vi.fn();
    const onTokens = vi.fn();
    const clock = testClock();
    const { rt, tm } = manager({ now: clock.now, onSessionExpired, onTokens });
    clock.advance(120_000);
    ctx.server.state.failRefresh = true;
    ctx.server.state.refreshDelayMs = 20;
    const settled = await Promise.allSettled(Array.from({ length: 10 }, () => rt.fetch("/me")));
    for (const s of settled) {
      expect(s.status).toBe("rejected");
      const reason = (s as PromiseRejectedResult).reason as SessionExpiredError;
      expect(reason).toBeInstanceOf(SessionExpiredError);
      expect(reason).toBeInstanceOf(AuthenticationError);
      expect(reason.cause).toMatchObject({ status: 401, code: "INVALID_REFRESH_TOKEN" });
    }
    expect(ctx.server.state.refreshCalls).toBe(1);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(onTokens).toHaveBeenLastCalledWith(undefined);
    expect(tm.tokens).toBeUndefined();
    // Later calls fail fast until the app logs in again.
    await expect(rt.fetch("/me")).rejects.toBeInstanceOf(SessionExpiredError);
    expect(ctx.server.count("/me")).toBe(0);
    tm.setTokens(issueTokens(ctx.server.state));
    expect((await rt.fetch("/me")).status).toBe(200);
  });

  it("a failed refresh in a 401 storm calls onSessionExpired once, also for 401s that arrive after it failed", async () => {
    const onSessionExpired = vi.fn();
    const { rt } = manager({ onSessionExpired });
    ctx.server.state.rejectTokens = true;
    ctx.server.state.failRefresh = true;
    ctx.server.state.refreshDelayMs = 20;
    // Half the 401s come back while the refresh runs, half after it failed.
    ctx.server.plan("/me", ...Array.from({ length: 100 }, (_, i) => ({ delayMs: i % 2 ? 80 : 0 })));
    const settled = await Promise.allSettled(Array.from({ length: 100 }, () => rt.fetch("/me")));
    expect(settled.every((s) => s.status === "rejected" && s.reason instanceof SessionExpiredError)).toBe(true);
    expect(ctx.server.state.refreshCalls).toBe(1);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it("after a failed refresh, a late 401 or refresh() rejects without refreshing or reporting again", async () => {
    const onSessionExpired = vi.fn();
    const { tm, login } = manager({ onSessionExpired });
    ctx.server.state.failRefresh = true;
    await expect(tm.handleUnauthorized(login.access_token)).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(tm.handleUnauthorized(login.access_token)).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(tm.refresh()).rejects.toBeInstanceOf(SessionExpiredError);
    expect(ctx.server.state.refreshCalls).toBe(1);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it("keeps the refresh token when the server does not rotate it, and accepts camelCase results", async () => {
    const clock = testClock();
    const tm = new TokenManager({
      tokens: { accessToken: "a1", refreshToken: "r1", expiresAt: clock.now() - 1 },
      refresh: async (rt) => ({ accessToken: `${rt}-new`, expiresAt: clock.now() + 3_600_000 }),
      now: clock.now,
    });
    expect(await tm.getAccessToken()).toBe("r1-new");
    expect(tm.tokens?.refreshToken).toBe("r1");
  });

  it("with no tokens it sends nothing; with an expired token and no refresh token the session is over", async () => {
    const empty = new TokenManager({ refresh: refreshViaServer });
    expect(await empty.getAccessToken()).toBeUndefined();
    const stale = new TokenManager({ refresh: refreshViaServer, tokens: { accessToken: "x", expiresAt: 1 } });
    await expect(stale.getAccessToken()).rejects.toBeInstanceOf(SessionExpiredError);
  });
});
