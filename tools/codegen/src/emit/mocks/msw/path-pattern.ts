/**
 * Regular-expression sources the MSW handlers match request URLs with (msw.gen.ts), built from
 * the spec: MSW's own path syntax cannot anchor a path after "any origin" without also letting `*`
 * swallow other paths (`* /files` answered `/containers/c1/files`, the app's own modules).
 */
import type { IRServer } from "../../../ir/types.js";

// For the RegExp constructor: "/" needs no escape there.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Literal path text as the URL parser leaves it in `URL.pathname`: non-ASCII, spaces and the
 * characters it percent-encodes are encoded (`/café` is `/caf%C3%A9` on the wire).
 */
function wireText(text: string): string {
  // A lone surrogate (a hostile spec's) is U+FFFD on the wire, as the URL parser writes it; encodeURIComponent would throw.
  return text.replace(/[^\x21-\x7e]|["<>`{}]/gu, (c) => (/^[\ud800-\udfff]$/.test(c) ? "%EF%BF%BD" : encodeURIComponent(c)));
}

/**
 * `/users/{user-id}/files` → `/users/(?<user_id>[^/]+)/files`: one named group per parameter
 * (named as in MSW's path syntax; a repeated name gets a suffix, as groups must be unique).
 * A query or fragment written into the path is left out (requests are matched on their path).
 */
export function pathPattern(path: string): string {
  const seen = new Set<string>();
  return path
    .replace(/[?#].*$/s, "")
    .split(/(\{[^}]*\})/)
    .map((part) => {
      const param = /^\{([^}]*)\}$/.exec(part);
      if (!param) return escape(wireText(part));
      const base = param[1]!.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=[0-9]|$)/, "_");
      let name = base;
      for (let i = 2; seen.has(name); i++) name = `${base}_${i}`;
      seen.add(name);
      return `(?<${name}>[^/]+)`;
    })
    .join("");
}

/** A server URL's path (`https://api.example.com/v1/` → `/v1`), its `{variables}` any one segment. */
export function serverPathPattern(url: string): string {
  const path = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:/, "").replace(/^\/\/[^/]*/, "").replace(/[?#].*$/s, "").replace(/\/+$/, "");
  return path
    .split(/(\{[^}]*\})/)
    .map((part) => (/^\{[^}]*\}$/.test(part) ? "[^/]*" : escape(wireText(part))))
    .join("");
}

/**
 * What may come between the origin and an operation's path by default: the base path of any server
 * the spec (or an operation) lists, or none (a mock server such as Prism serves the paths at its root).
 */
export function basePathsPattern(servers: IRServer[]): string {
  const paths = [...new Set(servers.map((s) => serverPathPattern(s.url)).filter(Boolean))].sort((a, b) => b.length - a.length);
  return paths.length ? `(?:${paths.join("|")})?` : "";
}
