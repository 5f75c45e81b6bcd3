import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BadRequestError, SessionExpiredError, TokenManager, type TokenManagerOptions } from "@specforge/runtime";
import { encryptedStore } from "@specforge/runtime/encrypted-store";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createApi } from "../src/index.js";

// The guide's password login (`POST /auth/login`, then `/auth/refresh`) against a node:http API that
// keeps time on a shared clock: access tokens live 900 s, refresh tokens are single-use (the spec's rule).
let now = 1_700_000_000_000;
const seen: { path: string; authorization: string | undefined }[] = [];
const access = new Map<string, number>(); // token → expiry
const refreshable = new Set<string>();
let issued = 0;

function issue() {
  const n = ++issued;
  access.set(`at_${n}`, now + 900_000);
  refreshable.add(`rt_${n}`);
  return { data: { access_token: `at_${n}`, refresh_token: `rt_${n}`, token_type: "Bearer", expires_in: 900 } };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  const body = raw ? (JSON.parse(raw) as Record<string, string>) : {};
  const path = new URL(req.url!, "http://x").pathname;
  seen.push({ path, authorization: req.headers.authorization });
  const send = (status: number, payload: unknown): void => void res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
  const error = (status: number, code: string) => send(status, { error: { code, message: code }, request_id: `req_${seen.length}` });

  if (path === "/auth/login") return body.email === "ada@example.com" && body.password === "analytical-engine-1843" ? send(200, issue()) : error(400, "BAD_REQUEST");
  if (path === "/auth/refresh") return refreshable.delete(body.refresh_token!) ? send(200, issue()) : error(401, "UNAUTHORIZED");
  if (path === "/users/me") {
    const expiry = access.get(req.headers.authorization?.replace(/^Bearer /, "") ?? "");
    if (expiry === undefined) return error(401, "UNAUTHORIZED");
    return now >= expiry ? error(401, "TOKEN_EXPIRED") : send(200, { data: { id: "u1", email: "ada@example.com" } });
  }
  error(404, "NOT_FOUND");
}

const server = createServer((req, res) => void handle(req, res));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen.length = 0;
  refreshable.clear();
});

/** One client for everything: login and refresh are public operations, so they never carry the session's token. */
function signIn(extra: Partial<TokenManagerOptions> = {}) {
  const session = new TokenManager({
    refresh: async (refreshToken) => (await api.auth.refreshToken({ body: { refresh_token: refreshToken } })).data,
    refreshSkewMs: 60_000,
    now: () => now,
    ...extra,
  });
  const api = createApi({ baseUrl, auth: { bearer: session }, retry: { maxRetries: 0 } });
  const login = async (password = "analytical-engine-1843") => (await api.auth.login({ body: { email: "ada@example.com", password } })).data;
  return { api, session, login };
}

describe("password login (POST /auth/login) feeding the runtime's TokenManager", () => {
  it("login's token pair signs the requests; inside the skew the token is refreshed before the request; a token the API calls expired is refreshed and the request replayed", async () => {
    const { api, session, login } = signIn();
    session.setTokens(await login());
    expect((await api.users.getCurrent()).data.email).toBe("ada@example.com");

    now += 850_000; // 50 s left: inside the 60 s skew, so refreshed first (the guide's "5 minutes before expiry" timer)
    await api.users.getCurrent();
    now += 1_000_000; // past expiry, but the client's clock says otherwise: the API's 401 TOKEN_EXPIRED triggers the refresh
    session.setTokens({ accessToken: session.tokens!.accessToken, refreshToken: session.tokens!.refreshToken!, expiresAt: now + 3_600_000 });
    expect((await api.users.getCurrent()).data.id).toBe("u1");

    expect(seen.map((s) => `${s.path} ${s.authorization ?? "-"}`)).toEqual([
      "/auth/login -",
      "/users/me Bearer at_1",
      "/auth/refresh -",
      "/users/me Bearer at_2",
      "/users/me Bearer at_2",
      "/auth/refresh -",
      "/users/me Bearer at_3",
    ]);
    expect(refreshable).toEqual(new Set(["rt_3"])); // each refresh token was used once
  });

  it("a wrong password is a BadRequestError; a refresh token the API refuses ends the session once", async () => {
    let expired = 0;
    const { api, session, login } = signIn({ onSessionExpired: () => expired++ });
    await expect(login("wrong")).rejects.toBeInstanceOf(BadRequestError);

    session.setTokens(await login());
    refreshable.clear(); // revoked on the server
    now += 900_000;
    const calls = await Promise.allSettled([api.users.getCurrent(), api.users.getCurrent(), api.users.getCurrent()]);
    expect(calls.map((c) => c.status === "rejected" && c.reason instanceof SessionExpiredError)).toEqual([true, true, true]);
    expect(expired).toBe(1);
    expect(seen.filter((s) => s.path === "/auth/refresh")).toHaveLength(1);
  });

  it("the session survives a restart through an encrypted store, and the store never holds a token in clear", async () => {
    const table = new Map<string, string>();
    const vault = encryptedStore(table, { key: Buffer.alloc(32, 7).toString("base64") });
    const saved: Promise<void>[] = [];
    const first = signIn({ onTokens: (t) => void saved.push(t ? vault.save("ada", t) : vault.delete("ada")) });
    first.session.setTokens(await first.login());
    now += 850_000; // refreshed inside the skew: the rotated pair is what gets stored
    await first.api.users.getCurrent();
    await Promise.all(saved);
    const current = first.session.tokens!;
    expect([...table.values()].join()).not.toContain(current.accessToken);
    expect([...table.values()].join()).not.toContain(current.refreshToken);

    const restarted = signIn({ tokens: (await vault.load("ada"))! });
    expect((await restarted.api.users.getCurrent()).data.id).toBe("u1");
    expect(seen.at(-1)).toEqual({ path: "/users/me", authorization: `Bearer ${current.accessToken}` });
  });
});
