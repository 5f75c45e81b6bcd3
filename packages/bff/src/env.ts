import { BffConfigError, configProblems, keyVariable, type SettingNames } from "./check-config.js";
import type { BffConfig, OperationId, UpstreamAuth, WebhookConfig } from "./config.js";
import { KEY_SCHEMES } from "./upstream.js";

type Env = Record<string, string | undefined>;

/** Every variable configFromEnv reads, with what it means; `pnpm bff --help` prints this. */
export const ENV_VARS: Record<string, string> = {
  BFF_UPSTREAM_URL: "API base URL, e.g. https://api.example.com/v1 (required)",
  BFF_OPERATIONS: "comma-separated operationIds to expose, e.g. listUsers,getUser (required)",
  BFF_API_KEY: "API key for the upstream (one of API key / bearer / Basic / OAuth is required)",
  BFF_API_KEY_HEADER: "header of the API key (default X-API-Key)",
  "BFF_API_KEYS_<SCHEME>": "the key of the spec's apiKey scheme <SCHEME> (upper case, _ for other characters), for APIs that take several",
  BFF_BEARER_TOKEN: "static bearer token for the upstream",
  BFF_BASIC_USERNAME: "HTTP Basic user name for the upstream (with BFF_BASIC_PASSWORD)",
  BFF_BASIC_PASSWORD: "HTTP Basic password for the upstream",
  BFF_OAUTH_CLIENT_ID: "OAuth client-credentials client id",
  BFF_OAUTH_CLIENT_SECRET: "OAuth client-credentials secret",
  BFF_OAUTH_TOKEN_URL: "token endpoint (default <upstream>/oauth/token)",
  BFF_OAUTH_SCOPE: "requested scopes, space-separated",
  BFF_ALLOWED_ORIGINS: "comma-separated browser origins, e.g. https://app.example.com,http://localhost:3000",
  BFF_CORS_CREDENTIALS: "true to allow cookies cross-origin (default false)",
  BFF_BASE_PATH: "mount path of the API mirror (default /api)",
  BFF_HOST: "interface to listen on (default 127.0.0.1)",
  BFF_PORT: "port to listen on (default 8787; --port wins)",
  BFF_CLIENT_HEADER: "client identification header (default X-Client-ID)",
  BFF_SESSION_COOKIE: "session cookie used as identity when the header is absent",
  BFF_REQUIRE_CLIENT_ID: "false to let anonymous callers in, limited per address (default true)",
  BFF_ALLOWED_CLIENTS: "comma-separated client ids allowed (default any)",
  BFF_RATE_LIMIT: "per-client limit as <count>/<window>, e.g. 60/60s, 1000/1h, or off (default 60/60s)",
  BFF_VALIDATE: "false to skip request validation (default true)",
  BFF_MAX_BODY_BYTES: "largest request body (default 1048576)",
  BFF_RETRIES: "retries per upstream request (default 2)",
  BFF_TIMEOUT_MS: "per-attempt upstream timeout (default 10000)",
  BFF_CIRCUIT_BREAKER: "false to disable the circuit breaker (default true)",
  BFF_CACHE_TTL_MS: "cache GET responses this long, 0 = off (default 0)",
  BFF_WEBHOOK_SECRET: "webhook signing secret; enables the receiver",
  BFF_WEBHOOK_PATH: "webhook receiver path (default /webhooks)",
  BFF_WEBHOOK_SCHEME: "standard, hmac-hex or stripe (default standard)",
  BFF_WEBHOOK_SIGNATURE_HEADER: "signature header of hmac-hex and stripe (default X-Webhook-Signature, Stripe-Signature)",
  BFF_WEBHOOK_TOLERANCE_SEC: "accepted webhook-timestamp skew (default 300)",
  BFF_WEBHOOK_RATE_LIMIT: "deliveries per sender address, e.g. 600/1m (default off)",
  BFF_REDIS_URL: "redis://[user:password@]host:port[/db]: share rate limits and webhook dedupe between instances (default: in memory)",
  BFF_REDIS_KEY_PREFIX: "prefix of every Redis key (default specforge:bff:)",
  BFF_REDIS_TIMEOUT_MS: "a Redis command slower than this counts as Redis down (default 250)",
  BFF_REDIS_CONNECT_TIMEOUT_MS: "Redis connect timeout, also the startup wait (default 2000)",
  BFF_REDIS_RATE_LIMIT_ON_FAILURE: "open (serve, limit per instance) or closed (503) while Redis is down (default open)",
  BFF_HEALTH_PATH: "health route, or off (default /healthz)",
  BFF_LOG_LEVEL: "debug to also log every upstream attempt (pnpm bff only; default info)",
};

