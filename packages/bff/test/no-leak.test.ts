import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { componentFixtures } from "@specforge/mocks";
import { afterAll, describe, expect, it } from "vitest";
import { REDACTED, SecretSet } from "../src/index.js";
import { ALLOWED_ORIGIN, API_KEY, browser, startBff, USER_ID, type RunningBff } from "./helpers.js";

/**
 * The worst API to sit in front of: it reflects every credential it receives, in its body, its
 * headers and its error messages, on success and on failure, and runs an OAuth token endpoint.
 */
const seen = { apiKeys: new Set<string>(), tokens: new Set<string>(), issued: new Set<string>() };
const mirror = createServer((req: IncomingMessage, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/oauth/token") {
      const token = `at_${randomUUID().replace(/-/g, "")}`;
      seen.issued.add(token);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: 3600 }));
      return;
    }
    const key = String(req.headers["x-api-key"] ?? "");
    const auth = String(req.headers["authorization"] ?? "");
    if (key) seen.apiKeys.add(key);
    if (auth) seen.tokens.add(auth.replace(/^Bearer /, ""));
    const reflected = `${key}${auth}`;
    const status = Number(url.searchParams.get("status") ?? 200);
    const headers = { "content-type": "application/json", "x-echo": reflected, "x-request-id": `req_${reflected}`, location: `/v1/users?api_key=${key}`, link: `<https://x/?token=${auth}>; rel="next"` };
    res.writeHead(status, headers);
    if (status >= 400) res.end(JSON.stringify({ error: { code: "BAD_REQUEST", message: `Invalid credential ${reflected}`, details: [{ field: reflected, message: reflected }] }, request_id: reflected }));
    else res.end(JSON.stringify({ data: { id: USER_ID, note: `you sent ${reflected}`, headers: req.headers, body: Buffer.concat(chunks).toString() } }));
  });
});
await new Promise<void>((r) => mirror.listen(0, "127.0.0.1", r));
afterAll(() => new Promise<void>((r) => mirror.close(() => r())));
const mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;

const OAUTH_SECRET = "oauth-client-secret-7f6e";
const WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

async function exercise(bff: RunningBff, userPath: string): Promise<void> {
  const h = browser();
  await bff.call(`/api${userPath}`, { headers: h });
  await bff.call(`/api${userPath}?status=404`, { headers: h });
  await bff.call(`/api${userPath}?status=409`, { headers: h });
  await bff.call(`/api${userPath}?status=500`, { headers: h });
  await bff.call(`/api${userPath}?status=401`, { headers: h });
  await bff.call("/api/users", { method: "POST", headers: { ...h, "content-type": "application/json" }, body: JSON.stringify(componentFixtures.UserCreate) });
  await bff.call("/api/users", { method: "POST", headers: { ...h, "content-type": "application/json" }, body: "{" });
  await bff.call("/api/users/not-a-uuid", { headers: h });
  await bff.call("/api/users", { method: "OPTIONS", headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "POST" } });
  await bff.call("/api/users", { headers: { ...h, origin: "https://evil.example" } });
  await bff.call("/api/users", { headers: { origin: ALLOWED_ORIGIN } });
  await bff.call("/api/nowhere", { headers: h });
  await bff.call("/webhooks", { method: "POST", headers: { "webhook-id": "m", "webhook-timestamp": "1", "webhook-signature": "v1,AAAA" }, body: "{}" });
  for (let i = 0; i < 4; i++) await bff.call(`/api${userPath}`, { headers: h });
}

function expectNoLeak(bff: RunningBff, secrets: string[]): void {
  const everything = [...bff.transcript, ...bff.logs];
  expect(bff.transcript.length).toBeGreaterThan(15);
  expect(bff.logs.length).toBeGreaterThan(15);
  for (const secret of secrets) {
    const hits = everything.filter((line) => line.includes(secret));
    expect(hits, `"${secret.slice(0, 6)}…" leaked in:\n${hits.join("\n---\n").slice(0, 2000)}`).toEqual([]);
  }
  // Not vacuous: the API did reflect the credentials, and the proxy scrubbed them.
  expect(bff.transcript.some((t) => t.includes(REDACTED))).toBe(true);
}

