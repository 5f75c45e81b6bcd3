/** console-compatible; any method may be missing to mute that level. */
export interface Logger {
  debug?(message: string, meta?: Record<string, unknown>): void;
  info?(message: string, meta?: Record<string, unknown>): void;
  warn?(message: string, meta?: Record<string, unknown>): void;
  error?(message: string, meta?: Record<string, unknown>): void;
}

/** Headers whose values are credentials or session state and must never reach logs. */
export const DEFAULT_REDACTED_HEADERS = [
  "authorization",
  "proxy-authorization",
  "x-api-key",
  "cookie",
  "set-cookie",
] as const;

/** Query parameters that commonly carry secrets when APIs accept them in the URL. */
const SECRET_QUERY = /^(api[-_]?key|access[-_]?token|token|client[-_]?secret|code|refresh[-_]?token|sig(nature)?)$/i;

export const REDACTED = "[REDACTED]";

export function createRedactor(extraHeaders: readonly string[] = []): {
  headers(h: Headers): Record<string, string>;
  url(u: string): string;
} {
  const names = new Set([...DEFAULT_REDACTED_HEADERS, ...extraHeaders.map((n) => n.toLowerCase())]);
  return {
    headers(h) {
      const out: Record<string, string> = {};
      // Headers iterates with lower-cased names, so the set lookup needs no normalisation.
      h.forEach((value, name) => {
        out[name] = names.has(name) ? REDACTED : value;
      });
      return out;
    },
    url(u) {
      const q = u.indexOf("?");
      if (q < 0) return u;
      try {
        const url = new URL(u);
        for (const key of [...url.searchParams.keys()]) if (SECRET_QUERY.test(key)) url.searchParams.set(key, REDACTED);
        return url.toString();
      } catch {
        return u.slice(0, q);
      }
    },
  };
}
