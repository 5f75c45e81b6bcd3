/**
 * Refresh storm: 100 concurrent calls find the access token expired → exactly one refresh call.
 * Two variants: expiry known to the client (proactive refresh) and expiry only the server knows
 * (every call gets 401 TOKEN_EXPIRED → reactive refresh). Loopback only.
 *
 *   npx tsx bench/runtime/refresh-storm.ts [concurrency=100]
 */
import { createRuntime, readErrorResponse, TokenManager, type OAuthTokenResponse } from "../../packages/runtime/src/index.js";
import { issueTokens } from "../../packages/runtime/test/fault-routes.js";
import { FaultServer } from "../../packages/runtime/test/fault-server.js";

const N = Number(process.argv[2] ?? 100);
const server = await new FaultServer().start();
// A slow refresh endpoint widens the window in which a second refresh could sneak in.
server.state.refreshDelayMs = 50;

async function refresh(refreshToken: string): Promise<OAuthTokenResponse> {
  const r = await fetch(`${server.url}/auth/refresh`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refresh_token: refreshToken }),
  });
  if (!r.ok) throw await readErrorResponse(r);
  return (await r.json()) as OAuthTokenResponse;
}

async function storm(label: string, expire: (tm: TokenManager, accessToken: string) => void): Promise<boolean> {
  server.state.refreshCalls = 0;
  const login = issueTokens(server.state);
  const tm = new TokenManager({ refresh, tokens: login });
  const runtime = createRuntime({ baseUrl: server.url, auth: { bearer: tm } });
  expire(tm, login.access_token);
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: N }, () => runtime.fetch("/me").then((r) => r.status)));
  const ms = performance.now() - started;
  const ok = results.filter((s) => s === 200).length;
  console.log(`${label.padEnd(44)} ${N} calls → ${ok} × 200, refresh calls: ${server.state.refreshCalls}  (${ms.toFixed(0)} ms)`);
  return ok === N && server.state.refreshCalls === 1;
}

const a = await storm("expired client-side (proactive refresh):", (tm) => {
  const t = tm.tokens!;
  tm.setTokens({ ...t, expiresAt: Date.now() - 1 });
});
const b = await storm("expired server-side (401 → reactive refresh):", (_tm, token) => {
  server.state.tokens.set(token, 0);
});
await server.close();
console.log(a && b ? "PASS: exactly 1 refresh per storm" : "FAIL");
if (!(a && b)) process.exitCode = 1;
