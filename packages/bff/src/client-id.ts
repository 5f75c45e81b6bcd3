import { DEFAULTS, type ClientIdentityConfig } from "./config.js";
import type { Incoming } from "./exchange.js";

/** Printable, header-safe ids: they end up in logs and rate-limit keys. */
const CLIENT_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export type Identity =
  | { ok: true; key: string; clientId: string | undefined }
  | { ok: false; status: 400 | 401 | 403; message: string };

export interface ClientIdentifier {
  identify(incoming: Incoming): Promise<Identity>;
  /** The request header carrying the id, for the CORS allow list. */
  readonly header: string;
}

function cookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Who is calling: the `X-Client-ID` header (what the integration guides send), else a session
 * cookie, else a custom `identify`. The result keys the rate limit; anonymous callers (when allowed)
 * share a bucket per remote address. A client id is a label, not a credential: pair it with
 * `allowed` or a verified session when callers could rotate ids to dodge the limit.
 */
export function createIdentifier(config: ClientIdentityConfig | undefined): ClientIdentifier {
  const header = config?.header ?? DEFAULTS.clientHeader;
  const required = config?.required ?? true;
  const allowed = config?.allowed ? new Set(config.allowed) : undefined;
  const session = config?.sessionCookie;
  const custom = config?.identify;
  return {
    header,
    async identify(incoming) {
      let id: string | undefined;
      let kind = "client";
      if (custom) id = await custom(incoming.request());
      else {
        id = incoming.headers.get(header) ?? undefined;
        if (id === undefined && session) {
          id = cookie(incoming.headers.get("cookie"), session);
          kind = "session";
        }
      }
      if (id === undefined || id === "") {
        if (required) return { ok: false, status: 401, message: `Missing client identification (${header} header${session ? ` or ${session} cookie` : ""})` };
        return { ok: true, key: `ip:${incoming.remoteAddress ?? "unknown"}`, clientId: undefined };
      }
      if (!CLIENT_ID.test(id)) return { ok: false, status: 400, message: `Invalid ${kind === "session" ? "session" : header}: 1-128 characters of A-Z a-z 0-9 . _ : @ -` };
      if (allowed && !allowed.has(id)) return { ok: false, status: 403, message: "Client is not allowed" };
      return { ok: true, key: `${kind}:${id}`, clientId: kind === "session" ? undefined : id };
    },
  };
}
