/** Routes of the fault server. Each mimics one API behaviour the runtime must handle. */
import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface ServerState {
  counts: Map<string, number>;
  /** Side effects applied per logical operation (`opId` in the POST body). */
  applied: Map<string, number>;
  /** Stored first responses per idempotency key, replayed for repeats. */
  idempotency: Map<string, { status: number; body: unknown }>;
  tokens: Map<string, number>;
  refreshTokens: Set<string>;
  refreshCalls: number;
  refreshDelayMs: number;
  failRefresh: boolean;
  /** Answer 401 TOKEN_EXPIRED to every bearer token, even freshly issued ones. */
  rejectTokens: boolean;
  tokenTtlMs: number;
  tokenCalls: number;
  codes: Map<string, { challenge: string; redirectUri: string }>;
  etagVersion: number;
  etag200: number;
  etag304: number;
  sseDropped: Set<string>;
  jobs: Map<string, number>;
  rateWindow: { limit: number; remaining: number; resetAt: number };
  webhookLog: string[];
}

type Res = ServerResponse | null;

function send(res: Res, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (!res) return;
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(text);
}

function apiError(res: Res, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const requestId = `srv-${randomUUID().slice(0, 8)}`;
  send(res, status, { error: { code, message, details: [] }, request_id: requestId }, { "x-request-id": requestId, ...headers });
}

export function issueTokens(state: ServerState, ttlMs = state.tokenTtlMs): { access_token: string; refresh_token: string; expires_in: number } {
  const access = `at-${randomUUID()}`;
  const refresh = `rt-${randomUUID()}`;
  state.tokens.set(access, Date.now() + ttlMs);
  state.refreshTokens.add(refresh);
  return { access_token: access, refresh_token: refresh, expires_in: Math.round(ttlMs / 1000) };
}

function items(n: number, from: number): Array<{ id: number; name: string }> {
  return Array.from({ length: Math.max(0, n) }, (_, i) => ({ id: from + i, name: `item-${from + i}` }));
}

