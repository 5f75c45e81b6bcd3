import { operationMeta } from "@specforge/client";
import { DEFAULTS, type BffConfig } from "./config.js";
import { normalizeOrigin } from "./cors.js";
import { accepts, credentialKinds, KEY_SCHEMES } from "./upstream.js";

/** A configuration the proxy refuses to start with; `problems` lists each, naming the setting. */
export class BffConfigError extends Error {
  override name = "BffConfigError";
  constructor(readonly problems: string[]) {
    super(`Invalid BFF configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Secrets shorter than this are refused: scrubbing them from bodies would mangle ordinary text. */
export const MIN_SECRET_LENGTH = 8;

/** The names a setting has in the typed config; configFromEnv passes the env variable names instead. */
export type SettingNames = Record<
  | "upstreamUrl"
  | "operations"
  | "auth"
  | "apiKey"
  | "apiKeys"
  | "bearer"
  | "basicUsername"
  | "basicPassword"
  | "oauthClientId"
  | "oauthClientSecret"
  | "origins"
  | "basePath"
  | "rateLimit"
  | "webhookSecret"
  | "webhookPath"
  | "webhookRateLimit"
  | "port"
  | "redisUrl"
  | "redisKeyPrefix"
  | "redisCommandTimeout"
  | "redisConnectTimeout"
  | "redisRateLimitOnFailure"
  | "healthPath",
  string
>;

export const CONFIG_NAMES: SettingNames = {
  upstreamUrl: "upstream.url",
  operations: "operations",
  auth: "upstream.auth",
  apiKey: "upstream.auth.apiKey",
  apiKeys: "upstream.auth.apiKeys.",
  bearer: "upstream.auth.bearer",
  basicUsername: "upstream.auth.basic.username",
  basicPassword: "upstream.auth.basic.password",
  oauthClientId: "upstream.auth.oauth.clientId",
  oauthClientSecret: "upstream.auth.oauth.clientSecret",
  origins: "cors.origins",
  basePath: "basePath",
  rateLimit: "rateLimit",
  webhookSecret: "webhook.secret",
  webhookPath: "webhook.path",
  webhookRateLimit: "webhook.rateLimit",
  port: "server.port",
  redisUrl: "redis.url",
  redisKeyPrefix: "redis.keyPrefix",
  redisCommandTimeout: "redis.commandTimeoutMs",
  redisConnectTimeout: "redis.connectTimeoutMs",
  redisRateLimitOnFailure: "redis.rateLimitOnFailure",
  healthPath: "health.path",
};

/** The variable holding an apiKey scheme's key: `BFF_API_KEYS_` and the scheme name upper-cased, `_` for anything else. */
export function keyVariable(scheme: string): string {
  return `BFF_API_KEYS_${scheme.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
}

const isPath = (p: string): boolean => /^\/[A-Za-z0-9._~\-/]*[^/]$/.test(p) || p === "/";

/** Every problem of a typed config at once (never a secret's value), or none. */
export function configProblems(config: BffConfig, names: SettingNames = CONFIG_NAMES): string[] {
  const problems: string[] = [];
  const url = config.upstream?.url;
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") problems.push(`${names.upstreamUrl}: must be an http(s) URL, got "${url}"`);
    if (u.search || u.hash || u.username || u.password) problems.push(`${names.upstreamUrl}: must not carry a query, fragment or credentials`);
  } catch {
    problems.push(`${names.upstreamUrl}: required, an absolute http(s) URL such as https://api.example.com/v1${url ? ` (got "${url}")` : ""}`);
  }
  const auth = config.upstream?.auth ?? {};
  const kinds = [auth.apiKey !== undefined || auth.apiKeys !== undefined, auth.bearer !== undefined, auth.basic !== undefined, auth.oauth !== undefined].filter(Boolean).length;
  if (kinds !== 1) problems.push(`${names.auth}: set exactly one of an API key, a bearer token, Basic credentials or OAuth client credentials (found ${kinds})`);
  const short = (v: string | undefined) => v !== undefined && v.length < MIN_SECRET_LENGTH;
  if (short(auth.apiKey)) problems.push(`${names.apiKey}: at least ${MIN_SECRET_LENGTH} characters`);
  const first = Object.entries(KEY_SCHEMES)[0]?.[0];
  for (const [scheme, value] of Object.entries(auth.apiKeys ?? {})) {
    // In the env the setting is the scheme's variable; in the typed config, its key under apiKeys.
    const name = names.apiKeys === CONFIG_NAMES.apiKeys ? `${names.apiKeys}${scheme}` : keyVariable(scheme);
    if (!Object.hasOwn(KEY_SCHEMES, scheme)) problems.push(`${name}: the spec has no apiKey security scheme of that name (it has: ${Object.keys(KEY_SCHEMES).join(", ") || "none"})`);
    else if (scheme === first && auth.apiKey !== undefined) problems.push(`${name}: the key of the spec's first apiKey scheme is already ${names.apiKey}: give one`);
    if (short(value) || !value) problems.push(`${name}: at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (short(auth.bearer)) problems.push(`${names.bearer}: at least ${MIN_SECRET_LENGTH} characters`);
  // RFC 7617: a user-id cannot hold a colon (the first one ends it).
  if (auth.basic && (!auth.basic.username || auth.basic.username.includes(":"))) problems.push(`${names.basicUsername}: required with Basic credentials, without ":"`);
  if (auth.basic && (auth.basic.password ?? "").length < MIN_SECRET_LENGTH) problems.push(`${names.basicPassword}: at least ${MIN_SECRET_LENGTH} characters`);
  if (auth.oauth && !auth.oauth.clientId) problems.push(`${names.oauthClientId}: required with OAuth client credentials`);
  if (auth.oauth && (auth.oauth.clientSecret ?? "").length < MIN_SECRET_LENGTH) problems.push(`${names.oauthClientSecret}: at least ${MIN_SECRET_LENGTH} characters`);

  const ops = config.operations ?? [];
  const unknown = ops.filter((id) => !Object.hasOwn(operationMeta, id));
  if (unknown.length) problems.push(`${names.operations}: unknown operationId ${unknown.map((u) => `"${u}"`).join(", ")} (known: ${Object.keys(operationMeta).join(", ")})`);
  if (kinds === 1) {
    const have = credentialKinds(config.upstream);
    const refused = ops.filter((id) => Object.hasOwn(operationMeta, id) && !accepts(operationMeta[id], have));
    if (refused.length) problems.push(`${names.operations}: ${refused.join(", ")} accept(s) none of the configured credentials (${have.apiKey ? "API key" : have.basic ? "Basic credentials" : "bearer token"})`);
  }
  for (const o of config.cors?.origins ?? []) {
    if (!normalizeOrigin(o)) problems.push(`${names.origins}: "${o}" is not an origin (scheme://host[:port], no path)`);
  }
  const basePath = config.basePath ?? DEFAULTS.basePath;
  if (!isPath(basePath) || basePath === "/") problems.push(`${names.basePath}: a path such as /api (leading slash, no trailing slash), got "${basePath}"`);
  const rl = config.rateLimit;
  if (rl && ((rl.limit !== undefined && !(Number.isInteger(rl.limit) && rl.limit > 0)) || (rl.windowMs !== undefined && !(rl.windowMs > 0)))) {
    problems.push(`${names.rateLimit}: limit must be a positive integer and the window a positive number of ms`);
  }
  const wh = config.webhook;
  if (wh) {
    if ((wh.scheme ?? "standard") === "standard" && !/^(whsec_)?[A-Za-z0-9+/_-]{16,}={0,2}$/.test(wh.secret ?? "")) {
      problems.push(`${names.webhookSecret}: a Standard Webhooks secret (whsec_ followed by base64, at least 16 characters)`);
    } else if ((wh.secret ?? "").length < MIN_SECRET_LENGTH) problems.push(`${names.webhookSecret}: at least ${MIN_SECRET_LENGTH} characters`);
    const p = wh.path ?? DEFAULTS.webhookPath;
    if (!isPath(p) || p === "/") problems.push(`${names.webhookPath}: a path such as /webhooks, got "${p}"`);
    else if (p === basePath || p.startsWith(`${basePath}/`)) problems.push(`${names.webhookPath}: must lie outside ${names.basePath} (${basePath})`);
    const wrl = wh.rateLimit;
    if (wrl && !(Number.isInteger(wrl.limit) && wrl.limit > 0 && wrl.windowMs > 0)) {
      problems.push(`${names.webhookRateLimit}: limit must be a positive integer and the window a positive number of ms`);
    }
  }
  problems.push(...redisProblems(config, names));
  if (config.health) {
    const p = config.health.path ?? DEFAULTS.healthPath;
    if (!isPath(p) || p === "/") problems.push(`${names.healthPath}: a path such as /healthz, got "${p}"`);
    else if (p === basePath || p.startsWith(`${basePath}/`)) problems.push(`${names.healthPath}: must lie outside ${names.basePath} (${basePath})`);
    else if (wh && p === (wh.path ?? DEFAULTS.webhookPath)) problems.push(`${names.healthPath}: must differ from ${names.webhookPath}`);
  }
  const port = config.server?.port;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) problems.push(`${names.port}: an integer 0-65535, got ${port}`);
  return problems;
}

function redisProblems(config: BffConfig, names: SettingNames): string[] {
  const redis = config.redis;
  if (!redis) return [];
  const problems: string[] = [];
  try {
    const u = new URL(redis.url);
    if (u.protocol !== "redis:" && u.protocol !== "rediss:") problems.push(`${names.redisUrl}: must be a redis:// or rediss:// URL`);
    else if (u.password && decodeURIComponent(u.password).length < MIN_SECRET_LENGTH) problems.push(`${names.redisUrl}: the password must be at least ${MIN_SECRET_LENGTH} characters`);
  } catch {
    // Never echoed: the URL may carry the password.
    problems.push(`${names.redisUrl}: required, a URL such as redis://127.0.0.1:6379`);
  }
  if (redis.keyPrefix !== undefined && (typeof redis.keyPrefix !== "string" || redis.keyPrefix.length === 0)) problems.push(`${names.redisKeyPrefix}: a non-empty string`);
  const positive = (v: number | undefined) => v === undefined || (Number.isFinite(v) && v > 0);
  if (!positive(redis.commandTimeoutMs)) problems.push(`${names.redisCommandTimeout}: a positive number of ms`);
  if (!positive(redis.connectTimeoutMs)) problems.push(`${names.redisConnectTimeout}: a positive number of ms`);
  const policy = redis.rateLimitOnFailure;
  if (policy !== undefined && policy !== "open" && policy !== "closed") problems.push(`${names.redisRateLimitOnFailure}: "open" or "closed", got "${String(policy)}"`);
  return problems;
}
