import { spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { componentFixtures } from "@specforge/mocks";
import { afterAll, describe, expect, inject, it } from "vitest";
import { API_KEY, startBff } from "./helpers.js";

/** Debian's system Chromium ($CHROMIUM_PATH or /usr/bin/chromium); never a browser download. */
const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((file) => {
  try {
    return file !== undefined && (accessSync(file, constants.X_OK), true);
  } catch {
    return false;
  }
});
if (!chromium) console.warn("browser.test: skipped — Chromium is not installed (apt-get install -y chromium)");

/** Serves one HTML page whose script (read per request) writes its result into <pre id="out">. */
async function pageServer(script: () => string): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><html><body><pre id="out">pending</pre><script>
      const out = (v) => (document.getElementById("out").textContent = JSON.stringify(v));
      (async () => { ${script()} })().then(out, (e) => out({ thrown: String(e) }));
    </script></body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Loads a page in headless Chromium and returns the JSON its script wrote once the network settled. */
function runPage(url: string): Promise<any> {
  const profile = mkdtempSync(join(tmpdir(), "bff-chromium-"));
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", `--user-data-dir=${profile}`, "--virtual-time-budget=30000", "--dump-dom", url];
  return new Promise((resolve, reject) => {
    const child = spawn(chromium!, args, { stdio: ["ignore", "pipe", "pipe"] });
    let dom = "";
    child.stdout.on("data", (d) => (dom += String(d)));
    child.on("error", reject);
    child.on("exit", () => {
      rmSync(profile, { recursive: true, force: true });
      const text = /<pre id="out">([\s\S]*?)<\/pre>/.exec(dom)?.[1];
      if (!text || text === "pending") return reject(new Error(`page did not finish:\n${dom.slice(0, 500)}`));
      resolve(JSON.parse(text.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">")));
    });
  });
}

describe.runIf(chromium)("a real browser (headless Chromium) calling the BFF cross-origin", () => {
  it("allowed origin: preflighted GET and POST succeed, exposed headers and error envelopes are readable; other origins are blocked", async () => {
    const body = JSON.stringify(componentFixtures.UserCreate);
    const script = (api: string) => `
      const h = { "X-Client-ID": "web-app" };
      const list = await fetch("${api}/users?page=1&limit=2", { headers: h });
      const created = await fetch("${api}/users", { method: "POST", headers: { ...h, "Content-Type": "application/json" }, body: ${JSON.stringify(body)} });
      const invalid = await fetch("${api}/users", { method: "POST", headers: { ...h, "Content-Type": "application/json" }, body: "{}" });
      return {
        list: { status: list.status, count: (await list.json()).data.length, requestId: list.headers.get("X-Request-Id"), remaining: list.headers.get("X-RateLimit-Remaining") },
        created: { status: created.status },
        invalid: { status: invalid.status, body: await invalid.json() },
      };`;
    // Two pages running the same calls; only their origins differ (ports), and only one is allowed.
    let api = "";
    const allowedPage = await pageServer(() => script(api));
    const otherPage = await pageServer(() => script(api));
    const bff = await startBff({
      upstream: { url: inject("prismUrl"), auth: { apiKey: API_KEY } },
      operations: ["listUsers", "createUser"],
      cors: { origins: [allowedPage] },
    });
    api = bff.api;

    const [allowed, other] = await Promise.all([runPage(allowedPage), runPage(otherPage)]);
    expect(allowed.list).toMatchObject({ status: 200, count: 2, remaining: expect.stringMatching(/^\d+$/) });
    expect(allowed.list.requestId).toMatch(/^[0-9a-f-]{36}$|^req_/);
    expect(allowed.created).toEqual({ status: 201 });
    expect(allowed.invalid.status).toBe(422);
    expect(allowed.invalid.body.error.code).toBe("VALIDATION_ERROR");
    expect(other).toEqual({ thrown: "TypeError: Failed to fetch" });

    // The browser asked before each non-simple request; the blocked origin never got past its preflight.
    const lines = bff.logs.map((l) => JSON.parse(l) as { method: string; status: number; origin?: string });
    expect(lines.filter((l) => l.method === "OPTIONS" && l.status === 204).length).toBeGreaterThanOrEqual(2);
    const blocked = lines.filter((l) => l.origin === otherPage);
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((l) => l.method === "OPTIONS" && l.status === 403)).toBe(true);
  }, 90_000);
});
