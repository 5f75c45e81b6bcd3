/**
 * Source of msw.gen.ts's URL matching: a custom MSW predicate per handler, so a handler answers
 * its own operation's URLs only (anchored at the origin), with the path parameters as `params`.
 * String.raw, and no backticks or template substitutions in it: what is written is what is emitted.
 */
export const MATCH_SOURCE = String.raw`
const ANY_ORIGIN = "[a-z][a-z0-9+.-]*://[^/]*";
const escapeRegExp = (text: string) => text.replace(/[.*+?^$\{}()|[\]\\/]/g, "\\$&");

/** A pinned base URL as a pattern: "{variable}" is any text of one segment, "*" any text. */
function pinnedPattern(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  // Relative ("/api": a dev server's proxy): on the page's origin in a browser, on any origin elsewhere.
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("*");
  const prefix = absolute ? "" : page ? escapeRegExp(new URL(page).origin) : ANY_ORIGIN;
  const body = trimmed
    .split(/(\{[^}]*\}|\*)/)
    .map((part) => (part === "*" ? ".*" : /^\{[^}]*\}$/.test(part) ? "[^/]*" : escapeRegExp(part)))
    .join("");
  return prefix + body;
}

/**
 * The URLs an operation answers: by default any origin, then one of the spec's base paths or
 * none, then exactly its path (an optional trailing slash); with a pinned baseUrl, that base URL
 * or the operation's own server (where the client sends it while its baseUrl is the spec's).
 */
function urlPattern(route: Route, baseUrl: string | undefined): RegExp {
  const prefixes = baseUrl === undefined ? [ANY_ORIGIN + BASE_PATHS] : [pinnedPattern(baseUrl), ...(route.server === undefined ? [] : [pinnedPattern(route.server)])];
  return new RegExp("^(?:" + prefixes.join("|") + ")" + route.match + "/?$");
}

/** An MSW predicate: method and URL, with the decoded path parameters. */
function predicate(route: Route, baseUrl: string | undefined) {
  const pattern = urlPattern(route, baseUrl);
  const method = route.method.toUpperCase();
  return ({ request }: { request: Request }): { matches: boolean; params: Record<string, string> } => {
    const url = new URL(request.url);
    const found = request.method.toUpperCase() === method ? pattern.exec(url.protocol + "//" + url.host + url.pathname) : null;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(found?.groups ?? {})) {
      try {
        params[name] = decodeURIComponent(value);
      } catch {
        params[name] = value;
      }
    }
    return { matches: found !== null, params };
  };
}
`;