describe("the secret never leaves the server", () => {
  it("API key: no response (status, headers, body) and no log line carries it, whatever the API echoes", async () => {
    const bff = await startBff({
      upstream: { url: mirrorUrl, auth: { apiKey: API_KEY }, retry: { maxRetries: 1, initialDelayMs: 1 } },
      operations: ["getUser", "createUser"],
      cors: { origins: [ALLOWED_ORIGIN] },
      rateLimit: { limit: 11, windowMs: 60_000 },
      webhook: { secret: WEBHOOK_SECRET, onEvent: () => undefined },
    });
    await exercise(bff, `/users/${USER_ID}`);
    expect(seen.apiKeys).toEqual(new Set([API_KEY]));
    expect(bff.transcript.some((t) => t.startsWith("429"))).toBe(true);
    expectNoLeak(bff, [API_KEY, WEBHOOK_SECRET]);
  });

  it("OAuth: neither the client secret nor any access token obtained at run time", async () => {
    const bff = await startBff({
      upstream: { url: mirrorUrl, auth: { oauth: { clientId: "bff", clientSecret: OAUTH_SECRET } }, retry: false },
      operations: ["getCurrentUser", "createUser"],
      cors: { origins: [ALLOWED_ORIGIN] },
      rateLimit: false,
    });
    await exercise(bff, "/users/me");
    expect(seen.tokens.size).toBeGreaterThan(0);
    for (const t of seen.tokens) expect(seen.issued.has(t)).toBe(true);
    expectNoLeak(bff, [OAUTH_SECRET, ...seen.tokens]);
  });
});

describe("SecretSet: the encodings an API echoes a secret in", () => {
  // A key with the characters that encodings change (base64-made keys carry + / =).
  const key = "sk_live+a/b=c d!";
  const set = new SecretSet([key]);
  it.each([
    ["as written", key],
    ["percent-encoded (a request URL in an error message, a Location)", encodeURIComponent(key)],
    ["form-encoded (a query string)", new URLSearchParams({ k: key }).toString().slice(2)],
    ["base64", Buffer.from(key).toString("base64")],
    ["base64 without padding", Buffer.from(key).toString("base64").replace(/=+$/, "")],
    ["base64url", Buffer.from(key).toString("base64url")],
  ])("%s", async (_what, echoed) => {
    const text = `GET /v1/users?api_key=${echoed} not found`;
    expect(set.redact(text)).toBe(`GET /v1/users?api_key=${REDACTED} not found`);
    expect(new TextDecoder().decode(set.bytes(new TextEncoder().encode(text)))).toBe(`GET /v1/users?api_key=${REDACTED} not found`);
    const streamed = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(text.slice(0, 28)));
        c.enqueue(new TextEncoder().encode(text.slice(28)));
        c.close();
      },
    });
    expect(await new Response(set.stream(streamed)).text()).toBe(`GET /v1/users?api_key=${REDACTED} not found`);
  });
});