const ENV_NAMES: SettingNames = {
  upstreamUrl: "BFF_UPSTREAM_URL",
  operations: "BFF_OPERATIONS",
  auth: "BFF_API_KEY / BFF_BEARER_TOKEN / BFF_BASIC_USERNAME+BFF_BASIC_PASSWORD / BFF_OAUTH_CLIENT_ID+BFF_OAUTH_CLIENT_SECRET",
  apiKey: "BFF_API_KEY",
  apiKeys: "BFF_API_KEYS_",
  bearer: "BFF_BEARER_TOKEN",
  basicUsername: "BFF_BASIC_USERNAME",
  basicPassword: "BFF_BASIC_PASSWORD",
  oauthClientId: "BFF_OAUTH_CLIENT_ID",
  oauthClientSecret: "BFF_OAUTH_CLIENT_SECRET",
  origins: "BFF_ALLOWED_ORIGINS",
  basePath: "BFF_BASE_PATH",
  rateLimit: "BFF_RATE_LIMIT",
  webhookSecret: "BFF_WEBHOOK_SECRET",
  webhookPath: "BFF_WEBHOOK_PATH",
  webhookRateLimit: "BFF_WEBHOOK_RATE_LIMIT",
  port: "BFF_PORT",
  redisUrl: "BFF_REDIS_URL",
  redisKeyPrefix: "BFF_REDIS_KEY_PREFIX",
  redisCommandTimeout: "BFF_REDIS_TIMEOUT_MS",
  redisConnectTimeout: "BFF_REDIS_CONNECT_TIMEOUT_MS",
  redisRateLimitOnFailure: "BFF_REDIS_RATE_LIMIT_ON_FAILURE",
  healthPath: "BFF_HEALTH_PATH",
};

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export interface EnvOptions {
  /** Handler of verified webhook events; required when BFF_WEBHOOK_SECRET is set. */
  onWebhookEvent?: WebhookConfig["onEvent"];
  /** Passed through to the config. */
  logger?: BffConfig["logger"];
}

/**
 * Builds the typed config from environment variables (see ENV_VARS). Throws BffConfigError listing
 * every bad or missing variable by name — never echoing a secret's value.
 */
