import type { BearerProvider } from "./bearer.js";
import { requestToken, type TokenEndpointOptions } from "./token-endpoint.js";
import type { TokenSet } from "./token-manager.js";

export interface ClientCredentialsOptions extends TokenEndpointOptions {
  /** Confidential client secret. Required. */
  clientSecret: string;
  /** Space-separated scopes, or a list. Default: none (server default scope). */
  scope?: string | string[];
  /** Extra form fields, e.g. `{ audience }` for Auth0. Default: none. */
  extraParams?: Record<string, string>;
  /** Fetch a new token this long before expiry. Default: 30_000 ms. */
  refreshSkewMs?: number;
}

export interface ClientCredentialsProvider extends BearerProvider {
  getAccessToken(): Promise<string>;
  /** Drops the cached token so the next request fetches a new one. */
  invalidate(): void;
}

/**
 * OAuth2 client-credentials token provider (RFC 6749 §4.4): caches the token until shortly before
 * expiry, fetches single-flight, and on a 401 refetches once in case the server revoked it early.
 */
export function clientCredentials(opts: ClientCredentialsOptions): ClientCredentialsProvider {
  const now = opts.now ?? Date.now;
  const skew = opts.refreshSkewMs ?? 30_000;
  const scope = Array.isArray(opts.scope) ? opts.scope.join(" ") : opts.scope;
  let cached: TokenSet | undefined;
  let inflight: Promise<TokenSet> | undefined;

  const fetchToken = (): Promise<TokenSet> => {
    inflight ??= requestToken(opts, { grant_type: "client_credentials", scope, ...opts.extraParams })
      .then((t) => (cached = t))
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };
  const fresh = (t: TokenSet | undefined): t is TokenSet =>
    t !== undefined && (t.expiresAt === undefined || now() < t.expiresAt - skew);

  return {
    async getAccessToken() {
      if (fresh(cached)) return cached.accessToken;
      return (await fetchToken()).accessToken;
    },
    async handleUnauthorized(rejected) {
      if (cached && cached.accessToken !== rejected) return true;
      cached = undefined;
      await fetchToken();
      return true;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
