import { SessionExpiredError } from "../errors/index.js";
import type { BearerProvider, MaybePromise } from "./bearer.js";

/** Tokens as the runtime holds them; `expiresAt` is epoch ms. */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: number;
  tokenType?: string;
  scope?: string;
  idToken?: string;
}

/** RFC 6749 §5.1 token response, as returned by typical /auth/refresh or /oauth/token endpoints. */
export interface OAuthTokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  token_type?: string;
  scope?: string;
  id_token?: string;
}

/** Accepts both the wire shape and the camelCase shape so refresh functions can return either. */
export function normalizeTokens(input: TokenSet | OAuthTokenResponse, now: number): TokenSet {
  if ("accessToken" in input) return input;
  const out: TokenSet = { accessToken: input.access_token };
  if (input.refresh_token !== undefined) out.refreshToken = input.refresh_token;
  if (input.expires_in !== undefined) out.expiresAt = now + input.expires_in * 1000;
  if (input.token_type !== undefined) out.tokenType = input.token_type;
  if (input.scope !== undefined) out.scope = input.scope;
  if (input.id_token !== undefined) out.idToken = input.id_token;
  return out;
}

export interface TokenManagerOptions {
  /** Exchanges a refresh token for new tokens (e.g. POST /auth/refresh); required. Must not wait on this manager's auth. */
  refresh: (refreshToken: string, current: TokenSet) => Promise<TokenSet | OAuthTokenResponse>;
  /** Tokens from login, if already known. Default: none (requests go out unauthenticated). */
  tokens?: TokenSet | OAuthTokenResponse;
  /** Refresh this long before `expiresAt`, so tokens do not expire in flight. Default: 30_000 ms. */
  refreshSkewMs?: number;
  /** Called once per failed refresh, e.g. to route to the login screen. Default: none. */
  onSessionExpired?: (error: SessionExpiredError) => void;
  /** Called whenever tokens change (login, refresh, clear), e.g. to persist them. Default: none. */
  onTokens?: (tokens: TokenSet | undefined) => void;
  /** Time source in epoch ms. Default: Date.now. */
  now?: () => number;
}

/**
 * Holds login tokens and keeps them fresh: proactively before expiry and reactively after a 401.
 * Refreshes are single-flight: every request that needs one awaits the same promise, so N concurrent
 * callers with an expired token trigger exactly one refresh call.
 */
export class TokenManager implements BearerProvider {
  #current: TokenSet | undefined;
  #inflight: Promise<TokenSet> | undefined;
  #expired = false;
  readonly #now: () => number;
  readonly #skew: number;

  constructor(private readonly options: TokenManagerOptions) {
    this.#now = options.now ?? Date.now;
    this.#skew = options.refreshSkewMs ?? 30_000;
    if (options.tokens) this.#current = normalizeTokens(options.tokens, this.#now());
  }

  get tokens(): TokenSet | undefined {
    return this.#current;
  }

  /** Stores tokens after a login; also clears a previous session-expired state. */
  setTokens(tokens: TokenSet | OAuthTokenResponse): void {
    this.#current = normalizeTokens(tokens, this.#now());
    this.#expired = false;
    this.options.onTokens?.(this.#current);
  }

  /** Forgets the tokens (logout). */
  clear(): void {
    this.#current = undefined;
    this.options.onTokens?.(undefined);
  }

  #needsRefresh(t: TokenSet): boolean {
    return t.expiresAt !== undefined && this.#now() >= t.expiresAt - this.#skew;
  }

  getAccessToken(): MaybePromise<string | undefined> {
    if (this.#inflight) return this.#inflight.then((t) => t.accessToken);
    const t = this.#current;
    // No tokens: unauthenticated, unless a refresh failed (then refresh() rejects at once).
    if (!t && !this.#expired) return undefined;
    if (t && !this.#needsRefresh(t)) return t.accessToken;
    // Within the skew but still valid and nothing to refresh with: use it while it lasts.
    if (t && !t.refreshToken && t.expiresAt !== undefined && this.#now() < t.expiresAt) return t.accessToken;
    return this.refresh().then((n) => n.accessToken);
  }

  async handleUnauthorized(rejectedToken: string): Promise<boolean> {
    // Someone else already rotated the token while this request was in flight: just replay.
    if (this.#inflight) {
      await this.#inflight;
      return true;
    }
    if (this.#current && this.#current.accessToken !== rejectedToken) return true;
    await this.refresh();
    return true;
  }

  /**
   * Forces a refresh; joins the one in flight if there is one. Once a refresh failed, rejects at
   * once until setTokens(): calls that were waiting, or got a 401 afterwards, must not refresh
   * (and report the expiry) again.
   */
  refresh(): Promise<TokenSet> {
    if (this.#expired) return Promise.reject(new SessionExpiredError("Session expired; log in again"));
    this.#inflight ??= this.#runRefresh().finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  async #runRefresh(): Promise<TokenSet> {
    const t = this.#current;
    try {
      if (!t?.refreshToken) throw new Error("No refresh token available");
      const next = normalizeTokens(await this.options.refresh(t.refreshToken, t), this.#now());
      // Servers that do not rotate refresh tokens omit them; keep the one we have.
      if (!next.refreshToken) next.refreshToken = t.refreshToken;
      this.#current = next;
      this.options.onTokens?.(next);
      return next;
    } catch (cause) {
      const error = cause instanceof SessionExpiredError ? cause : new SessionExpiredError(undefined, { cause });
      this.#current = undefined;
      this.#expired = true;
      this.options.onTokens?.(undefined);
      this.options.onSessionExpired?.(error);
      throw error;
    }
  }
}