export async function handleRoute(state: ServerState, req: IncomingMessage, url: URL, body: Buffer, res: Res): Promise<void> {
  const q = url.searchParams;
  const path = url.pathname;
  const method = req.method ?? "GET";

  // Also under /echo/<name>: a test that plans faults or counts requests on a path of its own is not
  // disturbed by a late request of an earlier test (one that timed out before the server read it).
  if (path === "/echo" || path.startsWith("/echo/") || path.startsWith("/soak/get")) {
    const delay = Number(q.get("delay") ?? 0);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    return send(res, 200, { method, path, query: Object.fromEntries(q), headers: req.headers, body: body.toString("utf8") });
  }

  // The generated client's getUser under a /soak base URL.
  if (path.startsWith("/soak/users/")) return send(res, 200, { data: { id: path.slice(12), name: "Ada", email: "ada@example.com" } });

  if (path === "/orders" || path === "/soak/orders") {
    const key = req.headers["idempotency-key"] as string | undefined;
    const op = (JSON.parse(body.toString() || "{}") as { opId?: string }).opId ?? randomUUID();
    if (key && state.idempotency.has(key)) {
      const stored = state.idempotency.get(key)!;
      return send(res, stored.status, stored.body, { "idempotent-replayed": "true" });
    }
    state.applied.set(op, (state.applied.get(op) ?? 0) + 1);
    const result = { id: `ord-${state.applied.size}`, opId: op };
    if (key) state.idempotency.set(key, { status: 201, body: result });
    return send(res, 201, result);
  }

  if (path === "/me" || path === "/protected") {
    const auth = req.headers.authorization ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : "";
    const exp = state.tokens.get(token);
    if (exp === undefined) return apiError(res, 401, "INVALID_TOKEN", "unknown token");
    if (exp <= Date.now() || state.rejectTokens) return apiError(res, 401, "TOKEN_EXPIRED", "access token expired");
    return send(res, 200, { user: "u1", token });
  }

  if (path === "/auth/refresh") {
    state.refreshCalls++;
    if (state.refreshDelayMs) await new Promise((r) => setTimeout(r, state.refreshDelayMs));
    const { refresh_token } = JSON.parse(body.toString() || "{}") as { refresh_token?: string };
    if (state.failRefresh || !refresh_token || !state.refreshTokens.has(refresh_token)) {
      return apiError(res, 401, "INVALID_REFRESH_TOKEN", "refresh token rejected");
    }
    state.refreshTokens.delete(refresh_token);
    return send(res, 200, issueTokens(state));
  }

  if (path === "/oauth/token") {
    state.tokenCalls++;
    const form = new URLSearchParams(body.toString());
    const basic = req.headers.authorization?.startsWith("Basic ")
      ? Buffer.from(req.headers.authorization.slice(6), "base64").toString().split(":").map((s) => decodeURIComponent(s.replace(/\+/g, " ")))
      : [form.get("client_id"), form.get("client_secret")];
    const grant = form.get("grant_type");
    if (grant === "client_credentials") {
      if (basic[0] !== "cid" || basic[1] !== "s3cret value") return send(res, 401, { error: "invalid_client" });
      return send(res, 200, { ...issueTokens(state, 3600_000), token_type: "Bearer", scope: form.get("scope") ?? "" });
    }
    if (grant === "authorization_code") {
      const entry = state.codes.get(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (!entry || entry.challenge !== challenge || entry.redirectUri !== form.get("redirect_uri")) {
        return send(res, 400, { error: "invalid_grant", error_description: "PKCE or code mismatch" });
      }
      state.codes.delete(form.get("code")!);
      return send(res, 200, { ...issueTokens(state), token_type: "Bearer" });
    }
    if (grant === "refresh_token") {
      const rt = form.get("refresh_token") ?? "";
      if (!state.refreshTokens.delete(rt)) return send(res, 400, { error: "invalid_grant" });
      return send(res, 200, { ...issueTokens(state), token_type: "Bearer" });
    }
    return send(res, 400, { error: "unsupported_grant_type" });
  }

  if (path === "/etag") {
    const etag = `"v${state.etagVersion}"`;
    if (req.headers["if-none-match"] === etag) {
      state.etag304++;
      res?.writeHead(304, { etag });
      res?.end();
      return;
    }
    state.etag200++;
    return send(res, 200, { version: state.etagVersion }, { etag });
  }

  if (path === "/items/page") {
    const total = Number(q.get("total") ?? 25);
    const limit = Number(q.get("limit") ?? 10);
    const page = Number(q.get("page") ?? 1);
    const pages = Math.ceil(total / limit);
    const start = (page - 1) * limit;
    const meta = q.get("meta") === "pages" ? { page, pages } : { page, limit, has_next: page < pages };
    return send(res, 200, { data: items(Math.min(limit, total - start), start + 1), meta });
  }

  if (path === "/items/cursor") {
    const total = Number(q.get("total") ?? 25);
    const limit = Number(q.get("limit") ?? 10);
    const start = Number(q.get("cursor") ?? 0);
    const end = Math.min(total, start + limit);
    const more = end < total;
    return send(res, 200, { data: items(end - start, start + 1), meta: { next_cursor: more ? String(end) : null, has_more: more } });
  }

  if (path === "/items/link") {
    const total = Number(q.get("total") ?? 25);
    const limit = Number(q.get("limit") ?? 10);
    const page = Number(q.get("page") ?? 1);
    const start = (page - 1) * limit;
    const links = [`</items/link?page=1&limit=${limit}&total=${total}>; rel="first"`];
    if (start + limit < total) links.push(`</items/link?page=${page + 1}&limit=${limit}&total=${total}>; rel="next"`);
    return send(res, 200, { data: items(Math.min(limit, total - start), start + 1) }, { link: links.join(", ") });
  }

  // Servers that never end a listing: a cursor cycle (A → B → A), a repeated cursor, a `Link`
  // cycle, `has_next: true` forever.
  if (path === "/items/cycle" || path === "/items/repeat") {
    const cursor = q.get("cursor") ?? "";
    const next = path === "/items/repeat" ? "X" : cursor === "A" ? "B" : "A";
    return send(res, 200, { data: items(1, cursor.charCodeAt(0) || 0), meta: { next_cursor: next, has_more: true } });
  }
  if (path === "/items/link-cycle") {
    const page = Number(q.get("page") ?? 1);
    return send(res, 200, { data: items(1, page) }, { link: `</items/link-cycle?page=${page === 1 ? 2 : 1}>; rel="next"` });
  }
  if (path === "/items/endless") {
    const page = Number(q.get("page") ?? 1);
    return send(res, 200, { data: items(2, page * 2), meta: { page, has_next: true } });
  }

  if (path === "/limited") {
    const w = state.rateWindow;
    const now = Date.now();
    if (now >= w.resetAt) Object.assign(w, { remaining: w.limit, resetAt: now + Number(q.get("window") ?? 200) });
    const headers = {
      "x-ratelimit-limit": String(w.limit),
      "x-ratelimit-remaining": String(Math.max(0, w.remaining - 1)),
      // Epoch seconds is the common dialect; `reset=ms` sends epoch ms so tests need not wait whole seconds.
      "x-ratelimit-reset": q.get("reset") === "ms" ? String(w.resetAt) : String(Math.ceil(w.resetAt / 1000)),
    };
    if (w.remaining <= 0) return apiError(res, 429, "RATE_LIMITED", "slow down", { ...headers, "retry-after-ms": String(w.resetAt - now) });
    w.remaining--;
    return send(res, 200, { ok: true }, headers);
  }

  if (path === "/sse") {
    const count = Number(q.get("count") ?? 5);
    const dropAfter = Number(q.get("dropAfter") ?? 0);
    const key = q.get("key") ?? "default";
    const last = Number(req.headers["last-event-id"] ?? 0);
    if (!res) return;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write(": hello\nretry: 5\n\n");
    for (let id = last + 1; id <= count; id++) {
      if (dropAfter && id > dropAfter && !state.sseDropped.has(key)) {
        state.sseDropped.add(key);
        // Half an event, then the connection dies: the client must discard the partial event.
        res.write(`id: ${id}\ndata: {"n":`);
        await new Promise((r) => setTimeout(r, 5));
        req.socket.destroy();
        return;
      }
      res.write(`id: ${id}\r\nevent: tick\r\ndata: {"n":${id}}\r\n\r\n`);
    }
    if (q.get("hold") === "1") {
      // Keep the stream open until the client goes away, to test that breaking out aborts.
      await new Promise((r) => req.socket.once("close", r));
      state.counts.set("/sse:closed", (state.counts.get("/sse:closed") ?? 0) + 1);
      return;
    }
    res.end();
    return;
  }

  if (path === "/upload") return send(res, 200, { bytes: body.length, contentType: req.headers["content-type"] });

  if (path === "/bulk") {
    const list = JSON.parse(body.toString() || "[]") as Array<{ name: string; fail?: boolean }>;
    if (list.length > 100) return apiError(res, 400, "TOO_MANY", "max 100 items per call");
    return send(res, 200, { results: list.map((it) => (it.fail ? { ok: false, error: "rejected" } : { ok: true, id: `id-${it.name}` })) });
  }

  const job = /^\/jobs\/(\w+)-(\d+)$/.exec(path);
  if (job) {
    const polls = (state.jobs.get(path) ?? 0) + 1;
    state.jobs.set(path, polls);
    const [, kind, n] = job;
    const finished = polls >= Number(n);
    const status = !finished || kind === "never" ? "running" : kind === "fail" ? "failed" : "completed";
    return send(res, 200, { id: path, status, polls });
  }

  const status = /^\/status\/(\d{3})$/.exec(path);
  if (status) return apiError(res, Number(status[1]), `HTTP_${status[1]}`, `status ${status[1]}`);

  return apiError(res, 404, "NOT_FOUND", `no route ${path}`);
}
