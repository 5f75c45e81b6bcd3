import { createApi, securitySchemes, type OperationMeta } from "@specforge/client";
import { clientCredentials, type AuthOptions, type BearerProvider, type Logger, type Runtime } from "@specforge/runtime";
import { basicAuthorization, getsKey, namedKeys, takesApiKey, type ApiOptions, type CallOptions, type PlacedKey, type SpecApiKey } from "@specforge/runtime/client";
import { DEFAULTS, type UpstreamConfig } from "./config.js";
import type { SecretSet } from "./secrets.js";

/**
 * The runtime that talks to the API: the generated client's `createApi` builds it from the
 * upstream options (retries, timeouts, breaker, cache), with the server-side credentials. OAuth
 * access tokens are registered as secrets the moment they are obtained, so they are scrubbed too.
 */
export function createUpstream(
  config: UpstreamConfig,
  secrets: SecretSet,
  logger: Logger | undefined,
): { runtime: Runtime; options: ApiOptions; keys: PlacedKey[]; basic?: string } {
  const { basic } = config.auth;
  const options: ApiOptions = {
    baseUrl: config.url,
    // Basic goes into the call options (which operations take it); the proxy sets the header itself.
    auth: { ...authOptions(config, secrets), ...(basic ? { basic } : {}) },
    // Server to server, so no CORS to keep simple: the upstream sees which attempt each request is.
    retry: config.retry === false ? false : { retryCountHeader: "X-Retry-Count", ...(config.retry ?? DEFAULTS.retry) },
    timeoutMs: config.timeoutMs ?? DEFAULTS.timeoutMs,
    totalTimeoutMs: config.totalTimeoutMs ?? DEFAULTS.totalTimeoutMs,
    circuitBreaker: config.circuitBreaker ?? true,
    cache: config.cache ?? false,
    ...(config.limiter ? { rateLimit: config.limiter } : {}),
    ...(config.fetch ? { fetch: config.fetch } : {}),
    ...(logger ? { logger } : {}),
    requestIdHeader: "X-Request-Id",
  };
  const { apiKey, apiKeyHeader, apiKeys } = config.auth;
  // Keys the proxy places itself (createApi leaves them out of the runtime): the key when the spec puts
  // it in the query, and every key of `apiKeys`, each where its scheme says.
  const keys = namedKeys({ ...(apiKey !== undefined ? { apiKey } : {}), ...(apiKeys ? { apiKeys } : {}) }, KEY_SCHEMES, SPEC_KEY);
  if (apiKey !== undefined && apiKeyHeader === undefined && SPEC_KEY?.in === "query") keys.unshift({ ...SPEC_KEY, get: () => apiKey });
  const authorization = basicAuthorization(basic);
  if (authorization) secrets.add(authorization.slice("Basic ".length));
  const runtime = createApi(options).runtime;
  const cache = runtime.cache;
  if (cache) {
    // The runtime's cache is one user's; here every browser shares it.
    const accepts = cache.accepts.bind(cache);
    cache.accepts = (response) => accepts(response) && sharedCacheable(response);
  }
  return { runtime, options, keys, ...(authorization ? { basic: authorization } : {}) };
}

/**
 * What a cache shared by every browser may store (RFC 9111 §3, §4.1): nothing `private`, nothing
 * that sets a cookie, and no response with variants (a `Vary` beyond Accept-Encoding, which fetch
 * decodes anyway): the cache keys by URL alone, so it would serve one browser's variant to all.
 */
function sharedCacheable(response: Response): boolean {
  const h = response.headers;
  const varies = (h.get("vary") ?? "").split(",").some((v) => v.trim() && !/^accept-encoding$/i.test(v.trim()));
  return !varies && !h.has("set-cookie") && !/\bprivate\b/i.test(h.get("cache-control") ?? "");
}

