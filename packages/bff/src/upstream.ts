import { createApi, securitySchemes, type OperationMeta } from "@specforge/client";
import { clientCredentials, type AuthOptions, type BearerProvider, type Logger, type Runtime } from "@specforge/runtime";
import { basicAuthorization, takesApiKey, type ApiOptions, type CallOptions } from "@specforge/runtime/client";
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
): { runtime: Runtime; options: ApiOptions; queryKey?: { name: string; value: string }; basic?: string } {
  const { basic } = config.auth;
  const options: ApiOptions = {
    baseUrl: config.url,
    // Basic goes into the call options (which operations take it); the proxy sets the header itself.
    auth: { ...authOptions(config, secrets), ...(basic ? { basic } : {}) },
    retry: config.retry === undefined ? { ...DEFAULTS.retry } : config.retry,
    timeoutMs: config.timeoutMs ?? DEFAULTS.timeoutMs,
    totalTimeoutMs: config.totalTimeoutMs ?? DEFAULTS.totalTimeoutMs,
    circuitBreaker: config.circuitBreaker ?? true,
    cache: config.cache ?? false,
    ...(config.limiter ? { rateLimit: config.limiter } : {}),
    ...(config.fetch ? { fetch: config.fetch } : {}),
    ...(logger ? { logger } : {}),
    requestIdHeader: "X-Request-Id",
  };
  const { apiKey, apiKeyHeader } = config.auth;
  // The spec puts the key in the query: the proxy adds it to each upstream URL that takes it (createApi leaves it out of the runtime).
  const queryKey = apiKey !== undefined && apiKeyHeader === undefined && SPEC_KEY?.in === "query" ? { name: SPEC_KEY.name!, value: apiKey } : undefined;
  const authorization = basicAuthorization(basic);
  if (authorization) secrets.add(authorization.slice("Basic ".length));
  return { runtime: createApi(options).runtime, options, ...(queryKey ? { queryKey } : {}), ...(authorization ? { basic: authorization } : {}) };
}

/** The spec's first API key scheme: where createApi puts the key (its header, a Cookie, the query), as the generated client does. */
const schemes: Record<string, { type: string; in?: string; name?: string }> = securitySchemes;
const SPEC_KEY = Object.values(schemes).find((s) => s.type === "apiKey" && s.in && s.name);

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
  return { bearer: config.auth.bearer !== undefined || config.auth.oauth !== undefined, apiKey: config.auth.apiKey !== undefined, basic: config.auth.basic !== undefined };
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

/** The upstream URL with the proxy's query key, when the call takes the key; a value the browser sent under that name is replaced. */
export function addQueryKey(target: string, key: { name: string; value: string } | undefined, auth: CallOptions["auth"]): string {
  if (!key || !takesApiKey(auth)) return target;
  const url = new URL(target);
  url.searchParams.set(key.name, key.value);
  return url.href;
}
