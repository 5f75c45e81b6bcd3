import { OAuthError, OAuthStateError } from "../errors/index.js";
import { base64UrlEncode, randomBytes, timingSafeEqual, utf8 } from "../encoding.js";

/** RFC 7636 §4.1 unreserved characters allowed in a code verifier. */
const VERIFIER_CHARSET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

export interface PkcePair {
  codeVerifier: string;
  codeChallenge: string;
  codeChallengeMethod: "S256";
}

/** A random verifier of `length` chars (43–128, default 64) and its S256 challenge. */
export async function createPkcePair(length = 64): Promise<PkcePair> {
  if (!Number.isInteger(length) || length < 43 || length > 128) {
    throw new RangeError("PKCE code verifier length must be an integer in 43..128");
  }
  let verifier = "";
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 66).
  const limit = 256 - (256 % VERIFIER_CHARSET.length);
  while (verifier.length < length) {
    for (const b of randomBytes(length)) {
      if (b < limit && verifier.length < length) verifier += VERIFIER_CHARSET[b % VERIFIER_CHARSET.length];
    }
  }
  return { codeVerifier: verifier, codeChallenge: await pkceChallenge(verifier), codeChallengeMethod: "S256" };
}

/** BASE64URL(SHA256(ASCII(verifier))) without padding. */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", utf8(verifier));
  return base64UrlEncode(new Uint8Array(digest));
}

/** An unguessable `state` value (256 bits, base64url). */
export function createState(): string {
  return base64UrlEncode(randomBytes(32));
}

export interface AuthorizationUrlOptions {
  /** Authorization endpoint; existing query params are kept. Required. */
  authorizationUrl: string;
  /** OAuth client id. Required. */
  clientId: string;
  /** Where the server sends the user back. Required. */
  redirectUri: string;
  /** Space-separated scopes, or a list. Default: none. */
  scope?: string | string[];
  /** CSRF state; store the returned one and check it on the callback. Default: a fresh random value. */
  state?: string;
  /** S256 challenge from createPkcePair(). Required. */
  codeChallenge: string;
  /** Extra query params, e.g. `{ prompt: "consent" }`. Default: none. */
  extraParams?: Record<string, string>;
}

/** Builds the authorization-endpoint URL (RFC 6749 §4.1.1 + PKCE); returns the state to remember. */
export function buildAuthorizationUrl(opts: AuthorizationUrlOptions): { url: string; state: string } {
  const state = opts.state ?? createState();
  const url = new URL(opts.authorizationUrl);
  const scope = Array.isArray(opts.scope) ? opts.scope.join(" ") : opts.scope;
  // In this order; an extra param with a standard name replaces its value in place, as set() would.
  const params = {
    response_type: "code",
    client_id: opts.clientId,
    redirect_uri: opts.redirectUri,
    ...(scope ? { scope } : {}),
    state,
    code_challenge: opts.codeChallenge,
    code_challenge_method: "S256",
    ...opts.extraParams,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { url: url.toString(), state };
}

/** Throws OAuthStateError unless `received` equals `expected` (constant-time). */
export function verifyState(expected: string, received: string | null | undefined): void {
  if (!received || !timingSafeEqual(utf8(expected), utf8(received))) {
    throw new OAuthStateError("OAuth state mismatch: the callback was not started by this client");
  }
}

/**
 * Reads the redirect the authorization server sent the user back with: checks `state` first (a
 * forged callback must not reveal anything), then surfaces an `error` param, then returns the code.
 */
export function parseAuthorizationCallback(callback: string | URL | URLSearchParams, expectedState: string): { code: string } {
  const params =
    callback instanceof URLSearchParams ? callback : new URL(typeof callback === "string" ? callback : callback.href).searchParams;
  verifyState(expectedState, params.get("state"));
  const error = params.get("error");
  if (error) {
    throw new OAuthError(`Authorization failed: ${error} ${params.get("error_description") ?? ""}`.trim(), { code: error });
  }
  const code = params.get("code");
  if (!code) throw new OAuthError("Authorization callback carries no code");
  return { code };
}
