import type { TokenFunction } from "../auth/bearer.js";
import { REDACTED } from "../logger.js";
import type { CallOptions as RuntimeCallOptions } from "../options.js";
import type { ApiOptions } from "./core-runtime.js";

/** Where the spec's API key goes: its first `apiKey` security scheme (`in`, and the header, query parameter or cookie name). */
export interface SpecApiKey {
  in: "header" | "query" | "cookie";
  name: string;
}

/** An API key sent as a query parameter, added to the URL of each operation that accepts one. */
export interface QueryKey {
  name: string;
  get: TokenFunction;
}

/**
 * The options the runtime gets once the spec has placed `auth.apiKey`: in its header (Azure's
 * `Ocp-Apim-Subscription-Key`, a raw `Authorization`…) rather than the runtime's default
 * `X-API-Key`, in a `Cookie` header, or out of the runtime and into each URL's query (Google's
 * `key`, NASA's `api_key`). An explicit `apiKeyHeader` is the caller's choice and stays.
 */
export function placeApiKey(options: ApiOptions, spec: SpecApiKey | undefined): { options: ApiOptions; query?: QueryKey } {
  const auth = options.auth;
  const value = auth?.apiKey;
  if (!spec || !auth || value === undefined || auth.apiKeyHeader !== undefined) return { options };
  if (spec.in === "header") return { options: { ...options, auth: { ...auth, apiKeyHeader: spec.name } } };
  const get: TokenFunction = typeof value === "function" ? value : () => value;
  if (spec.in === "cookie") {
    const cookie = (v: string | undefined) => (v ? `${spec.name}=${v}` : undefined);
    const apiKey: TokenFunction = () => {
      const v = get();
      return v instanceof Promise ? v.then(cookie) : cookie(v);
    };
    return { options: { ...options, auth: { ...auth, apiKey, apiKeyHeader: "Cookie" } } };
  }
  const { apiKey: _sentInQuery, ...rest } = auth;
  return { options: { ...options, auth: rest }, query: { name: spec.name, get } };
}

/** The `Authorization` value of HTTP Basic credentials: the user-id and password joined by a colon, as UTF-8 (RFC 7617), in base64. */
export function basicAuthorization(basic: { username: string; password: string } | undefined): string | undefined {
  if (!basic) return undefined;
  let binary = "";
  for (const byte of new TextEncoder().encode(`${basic.username}:${basic.password}`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** Whether a call's credentials (the spec's for the operation, or the call's `auth`) take the API key. */
export function takesApiKey(auth: RuntimeCallOptions["auth"]): boolean {
  return auth === true || (typeof auth === "object" && auth.apiKey !== false);
}

/** The init with the key in its query; a value the caller put there wins. */
export function withQueryKey<I extends { params?: { query?: Record<string, unknown> } }>(init: I | undefined, name: string, key: string | undefined): I | undefined {
  if (!key) return init;
  return { ...init, params: { ...init?.params, query: { [name]: key, ...init?.params?.query } } } as I;
}

/** A URL for the logs with the key's query parameter hidden. */
export function hideQueryKey(url: string, name: string): string {
  if (!url.includes("?")) return url;
  try {
    const u = new URL(url);
    if (!u.searchParams.has(name)) return url;
    u.searchParams.set(name, REDACTED);
    return u.href;
  } catch {
    return url.slice(0, url.indexOf("?"));
  }
}
