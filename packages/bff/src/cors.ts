import { DEFAULTS, type CorsConfig } from "./config.js";

/** Response headers scripts may read: the request id, the rate limit, caching and paging. */
const EXPOSED = ["X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After", "ETag", "Location", "Link", "Idempotent-Replayed", "X-Cache"];

export interface CorsPolicy {
  /** The origin as allowed (echoed back), or undefined when absent or not on the list. */
  allowed(origin: string | null): string | undefined;
  /** Headers of an actual (non-preflight) response to an allowed origin. */
  headers(origin: string): Record<string, string>;
  /** Headers of a preflight answer to an allowed origin. */
  preflight(origin: string): Record<string, string>;
  readonly rejectOthers: boolean;
}

/** `scheme://host[:port]` as browsers send it in Origin: lower-case, default port dropped, no path. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const u = new URL(value);
    if ((u.protocol !== "http:" && u.protocol !== "https:") || u.pathname !== "/" || u.search || u.hash || u.username) return undefined;
    return u.origin;
  } catch {
    return undefined;
  }
}

/**
 * CORS for an exact allowlist. Responses always vary on Origin (a cache must not hand one origin's
 * answer to another); origins not on the list get no CORS headers at all, so the browser blocks them.
 * Methods are those of the exposed operations; headers those the proxy forwards plus the client id.
 */
export function createCors(config: CorsConfig | undefined, methods: readonly string[], requestHeaders: readonly string[]): CorsPolicy {
  const origins = new Set((config?.origins ?? []).map((o) => normalizeOrigin(o) ?? o));
  const credentials = config?.credentials ?? false;
  const base: Record<string, string> = credentials ? { "access-control-allow-credentials": "true" } : {};
  const expose = [...EXPOSED, ...(config?.exposeHeaders ?? [])].join(", ");
  const allowHeaders = [...new Set([...requestHeaders, ...(config?.allowHeaders ?? [])].map((h) => h.toLowerCase()))].join(", ");
  const allowMethods = [...new Set([...methods, "OPTIONS"])].join(", ");
  const maxAge = String(config?.maxAgeSec ?? DEFAULTS.corsMaxAgeSec);
  return {
    rejectOthers: config?.rejectOtherOrigins ?? true,
    allowed: (origin) => (origin !== null && origins.has(origin) ? origin : undefined),
    headers: (origin) => ({ ...base, "access-control-allow-origin": origin, "access-control-expose-headers": expose }),
    preflight: (origin) => ({
      ...base,
      "access-control-allow-origin": origin,
      "access-control-allow-methods": allowMethods,
      "access-control-allow-headers": allowHeaders,
      "access-control-max-age": maxAge,
    }),
  };
}

/** Every response's Vary: Origin, plus the preflight request headers on a preflight answer. */
export function varyHeader(preflight: boolean): string {
  return preflight ? "Origin, Access-Control-Request-Method, Access-Control-Request-Headers" : "Origin";
}