export function configFromEnv(env: Env = process.env, options: EnvOptions = {}): BffConfig {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const list = (name: string): string[] | undefined => get(name)?.split(",").map((s) => s.trim()).filter(Boolean);
  const bool = (name: string): boolean | undefined => {
    const v = get(name)?.toLowerCase();
    if (v === undefined) return undefined;
    if (["true", "1", "yes", "on"].includes(v)) return true;
    if (["false", "0", "no", "off"].includes(v)) return false;
    problems.push(`${name}: expected true or false, got "${get(name)}"`);
    return undefined;
  };
  const int = (name: string, min = 0): number | undefined => {
    const v = get(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v) || Number(v) < min) {
      problems.push(`${name}: expected an integer ≥ ${min}, got "${v}"`);
      return undefined;
    }
    return Number(v);
  };

  const operations = list("BFF_OPERATIONS");
  if (!operations) problems.push(`BFF_OPERATIONS: required, ${ENV_VARS.BFF_OPERATIONS!.split(" (")[0]}`);

  const auth: UpstreamAuth = {};
  const apiKey = get("BFF_API_KEY");
  const bearer = get("BFF_BEARER_TOKEN");
  const clientId = get("BFF_OAUTH_CLIENT_ID");
  const clientSecret = get("BFF_OAUTH_CLIENT_SECRET");
  if (apiKey !== undefined) auth.apiKey = apiKey;
  if (get("BFF_API_KEY_HEADER")) auth.apiKeyHeader = get("BFF_API_KEY_HEADER")!;
  // One variable per apiKey scheme of the spec; one that names no scheme is a typo, said as such.
  const byVariable = new Map(Object.keys(KEY_SCHEMES).map((scheme) => [keyVariable(scheme), scheme]));
  for (const name of Object.keys(env).filter((n) => n.startsWith("BFF_API_KEYS_") && get(n) !== undefined).sort()) {
    const scheme = byVariable.get(name);
    if (scheme === undefined) problems.push(`${name}: the spec has no apiKey security scheme by that name (its variables: ${[...byVariable.keys()].join(", ") || "none"})`);
    else (auth.apiKeys ??= {})[scheme] = get(name)!;
  }
  if (bearer !== undefined) auth.bearer = bearer;
  const username = get("BFF_BASIC_USERNAME");
  const password = get("BFF_BASIC_PASSWORD");
  if (username !== undefined || password !== undefined) auth.basic = { username: username ?? "", password: password ?? "" };
  if (clientId !== undefined || clientSecret !== undefined) {
    auth.oauth = { clientId: clientId ?? "", clientSecret: clientSecret ?? "" };
    if (get("BFF_OAUTH_TOKEN_URL")) auth.oauth.tokenUrl = get("BFF_OAUTH_TOKEN_URL")!;
    if (get("BFF_OAUTH_SCOPE")) auth.oauth.scope = get("BFF_OAUTH_SCOPE")!;
  }

  /** `<count>/<window>` such as 60/60s or 1000/1h, or "off" (false); undefined when unset or wrong. */
  const rate = (name: string): { limit: number; windowMs: number } | false | undefined => {
    const value = get(name);
    if (value === undefined) return undefined;
    const m = /^(\d+)\s*\/\s*(\d+)?\s*(ms|s|m|h)$/.exec(value);
    if (value.toLowerCase() === "off") return false;
    if (m && Number(m[1]) > 0) return { limit: Number(m[1]), windowMs: Number(m[2] ?? 1) * UNITS[m[3]!]! };
    problems.push(`${name}: expected <count>/<window> such as 60/60s or 1000/1h, or "off"; got "${value}"`);
    return undefined;
  };
  const rateLimit: BffConfig["rateLimit"] = rate("BFF_RATE_LIMIT");

  const scheme = get("BFF_WEBHOOK_SCHEME");
  const schemes = ["standard", "hmac-hex", "stripe"] as const;
  const known = schemes.find((s) => s === scheme);
  if (scheme !== undefined && !known) problems.push(`BFF_WEBHOOK_SCHEME: "standard", "hmac-hex" or "stripe", got "${scheme}"`);
  let webhook: WebhookConfig | undefined;
  const whSecret = get("BFF_WEBHOOK_SECRET");
  if (whSecret !== undefined) {
    if (!options.onWebhookEvent) problems.push("BFF_WEBHOOK_SECRET: set, but no webhook handler was given (configFromEnv(env, { onWebhookEvent }))");
    webhook = { secret: whSecret, onEvent: options.onWebhookEvent ?? (() => undefined) };
    if (get("BFF_WEBHOOK_PATH")) webhook.path = get("BFF_WEBHOOK_PATH")!;
    if (known) webhook.scheme = known;
    if (get("BFF_WEBHOOK_SIGNATURE_HEADER")) webhook.signatureHeader = get("BFF_WEBHOOK_SIGNATURE_HEADER")!;
    const tol = int("BFF_WEBHOOK_TOLERANCE_SEC", 1);
    if (tol !== undefined) webhook.toleranceSec = tol;
    const whLimit = rate("BFF_WEBHOOK_RATE_LIMIT");
    if (whLimit) webhook.rateLimit = whLimit;
  }

  let redis: BffConfig["redis"];
  const redisUrl = get("BFF_REDIS_URL");
  const onFailure = get("BFF_REDIS_RATE_LIMIT_ON_FAILURE")?.toLowerCase();
  if (onFailure !== undefined && onFailure !== "open" && onFailure !== "closed") problems.push(`BFF_REDIS_RATE_LIMIT_ON_FAILURE: "open" or "closed", got "${onFailure}"`);
  const redisTimeout = int("BFF_REDIS_TIMEOUT_MS", 1);
  const redisConnectTimeout = int("BFF_REDIS_CONNECT_TIMEOUT_MS", 1);
  if (redisUrl !== undefined) {
    redis = {
      url: redisUrl,
      ...(get("BFF_REDIS_KEY_PREFIX") ? { keyPrefix: get("BFF_REDIS_KEY_PREFIX")! } : {}),
      ...(redisTimeout !== undefined ? { commandTimeoutMs: redisTimeout } : {}),
      ...(redisConnectTimeout !== undefined ? { connectTimeoutMs: redisConnectTimeout } : {}),
      ...(onFailure === "open" || onFailure === "closed" ? { rateLimitOnFailure: onFailure } : {}),
    };
  } else {
    const orphans = ["BFF_REDIS_KEY_PREFIX", "BFF_REDIS_TIMEOUT_MS", "BFF_REDIS_CONNECT_TIMEOUT_MS", "BFF_REDIS_RATE_LIMIT_ON_FAILURE"].filter((n) => get(n) !== undefined);
    if (orphans.length) problems.push(`${orphans.join(", ")}: set, but BFF_REDIS_URL is not (the stores are in memory)`);
  }
  const healthPath = get("BFF_HEALTH_PATH");
  const health: BffConfig["health"] = healthPath === undefined ? undefined : healthPath.toLowerCase() === "off" ? false : { path: healthPath };

  const retries = int("BFF_RETRIES");
  const timeoutMs = int("BFF_TIMEOUT_MS", 1);
  const breaker = bool("BFF_CIRCUIT_BREAKER");
  const cacheTtl = int("BFF_CACHE_TTL_MS");
  const port = int("BFF_PORT");
  const required = bool("BFF_REQUIRE_CLIENT_ID");
  const credentials = bool("BFF_CORS_CREDENTIALS");
  const validate = bool("BFF_VALIDATE");
  const maxBody = int("BFF_MAX_BODY_BYTES", 1);

  const config: BffConfig = {
    upstream: {
      url: get("BFF_UPSTREAM_URL") ?? "",
      auth,
      ...(retries !== undefined ? { retry: { maxRetries: retries, initialDelayMs: 200, maxDelayMs: 2_000, maxRetryAfterMs: 5_000 } } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(breaker !== undefined ? { circuitBreaker: breaker } : {}),
      ...(cacheTtl ? { cache: { ttlMs: cacheTtl } } : {}),
    },
    operations: (operations ?? []) as OperationId[],
    cors: { origins: list("BFF_ALLOWED_ORIGINS") ?? [], ...(credentials !== undefined ? { credentials } : {}) },
    clients: {
      ...(get("BFF_CLIENT_HEADER") ? { header: get("BFF_CLIENT_HEADER")! } : {}),
      ...(get("BFF_SESSION_COOKIE") ? { sessionCookie: get("BFF_SESSION_COOKIE")! } : {}),
      ...(required !== undefined ? { required } : {}),
      ...(list("BFF_ALLOWED_CLIENTS") ? { allowed: list("BFF_ALLOWED_CLIENTS")! } : {}),
    },
    server: { host: get("BFF_HOST") ?? "127.0.0.1", ...(port !== undefined ? { port } : {}) },
    ...(get("BFF_BASE_PATH") ? { basePath: get("BFF_BASE_PATH")! } : {}),
    ...(rateLimit !== undefined ? { rateLimit } : {}),
    ...(validate !== undefined ? { validate } : {}),
    ...(maxBody !== undefined ? { maxBodyBytes: maxBody } : {}),
    ...(webhook ? { webhook } : {}),
    ...(redis ? { redis } : {}),
    ...(health !== undefined ? { health } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  };
  problems.push(...configProblems(config, ENV_NAMES));
  if (problems.length) throw new BffConfigError(problems);
  return config;
}

