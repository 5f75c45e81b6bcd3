import type { TokenFunction } from "../auth/bearer.js";
import { mergeHeaders } from "openapi-fetch";
import { REDACTED } from "../logger.js";
import type { CallOptions as RuntimeCallOptions } from "../options.js";
import type { ApiOptions } from "./core-runtime.js";

/** Where the spec's API key goes: its first `apiKey` security scheme (`in`, and the header, query parameter or cookie name). */
export interface SpecApiKey {
  in: "header" | "query" | "cookie";
  name: string;
}

/**
 * An API key the client places itself (the runtime sends only one, in a header): the key of a
 * scheme that puts it in the query, or any of several schemes' keys (Trello's `key` and `token`,
 * Datadog's `DD-API-KEY` and `DD-APPLICATION-KEY`).
 */
export interface PlacedKey extends SpecApiKey {
  /** Its security scheme: only operations whose security names it get it. Absent: every operation that takes the API key. */
  scheme?: string;
  get: TokenFunction;
}

/**
 * The options the runtime gets once the spec has placed `auth.apiKey`: in its header (Azure's
 * `Ocp-Apim-Subscription-Key`, a raw `Authorization`…) rather than the runtime's default
 * `X-API-Key`, in a `Cookie` header, or out of the runtime and into each URL's query (Google's
 * `key`, NASA's `api_key`). An explicit `apiKeyHeader` is the caller's choice and stays.
 */
export function placeApiKey(options: ApiOptions, spec: SpecApiKey | undefined): { options: ApiOptions; query?: PlacedKey } {
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
  return { options: { ...options, auth: rest }, query: { in: "query", name: spec.name, get } };
}

/**
 * The keys of `auth.apiKeys`, each where its scheme in the spec puts it. A name that is not one of
 * the spec's apiKey schemes, or a scheme also given as `auth.apiKey`, is a TypeError at createApi.
 */
export function namedKeys(auth: ApiOptions["auth"], schemes: Record<string, { readonly in: string; readonly name: string }> | undefined, first: SpecApiKey | undefined): PlacedKey[] {
  const out: PlacedKey[] = [];
  for (const [scheme, value] of Object.entries(auth?.apiKeys ?? {})) {
    const at = schemes && Object.hasOwn(schemes, scheme) ? schemes[scheme] : undefined;
    if (!at) throw new TypeError(`auth.apiKeys.${scheme}: the spec has no apiKey security scheme of that name (it has: ${Object.keys(schemes ?? {}).join(", ") || "none"})`);
    if (auth?.apiKey !== undefined && first?.in === at.in && first.name === at.name) {
      throw new TypeError(`auth.apiKey and auth.apiKeys.${scheme} are both the key of scheme ${scheme}: give one`);
    }
    if (value !== undefined) out.push({ in: at.in as SpecApiKey["in"], name: at.name, scheme, get: typeof value === "function" ? value : () => value });
  }
  return out;
}

/** Whether an operation gets a placed key: it takes the API key, and its security names the key's scheme (or says nothing). */
export function getsKey(key: PlacedKey, security: readonly (readonly string[])[] | undefined): boolean {
  return key.scheme === undefined || security === undefined || security.some((all) => all.includes(key.scheme as string));
}

/** The init with the keys' values in its query, headers or cookie; a value the call put there wins. */
export function withKeys<I extends { params?: { query?: Record<string, unknown> }; headers?: unknown }>(init: I | undefined, keys: readonly PlacedKey[], values: readonly (string | undefined)[]): I | undefined {
  let out = { ...init } as I;
  const query: Record<string, string> = {};
  keys.forEach((key, i) => {
    const value = values[i];
    if (!value) return;
    if (key.in === "query") query[key.name] = value;
    else if (key.in === "header") out.headers = mergeHeaders({ [key.name]: value }, out.headers as never);
    else {
      // Cookies add up in one header: each scheme's pair after the call's own.
      const headers = mergeHeaders(out.headers as never);
      headers.set("cookie", [headers.get("cookie"), `${key.name}=${value}`].filter(Boolean).join("; "));
      out.headers = headers;
    }
  });
  for (const _ in query) return { ...out, params: { ...out.params, query: { ...query, ...out.params?.query } } };
  return out;
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
