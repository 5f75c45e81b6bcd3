import { OAuthError } from "../errors/index.js";
import { normalizeTokens, type OAuthTokenResponse, type TokenSet } from "./token-manager.js";

export type FetchFn = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export interface TokenEndpointOptions {
  /** Token endpoint URL. Required. */
  tokenUrl: string;
  /** OAuth client id. Required. */
  clientId: string;
  /** Omit for public clients (browser/mobile apps using PKCE). Default: none. */
  clientSecret?: string;
  /** How a confidential client authenticates (RFC 6749 §2.3.1). Default: "basic". */
  authMethod?: "basic" | "body";
  /** fetch used for the token call; pass a bare fetch, not an authenticated runtime one. Default: globalThis.fetch. */
  fetch?: FetchFn;
  /** Time source in epoch ms. Default: Date.now. */
  now?: () => number;
}

/** Form-urlencoding per RFC 6749 Appendix B, which differs from encodeURIComponent for spaces. */
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, "+");
}

/** POSTs a grant to the token endpoint and normalizes the answer; OAuth error bodies become OAuthError. */
export async function requestToken(opts: TokenEndpointOptions, params: Record<string, string | undefined>): Promise<TokenSet> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) body.set(k, v);
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", accept: "application/json" });
  if (opts.clientSecret !== undefined && (opts.authMethod ?? "basic") === "basic") {
    headers.set("authorization", `Basic ${btoa(`${formEncode(opts.clientId)}:${formEncode(opts.clientSecret)}`)}`);
  } else {
    body.set("client_id", opts.clientId);
    if (opts.clientSecret !== undefined) body.set("client_secret", opts.clientSecret);
  }
  const doFetch = opts.fetch ?? globalThis.fetch;
  const response = await doFetch(opts.tokenUrl, { method: "POST", headers, body });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // Non-JSON error pages still need a useful OAuthError below.
  }
  if (!response.ok || typeof json["access_token"] !== "string") {
    const { error, error_description: description } = json;
    const code = typeof error === "string" ? error : undefined;
    throw new OAuthError(`Token request failed: ${response.status} ${code ?? ""} ${typeof description === "string" ? description : ""}`.trim(), {
      status: response.status,
      code,
      body: json,
      headers: response.headers,
    });
  }
  return normalizeTokens(json as unknown as OAuthTokenResponse, (opts.now ?? Date.now)());
}

export interface ExchangeCodeOptions extends TokenEndpointOptions {
  /** The `code` from the authorization callback. Required. */
  code: string;
  /** Must equal the redirect URI sent to the authorization endpoint. Required. */
  redirectUri: string;
  /** The PKCE verifier created with the challenge sent to the authorization endpoint. */
  codeVerifier: string;
}

/** Authorization-code grant with PKCE (RFC 6749 §4.1.3, RFC 7636 §4.5). */
export function exchangeCode(opts: ExchangeCodeOptions): Promise<TokenSet> {
  return requestToken(opts, {
    grant_type: "authorization_code",
    code: opts.code,
    redirect_uri: opts.redirectUri,
    code_verifier: opts.codeVerifier,
  });
}

/** A `TokenManager` refresh function backed by the OAuth2 refresh_token grant. */
export function oauthRefresh(opts: TokenEndpointOptions & { scope?: string }): (refreshToken: string) => Promise<TokenSet> {
  return (refreshToken) => requestToken(opts, { grant_type: "refresh_token", refresh_token: refreshToken, scope: opts.scope });
}
