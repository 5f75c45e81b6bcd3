import { describe, expect, it } from "vitest";
import { BffConfigError, configFromEnv, createBff, type BffConfig } from "../src/index.js";
import { envProblems } from "./helpers.js";

const base = {
  BFF_UPSTREAM_URL: "https://api.example.com/v1",
  BFF_OPERATIONS: "listUsers, getUser",
  BFF_API_KEY: "sk_live_0123456789",
};

const problems = envProblems;

describe("configFromEnv", () => {
  it("builds the typed config from the variables", () => {
    const onWebhookEvent = () => undefined;
    const config = configFromEnv(
      {
        ...base,
        BFF_ALLOWED_ORIGINS: "https://app.example.com, http://localhost:3000",
        BFF_RATE_LIMIT: "100/1m",
        BFF_PORT: "9000",
        BFF_BASE_PATH: "/proxy",
        BFF_ALLOWED_CLIENTS: "web,ios",
        BFF_REQUIRE_CLIENT_ID: "false",
        BFF_CACHE_TTL_MS: "5000",
        BFF_RETRIES: "1",
        BFF_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        BFF_WEBHOOK_SCHEME: "stripe",
        BFF_WEBHOOK_SIGNATURE_HEADER: "Stripe-Signature",
      },
      { onWebhookEvent },
    );
    expect(config).toMatchObject({
      upstream: { url: "https://api.example.com/v1", auth: { apiKey: "sk_live_0123456789" }, cache: { ttlMs: 5000 }, retry: { maxRetries: 1 } },
      operations: ["listUsers", "getUser"],
      cors: { origins: ["https://app.example.com", "http://localhost:3000"] },
      rateLimit: { limit: 100, windowMs: 60_000 },
      server: { port: 9000, host: "127.0.0.1" },
      basePath: "/proxy",
      clients: { allowed: ["web", "ios"], required: false },
      webhook: { secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", scheme: "stripe", signatureHeader: "Stripe-Signature", onEvent: onWebhookEvent },
    });
    expect(configFromEnv({ ...base, BFF_RATE_LIMIT: "off" }).rateLimit).toBe(false);
  });

  it.each([
    { given: {}, want: ["BFF_OPERATIONS: required", "BFF_UPSTREAM_URL: required", "set exactly one of"] },
    { given: { ...base, BFF_UPSTREAM_URL: "api.example.com" }, want: ['BFF_UPSTREAM_URL: required, an absolute http(s) URL such as https://api.example.com/v1 (got "api.example.com")'] },
    { given: { ...base, BFF_UPSTREAM_URL: "ftp://x.test" }, want: ["BFF_UPSTREAM_URL: must be an http(s) URL"] },
    { given: { ...base, BFF_OPERATIONS: "listUsers,listUser,deleteEverything" }, want: ['BFF_OPERATIONS: unknown operationId "listUser", "deleteEverything"'] },
    { given: { ...base, BFF_OPERATIONS: "getCurrentUser" }, want: ["BFF_OPERATIONS: getCurrentUser accept(s) none of the configured credentials (API key)"] },
    { given: { ...base, BFF_BEARER_TOKEN: "tok_0123456789" }, want: ["set exactly one of an API key, a bearer token, Basic credentials or OAuth client credentials (found 2)"] },
    { given: { ...base, BFF_API_KEY: "short" }, want: ["BFF_API_KEY: at least 8 characters"] },
    { given: { ...base, BFF_ALLOWED_ORIGINS: "https://ok.test,https://app.test/path,*" }, want: ['BFF_ALLOWED_ORIGINS: "https://app.test/path" is not an origin', 'BFF_ALLOWED_ORIGINS: "*" is not an origin'] },
    { given: { ...base, BFF_RATE_LIMIT: "lots" }, want: ['BFF_RATE_LIMIT: expected <count>/<window> such as 60/60s or 1000/1h, or "off"; got "lots"'] },
    { given: { ...base, BFF_PORT: "http" }, want: ['BFF_PORT: expected an integer ≥ 0, got "http"'] },
    { given: { ...base, BFF_PORT: "70000" }, want: ["BFF_PORT: an integer 0-65535, got 70000"] },
    { given: { ...base, BFF_BASE_PATH: "api/" }, want: ["BFF_BASE_PATH: a path such as /api"] },
    { given: { ...base, BFF_REQUIRE_CLIENT_ID: "maybe" }, want: ['BFF_REQUIRE_CLIENT_ID: expected true or false, got "maybe"'] },
    { given: { ...base, BFF_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }, want: ["BFF_WEBHOOK_SECRET: set, but no webhook handler was given"] },
    { given: { ...base, BFF_WEBHOOK_SCHEME: "github" }, want: ['BFF_WEBHOOK_SCHEME: "standard", "hmac-hex" or "stripe", got "github"'] },
    { given: { ...base, BFF_OAUTH_CLIENT_ID: "cid" }, want: ["found 2", "BFF_OAUTH_CLIENT_SECRET: at least 8 characters"] },
  ])("refuses $want.0", ({ given, want }) => {
    const got = problems(given);
    for (const w of want) expect(got.some((p) => p.includes(w)), `${w}\nin:\n${got.join("\n")}`).toBe(true);
  });

  it("never echoes a secret's value in its message", () => {
    try {
      configFromEnv({ ...base, BFF_API_KEY: "sk_1", BFF_OAUTH_CLIENT_ID: "cid", BFF_OAUTH_CLIENT_SECRET: "oauthsec" });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain("sk_1");
      expect((e as Error).message).not.toContain("oauthsec");
    }
  });
});

describe("createBff", () => {
  it("refuses a bad typed config with every problem named by its setting", () => {
    const bad = {
      upstream: { url: "", auth: {} },
      operations: ["nope"],
      cors: { origins: ["example.com"] },
      webhook: { secret: "x", path: "/api/hooks", onEvent: () => undefined },
    } as unknown as BffConfig;
    expect(() => createBff(bad)).toThrow(BffConfigError);
    try {
      createBff(bad);
    } catch (e) {
      const text = (e as Error).message;
      for (const setting of ["upstream.url", "upstream.auth", "operations", "cors.origins", "webhook.secret", "webhook.path"]) expect(text).toContain(`  - ${setting}:`);
    }
  });
});