describe("SecretSet: a secret JSON-escaped by an API's encoder", () => {
  // PHP's json_encode writes "/" as "\/" and non-ASCII as lower-case \uXXXX (with JSON_HEX_* flags
  // <>&'" as upper-case \u003C…); Python's ensure_ascii lower-case \u00e9; Go <>& and Gson <>&=' as
  // lower-case \u003c…; .NET's default encoder +<>&'" and non-ASCII as upper-case \u002B….
  const php = (s: string, flags = false) => {
    let out = JSON.stringify(s).slice(1, -1).replace(/\//g, "\\/").replace(/[^\x00-\x7f]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
    if (flags) out = out.replace(/[<>&']/g, (c) => "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")).replace(/\\"/g, "\\u0022");
    return out;
  };
  const hex = (chars: RegExp, upper: boolean) => (s: string) => JSON.stringify(s).slice(1, -1).replace(chars, (c) => "\\u" + (upper ? c.charCodeAt(0).toString(16).toUpperCase() : c.charCodeAt(0).toString(16)).padStart(4, "0"));
  const secrets = ["sk_live/AbC+dEf/123456", "pässwörd/<ab&cd>'é😀\"x\\y"];
  it.each([
    ["JSON.stringify", (s: string) => JSON.stringify(s).slice(1, -1)],
    ["PHP json_encode", (s: string) => php(s)],
    ["PHP json_encode, JSON_HEX_TAG|AMP|APOS|QUOT", (s: string) => php(s, true)],
    ["Python json.dumps", hex(/[^\x00-\x7f]/g, false)],
    ["Go encoding/json", hex(/[<>&]/g, false)],
    ["Gson", hex(/[<>&=']/g, false)],
    [".NET System.Text.Json", hex(/[^\x00-\x7f]|[+<>&'`]/g, true)],
  ])("%s", async (_what, encode) => {
    const set = new SecretSet(secrets);
    for (const secret of secrets) {
      const text = `{"your_key":"${encode(secret)}"}`;
      expect(JSON.parse(text).your_key).toBe(secret);
      expect(set.redact(text), text).toBe(`{"your_key":"${REDACTED}"}`);
      expect(new TextDecoder().decode(set.bytes(new TextEncoder().encode(text))), text).toBe(`{"your_key":"${REDACTED}"}`);
    }
  });

  it("through the proxy: a key with \"/\" echoed as \"\\/\" never reaches the browser", async () => {
    const KEY = "sk_live/AbC+dEf/123456";
    const echo = createServer((req, res) => {
      const body = JSON.stringify({ data: { id: USER_ID, your_key: req.headers["x-api-key"] } }).replace(/\//g, "\\/");
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    });
    await new Promise<void>((r) => echo.listen(0, "127.0.0.1", r));
    try {
      const bff = await startBff({ upstream: { url: `http://127.0.0.1:${(echo.address() as AddressInfo).port}`, auth: { apiKey: KEY }, retry: false, circuitBreaker: false }, operations: ["getUser"], rateLimit: false, clients: { required: false } });
      const r = await bff.call(`/api/users/${USER_ID}`);
      expect(r.status).toBe(200);
      expect(r.json.data.your_key).toBe(REDACTED);
    } finally {
      echo.closeAllConnections();
      echo.close();
    }
  });
});

describe("SecretSet.stream", () => {
  const secret = "sk_live_SPLITSECRET";
  async function run(chunks: string[]): Promise<string> {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const ch of chunks) c.enqueue(new TextEncoder().encode(ch));
        c.close();
      },
    });
    return new Response(new SecretSet([secret]).stream(body)).text();
  }

  it.each([
    { given: [`a ${secret} b`], want: `a ${REDACTED} b` },
    { given: ["a sk_live_SP", "LITSECRET b"], want: `a ${REDACTED} b` },
    { given: ["a s", "k", "_live_SPLITSECRE", "T b ", secret], want: `a ${REDACTED} b ${REDACTED}` },
    { given: ["ends with sk_live_SP"], want: "ends with sk_live_SP" },
    { given: ["sk_live_SPLIT", "OTHER"], want: "sk_live_SPLITOTHER" },
  ])("$given → $want", async ({ given, want }) => {
    expect(await run(given)).toBe(want);
  });

  it("does not hold back a chunk that cannot start a secret (event streams flow in real time)", async () => {
    let source!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (source = c) });
    const reader = new SecretSet([secret]).stream(body).getReader();
    source.enqueue(new TextEncoder().encode('data: {"delta":"hi"}\n\n'));
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('data: {"delta":"hi"}\n\n');
    source.close();
    expect((await reader.read()).done).toBe(true);
  });
});
