import { describe, expect, it } from "vitest";
import {
  buildAuthorizationUrl,
  clientCredentials,
  createPkcePair,
  createRuntime,
  createState,
  exchangeCode,
  OAuthError,
  OAuthStateError,
  oauthRefresh,
  parseAuthorizationCallback,
  pkceChallenge,
  TokenManager,
} from "../src/index.js";
import { issueTokens } from "./fault-routes.js";
import { useFaultServer } from "./helpers.js";

const ctx = useFaultServer();
const tokenUrl = () => `${ctx.url}/oauth/token`;

describe("PKCE", () => {
  it("matches the RFC 7636 Appendix B test vector", async () => {
    expect(await pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });

  it("creates verifiers from the unreserved charset with the requested length (many draws)", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const length = 43 + (i % 86);
      const pair = await createPkcePair(length);
      expect(pair.codeVerifier).toMatch(/^[A-Za-z0-9\-._~]+$/);
      expect(pair.codeVerifier).toHaveLength(length);
      expect(pair.codeChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(pair.codeChallengeMethod).toBe("S256");
      expect(await pkceChallenge(pair.codeVerifier)).toBe(pair.codeChallenge);
      seen.add(pair.codeVerifier);
    }
    expect(seen.size).toBe(200);
    await expect(createPkcePair(42)).rejects.toBeInstanceOf(RangeError);
    await expect(createPkcePair(129)).rejects.toBeInstanceOf(RangeError);
  });

  it("builds the authorization URL with a random state", () => {
    const a = buildAuthorizationUrl({
      authorizationUrl: "https://id.example.com/authorize?tenant=t1",
      clientId: "app",
      redirectUri: "https://app.example.com/cb",
      scope: ["openid", "email"],
      codeChallenge: "chal",
    });
    const url = new URL(a.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: "t1",
      response_type: "code",
      client_id: "app",
      redirect_uri: "https://app.example.com/cb",
      scope: "openid email",
      state: a.state,
      code_challenge: "chal",
      code_challenge_method: "S256",
    });
    expect(a.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(buildAuthorizationUrl({ authorizationUrl: "https://x/a", clientId: "c", redirectUri: "r", codeChallenge: "c" }).state).not.toBe(a.state);
    expect(createState()).not.toBe(createState());
  });

  it("checks state on the callback before anything else", () => {
    expect(parseAuthorizationCallback("https://app/cb?code=abc&state=s1", "s1")).toEqual({ code: "abc" });
    expect(() => parseAuthorizationCallback("https://app/cb?code=abc&state=evil", "s1")).toThrow(OAuthStateError);
    expect(() => parseAuthorizationCallback("https://app/cb?code=abc", "s1")).toThrow(OAuthStateError);
    expect(() => parseAuthorizationCallback(new URLSearchParams("error=access_denied&state=s1"), "s1")).toThrow(OAuthError);
    expect(() => parseAuthorizationCallback("https://app/cb?error=access_denied&state=evil", "s1")).toThrow(OAuthStateError);
  });

  it("exchanges the code with the verifier, and the server checks S256", async () => {
    const pair = await createPkcePair();
    ctx.server.state.codes.set("code-1", { challenge: pair.codeChallenge, redirectUri: "https://app/cb" });
    const tokens = await exchangeCode({ tokenUrl: tokenUrl(), clientId: "app", code: "code-1", redirectUri: "https://app/cb", codeVerifier: pair.codeVerifier });
    expect(tokens.accessToken).toMatch(/^at-/);
    expect(tokens.refreshToken).toMatch(/^rt-/);
    expect(tokens.expiresAt).toBeGreaterThan(Date.now());

    ctx.server.state.codes.set("code-2", { challenge: pair.codeChallenge, redirectUri: "https://app/cb" });
    const err = await exchangeCode({ tokenUrl: tokenUrl(), clientId: "app", code: "code-2", redirectUri: "https://app/cb", codeVerifier: "x".repeat(43) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthError);
    expect((err as OAuthError).code).toBe("invalid_grant");
  });

  it("oauthRefresh plugs the refresh_token grant into TokenManager", async () => {
    const login = issueTokens(ctx.server.state);
    ctx.server.state.tokens.set(login.access_token, 0);
    const tm = new TokenManager({ tokens: login, refresh: oauthRefresh({ tokenUrl: tokenUrl(), clientId: "app" }) });
    const rt = createRuntime({ baseUrl: ctx.url, auth: { bearer: tm } });
    expect((await rt.fetch("/me")).status).toBe(200);
    expect(tm.tokens?.refreshToken).not.toBe(login.refresh_token);
    // Replaying the consumed refresh token is refused; the error chain stays typed.
    const stale = new TokenManager({ tokens: login, refresh: oauthRefresh({ tokenUrl: tokenUrl(), clientId: "app" }) });
    await expect(stale.refresh()).rejects.toMatchObject({ name: "SessionExpiredError", cause: { name: "OAuthError", code: "invalid_grant" } });
  });
});

describe("clientCredentials", () => {
  it.each(["basic", "body"] as const)("fetches once and caches until expiry (%s client auth)", async (authMethod) => {
    const cc = clientCredentials({ tokenUrl: tokenUrl(), clientId: "cid", clientSecret: "s3cret value", scope: ["read", "write"], authMethod });
    const rt = createRuntime({ baseUrl: ctx.url, auth: { bearer: cc } });
    const results = await Promise.all(Array.from({ length: 10 }, () => rt.fetch("/me")));
    expect(results.every((r) => r.status === 200)).toBe(true);
    await rt.fetch("/me");
    expect(ctx.server.state.tokenCalls).toBe(1);
  });

  it("refetches after the server rejects the cached token", async () => {
    const cc = clientCredentials({ tokenUrl: tokenUrl(), clientId: "cid", clientSecret: "s3cret value" });
    const rt = createRuntime({ baseUrl: ctx.url, auth: { bearer: cc } });
    await rt.fetch("/me");
    ctx.server.state.tokens.clear();
    expect((await rt.fetch("/me")).status).toBe(200);
    expect(ctx.server.state.tokenCalls).toBe(2);
  });

  it("surfaces bad client credentials as OAuthError", async () => {
    const cc = clientCredentials({ tokenUrl: tokenUrl(), clientId: "cid", clientSecret: "wrong" });
    await expect(cc.getAccessToken()).rejects.toMatchObject({ name: "OAuthError", status: 401, code: "invalid_client" });
  });
});
