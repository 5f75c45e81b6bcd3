export type MaybePromise<T> = T | Promise<T>;

/** Anything that can hand out a bearer token; TokenManager and clientCredentials implement it. */
export interface BearerProvider {
  /** Current access token, refreshing first if needed; undefined sends the request unauthenticated. */
  getAccessToken(): MaybePromise<string | undefined>;
  /**
   * Called after a 401 with the token that was rejected. Resolve true to replay the request once
   * (a fresh token is available); throw (e.g. SessionExpiredError) to fail the request.
   */
  handleUnauthorized?(rejectedToken: string): Promise<boolean>;
}

export type TokenFunction = () => MaybePromise<string | undefined>;

export interface AuthOptions {
  /** Bearer token: a static string, a (sync or async) provider function, or a BearerProvider. Default: none. */
  bearer?: string | TokenFunction | BearerProvider;
  /** API key value or provider function, sent in `apiKeyHeader`. Default: none. */
  apiKey?: string | TokenFunction;
  /** Header that carries the API key. Default: "X-API-Key". */
  apiKeyHeader?: string;
}

export interface ResolvedAuth {
  bearer?: BearerProvider;
  apiKey?: TokenFunction;
  apiKeyHeader: string;
}

export function resolveAuth(auth: AuthOptions | undefined): ResolvedAuth {
  const b = auth?.bearer;
  const k = auth?.apiKey;
  return {
    bearer:
      b === undefined
        ? undefined
        : typeof b === "string"
          ? { getAccessToken: () => b }
          : typeof b === "function"
            ? { getAccessToken: b }
            : b,
    apiKey: k === undefined ? undefined : typeof k === "string" ? () => k : k,
    apiKeyHeader: auth?.apiKeyHeader ?? "X-API-Key",
  };
}

/**
 * Sets credentials on the outgoing headers; returns the bearer token used so a later 401 can be
 * matched against it. Headers the caller set explicitly win, which lets one call use other creds.
 * Stays synchronous when the sources are (the common case) to keep the hot path free of extra ticks.
 */
export function applyAuth(
  headers: Headers,
  auth: ResolvedAuth,
  callerSet: { bearer: boolean; apiKey: boolean },
): MaybePromise<string | undefined> {
  const key = auth.apiKey && !callerSet.apiKey ? auth.apiKey() : undefined;
  if (key instanceof Promise) {
    return key.then((k) => {
      if (k) headers.set(auth.apiKeyHeader, k);
      return applyBearer(headers, auth, callerSet);
    });
  }
  if (key) headers.set(auth.apiKeyHeader, key);
  return applyBearer(headers, auth, callerSet);
}

function applyBearer(headers: Headers, auth: ResolvedAuth, callerSet: { bearer: boolean }): MaybePromise<string | undefined> {
  if (!auth.bearer || callerSet.bearer) return undefined;
  const token = auth.bearer.getAccessToken();
  const set = (t: string | undefined): string | undefined => {
    if (t) headers.set("authorization", `Bearer ${t}`);
    return t;
  };
  return token instanceof Promise ? token.then(set) : set(token);
}