/** The spec's apiKey schemes by name, and the first: where createApi puts `apiKey` (its header, a Cookie, the query), as the generated client does. */
const schemes: Record<string, { type: string; in?: string; name?: string }> = securitySchemes;
export const KEY_SCHEMES: Record<string, SpecApiKey> = Object.fromEntries(
  Object.entries(schemes).flatMap(([scheme, s]) => (s.type === "apiKey" && s.in && s.name ? [[scheme, { in: s.in as SpecApiKey["in"], name: s.name }]] : [])),
);
const SPEC_KEY: SpecApiKey | undefined = Object.values(KEY_SCHEMES)[0];

function authOptions(config: UpstreamConfig, secrets: SecretSet): AuthOptions {
  const { apiKey, bearer, oauth } = config.auth;
  // Without a header of its own, createApi places the key where the spec says (X-API-Key when it has no apiKey scheme).
  if (apiKey !== undefined) return config.auth.apiKeyHeader ? { apiKey, apiKeyHeader: config.auth.apiKeyHeader } : { apiKey };
  if (bearer !== undefined) return { bearer };
  if (!oauth) return {};
  const provider = clientCredentials({
    tokenUrl: oauth.tokenUrl ?? `${config.url.replace(/\/+$/, "")}/oauth/token`,
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    authMethod: oauth.authMethod ?? "body",
    ...(oauth.scope ? { scope: oauth.scope } : {}),
    ...(config.fetch ? { fetch: config.fetch } : {}),
  });
  const tracked: BearerProvider = {
    async getAccessToken() {
      const token = await provider.getAccessToken();
      secrets.add(token);
      return token;
    },
    handleUnauthorized: (rejected) => provider.handleUnauthorized!(rejected),
  };
  return { bearer: tracked };
}

/** Which credential kinds the configured auth provides. */
export function credentialKinds(config: UpstreamConfig): { bearer: boolean; apiKey: boolean; basic: boolean } {
  const { auth } = config;
  return { bearer: auth.bearer !== undefined || auth.oauth !== undefined, apiKey: auth.apiKey !== undefined || auth.apiKeys !== undefined, basic: auth.basic !== undefined };
}

/** Whether the configured credentials satisfy an operation's security (a public one always does). */
export function accepts(meta: OperationMeta, kinds: { bearer: boolean; apiKey: boolean; basic?: boolean }): boolean {
  if (!meta.credentials || (meta.security && meta.security.length === 0)) return true;
  return (meta.credentials.includes("bearer") && kinds.bearer) || (meta.credentials.includes("apiKey") && kinds.apiKey) || (meta.credentials.includes("basic") && kinds.basic === true);
}

/** The upstream headers with the proxy's HTTP Basic credentials, when the call takes them; an Authorization the browser sent is replaced. */
export function addBasic(headers: Headers, basic: string | undefined, auth: CallOptions["auth"]): Headers {
  if (basic && (auth === true || (typeof auth === "object" && auth.basic))) headers.set("authorization", basic);
  return headers;
}

/** The API URL of an operation: the template filled with the (re-encoded) path parameters, plus the raw query. */
export function upstreamUrl(base: string, meta: OperationMeta, params: Record<string, string>, search: string): string {
  const path = meta.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  return `${base.replace(/\/+$/, "")}${path}${search}`;
}

/**
 * The upstream URL and headers with the keys the proxy places, on an operation that takes the API key
 * and whose security names each key's scheme; a value the browser sent under that name is replaced.
 */
export function addKeys(target: string, headers: Headers, keys: readonly PlacedKey[], meta: OperationMeta, auth: CallOptions["auth"]): string {
  if (!keys.length || !takesApiKey(auth)) return target;
  let url: URL | undefined;
  for (const key of keys) {
    if (!getsKey(key, meta.security)) continue;
    const value = key.get() as string;
    if (key.in === "query") (url ??= new URL(target)).searchParams.set(key.name, value);
    else if (key.in === "header") headers.set(key.name, value);
    else headers.set("cookie", [headers.get("cookie"), `${key.name}=${value}`].filter(Boolean).join("; "));
  }
  return url ? url.href : target;
}
