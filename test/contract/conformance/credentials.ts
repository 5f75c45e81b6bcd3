import type { SpecOperation } from "../support/spec.js";

type Json = Record<string, any>;
export type Kind = "bearer" | "apiKey";

/**
 * The kinds of credentials an operation accepts, from its security (else the spec's): an http
 * bearer, OAuth2 or OpenID Connect scheme takes a bearer token, an apiKey scheme a key. Null: a
 * public operation. Alternatives needing two schemes at once count by their first.
 */
export function acceptedCredentials(spec: Json, op: SpecOperation): Set<Kind> | null {
  const requirements: Json[] | undefined = op.raw.security ?? spec.security;
  if (!requirements || requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) return null;
  const schemes: Json = spec.components?.securitySchemes ?? {};
  const kinds = new Set<Kind>();
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      const s = schemes[name] ?? {};
      if ((s.type === "http" && String(s.scheme).toLowerCase() === "bearer") || s.type === "oauth2" || s.type === "openIdConnect") kinds.add("bearer");
      else if (s.type === "apiKey") kinds.add("apiKey");
    }
  }
  return kinds;
}

/** Why an operation cannot be called with the credentials given, or undefined when it can. */
export function missingCredentials(accepted: Set<Kind> | null, given: { bearer?: string; apiKey?: string }): string | undefined {
  if (accepted === null || accepted.size === 0) return undefined;
  if ((accepted.has("bearer") && given.bearer !== undefined) || (accepted.has("apiKey") && given.apiKey !== undefined)) return undefined;
  return `not called: it accepts only ${[...accepted].map((k) => (k === "bearer" ? "a bearer token (--bearer)" : "an API key (--api-key)")).join(" or ")}`;
}
