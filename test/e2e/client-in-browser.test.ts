/**
 * The generated client as a front-end developer ships it: `@specforge/client` and
 * `@specforge/runtime`, built, bundled by a bundler for the browser (esbuild, `platform: "browser"`,
 * the packages' `import` exports, no Node polyfills), loaded by a page in headless Chromium and
 * calling an API on another origin. The browser's own fetch, CORS and AbortSignal are the ones
 * under test here: the Node suites run the runtime on undici, whose timeouts, errors and request
 * building differ.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectErrors, findChromium, launchChromium, loopbackOnly, NO_CHROMIUM } from "../support/chromium.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(`client-in-browser.test: skipped — ${NO_CHROMIUM}`);

const USER = { id: "u1", email: "ada@example.com", name: "Ada Lovelace" };

/** What the API saw, per path: the headers of each attempt. */
const seen = new Map<string, Record<string, string | undefined>[]>();
/** Why the event stream's first connection was dropped: "seen" (the page had event 1) or "timer" (it never did). */
const streamDrops: string[] = [];
let releaseStream: (() => void) | undefined;

/**
 * The API, on its own origin. `allowOwnHeaders: false` is a third-party API whose CORS allowlist
 * names neither X-Request-Id nor X-Retry-Count (most of them).
 */
function apiHandler(pageOrigin: () => string, allowOwnHeaders: boolean) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const cors = {
      "access-control-allow-origin": pageOrigin(),
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
      "access-control-allow-headers": `content-type, authorization, idempotency-key, last-event-id${allowOwnHeaders ? ", x-request-id, x-retry-count" : ""}`,
      "access-control-expose-headers": "x-request-id, retry-after",
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors).end();
      return;
    }
    const path = (req.url ?? "").split("?")[0]!;
    const attempts = seen.get(path) ?? [];
    seen.set(path, attempts);
    attempts.push({ requestId: req.headers["x-request-id"] as string, retry: req.headers["x-retry-count"] as string, key: req.headers["idempotency-key"] as string });
    if (path === "/coaching/sessions/s1/chat/stream") {
      // One event, then the connection drops; the reconnect (with Last-Event-ID) gets the last one.
      res.writeHead(200, { ...cors, "content-type": "text/event-stream", "cache-control": "no-store" });
      if (req.headers["last-event-id"] !== "1") {
        res.write('id: 1\nevent: delta\ndata: {"event":"delta","text":"Hel"}\n\n');
        // Held open until the page reports event 1 (a client that buffered the body until its end
        // never could), then dropped; a fallback drop after 10 s ends a run that never reports it.
        const drop = (why: string): void => {
          clearTimeout(fallback);
          releaseStream = undefined;
          streamDrops.push(why);
          res.destroy();
        };
        const fallback = setTimeout(() => drop("timer"), 10_000);
        releaseStream = () => drop("seen");
        return;
      }
      return void res.end('id: 2\nevent: done\ndata: {"event":"done"}\n\n');
    }
    if (path === "/coaching/sessions/s1/chat/seen") {
      releaseStream?.();
      return void res.writeHead(204, cors).end();
    }
    const json = (status: number, body: unknown, extra: Record<string, string> = {}): void => {
      res.writeHead(status, { ...cors, "content-type": status >= 400 ? "application/problem+json" : "application/json", ...extra }).end(JSON.stringify(body));
    };
    let body = "";
    let bytes = 0;
    req.on("data", (c: Buffer) => ((bytes += c.length), path !== "/uploads" && (body += c)));
    req.on("end", () => {
      if (path === "/uploads") return json(201, { id: "up1", bytes });
      if (path === "/users/u1") return json(200, USER);
      if (path === "/users/missing") return json(404, { type: "about:blank", title: "Not Found", detail: "No user missing", status: 404 }, { "x-request-id": "srv-404" });
      if (path === "/users/flaky") return attempts.length === 1 ? json(503, { title: "Down" }, { "retry-after": "0" }) : json(200, USER);
      if (path === "/users/slow") return void setTimeout(() => json(200, USER), 3_000);
      if (path === "/users/cut") {
        // Headers and half the body, then the connection is gone: a body-phase failure in the browser.
        res.writeHead(200, { ...cors, "content-type": "application/json", "content-length": "200" });
        res.write(JSON.stringify(USER).slice(0, 20));
        return void setTimeout(() => res.destroy(), 20);
      }
      if (path === "/orders" && req.method === "POST") {
        // The first attempt is applied, then the connection is lost before the answer.
        if (attempts.length === 1) return void req.socket.destroy();
        return json(201, { id: "o1", echo: JSON.parse(body) });
      }
      json(404, { title: "no route" });
    });
  };
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

describe("the generated client bundled for the browser, in headless Chromium, against an API on another origin", () => {
  let browser: Browser | undefined;
  let bundle = "";
  let page: Awaited<ReturnType<typeof listen>>;
  let api: Awaited<ReturnType<typeof listen>>;
  let strictApi: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    // What a consumer's bundler does with the published packages (their dist/, by the `import` condition).
    const out = await build({
      stdin: { contents: 'export { createApi } from "@specforge/client"; export * from "@specforge/runtime";', resolveDir: fileURLToPath(new URL(".", import.meta.url)), loader: "js" },
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    bundle = out.outputFiles[0]!.text;
    // The page's origin also serves the API under /api, as a dev proxy or a BFF does: no CORS there.
    const sameOrigin = apiHandler(() => page.url, false);
    page = await listen((req, res) => {
      if (req.url?.startsWith("/api/")) return sameOrigin(Object.assign(req, { url: req.url.slice(4) }), res);
      if (req.url === "/client.js") res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
      // The page imports the bundle as an app would; tests read it from a global (the functions handed
      // to page.evaluate are transformed by vitest, which rewrites a dynamic import they would make).
      else res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><title>client</title><script type="module">import * as m from "/client.js"; globalThis.client = m;</script>');
    });
    api = await listen(apiHandler(() => page.url, true));
    strictApi = await listen(apiHandler(() => page.url, false));
    if (chromiumPath) browser = await launchChromium(chromiumPath);
  });
  /**
   * A fresh context on the app's page, once its module has loaded the bundle. `guard` routes every
   * request through a loopback-only check, which also lets requests past CORS: not for CORS checks.
   */
  async function openPage(b: Browser, guard = false) {
    const context = await b.newContext();
    const { offsite } = guard ? await loopbackOnly(context) : { offsite: [] };
    const errors = collectErrors(context);
    const tab = await context.newPage();
    await tab.goto(page.url);
    await tab.waitForFunction(() => "client" in globalThis);
    return { context, tab, offsite, errors };
  }

  afterAll(async () => {
    await browser?.close();
    await Promise.all([page?.close(), api?.close(), strictApi?.close()]);
  });

  it("bundles for the browser with no Node built-in and no Node global", () => {
    expect(bundle).not.toMatch(/\bfrom\s*"node:|require\("node:|\bprocess\.env\b|\bBuffer\./);
  });

  it("calls, retries, times out and fails with the typed errors, on the browser's own fetch", async (ctx) => {
    if (!browser) return ctx.skip(NO_CHROMIUM);
    seen.clear();
    const { context, tab, offsite, errors } = await openPage(browser, true);
    const result = await tab.evaluate(async (apiUrl) => {
      const m = (globalThis as unknown as { client: any }).client;
      // This API allows both headers the runtime can send: both on, to see them across retries.
      const api = m.createApi({ baseUrl: apiUrl, requestIdHeader: "X-Request-Id", retry: { backoff: { initialDelayMs: 10 }, retryCountHeader: "X-Retry-Count" } });
      const fail = async (p: Promise<unknown>) => {
        try {
          return { resolved: await p };
        } catch (e) {
          const err = e as Error & { status?: number; requestId?: string; kind?: string };
          return { name: err.name, typed: e instanceof m.ApiError, connection: e instanceof m.ConnectionError, status: err.status, requestId: err.requestId, kind: err.kind, message: err.message };
        }
      };
      return {
        user: await api.users.get({ params: { path: { id: "u1" } } }),
        missing: await fail(api.users.get({ params: { path: { id: "missing" } } })),
        notFoundClass: await api.users.get({ params: { path: { id: "missing" } } }).catch((e: unknown) => e instanceof m.NotFoundError),
        flaky: await api.users.get({ params: { path: { id: "flaky" } } }),
        slow: await fail(api.users.get({ params: { path: { id: "slow" } } }, { timeoutMs: 300, retries: 0 })),
        cut: await fail(api.users.get({ params: { path: { id: "cut" } } }, { retries: 0 })),
        order: await api.orders.create({ body: { items: [{ productId: "p1", quantity: 1 }] } }),
        aborted: await fail(api.users.get({ params: { path: { id: "slow" } } }, { signal: AbortSignal.timeout(100) })),
      };
    }, api.url);

    expect(result.user).toEqual(USER);
    // The problem details' message, the server's request id, the class, across the bundle boundary.
    expect(result.missing).toMatchObject({ name: "NotFoundError", typed: true, status: 404, requestId: "srv-404", message: "404 No user missing" });
    expect(result.notFoundClass).toBe(true);
    // 503 then 200: retried once, with the same request id and the retry counter on the retry only.
    expect(result.flaky).toEqual(USER);
    const flaky = seen.get("/users/flaky")!;
    expect(flaky).toHaveLength(2);
    expect(flaky[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(flaky[1]!.requestId).toBe(flaky[0]!.requestId);
    expect([flaky[0]!.retry, flaky[1]!.retry]).toEqual([undefined, "1"]);
    // The browser has no undici timers: the attempt timeout is a signal, and it is typed.
    expect(result.slow).toMatchObject({ name: "TimeoutError", typed: true, connection: true, kind: "attempt" });
    // A body cut short in the browser is a ConnectionError, not a raw TypeError.
    expect(result.cut).toMatchObject({ name: "ConnectionError", typed: true, connection: true });
    // Applied, connection lost, retried with the same Idempotency-Key (the spec declares it).
    expect(result.order).toMatchObject({ id: "o1" });
    const orders = seen.get("/orders")!;
    expect(orders).toHaveLength(2);
    expect(orders[0]!.key).toMatch(/\S{16,}/);
    expect(orders[1]!.key).toBe(orders[0]!.key);
    expect(result.aborted).toMatchObject({ name: "AbortError", typed: true, connection: false });

    expect(offsite).toEqual([]);
    // The only console errors are the browser's own reports of the failures provoked above.
    expect(errors.filter((e) => !/\/users\/(missing|flaky|slow|cut)|\/orders|ERR_(EMPTY_RESPONSE|CONNECTION|CONTENT_LENGTH|INCOMPLETE)|status of (404|503)/.test(e))).toEqual([]);
    await context.close();
  });

  it("takes a relative baseUrl relative to the page, as fetch does (a dev proxy, a BFF on the same origin)", async (ctx) => {
    if (!browser) return ctx.skip(NO_CHROMIUM);
    seen.clear();
    const { context, tab, errors } = await openPage(browser);
    const result = await tab.evaluate(async () => {
      const m = (globalThis as unknown as { client: any }).client;
      const api = m.createApi({ baseUrl: "/api" });
      return {
        user: await api.users.get({ params: { path: { id: "u1" } } }),
        missing: await api.users.get({ params: { path: { id: "missing" } } }).catch((e: Error) => ({ name: e.name, message: e.message })),
      };
    });
    expect(result.user).toEqual(USER);
    expect(result.missing).toEqual({ name: "NotFoundError", message: "404 No user missing" });
    expect(seen.get("/users/u1")).toHaveLength(1);
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await context.close();
  });

  it("streams server-sent events as they arrive, and resumes a dropped stream with Last-Event-ID", async (ctx) => {
    if (!browser) return ctx.skip(NO_CHROMIUM);
    seen.clear();
    streamDrops.length = 0;
    const { context, tab } = await openPage(browser);
    const result = await tab.evaluate(async (apiUrl) => {
      const m = (globalThis as unknown as { client: any }).client;
      const api = m.createApi({ baseUrl: apiUrl });
      const started = performance.now();
      const events: { id?: string; event?: string; data: unknown; at: number }[] = [];
      for await (const e of api.coaching.streamChat({ params: { path: { id: "s1" } } }, { reconnect: { delayMs: 50 } })) {
        events.push({ id: e.id, event: e.event, data: e.data, at: Math.round(performance.now() - started) });
        // Tell the API event 1 is here: only then does it drop the connection.
        if (e.id === "1") await fetch(`${apiUrl}/coaching/sessions/s1/chat/seen`);
      }
      return events;
    }, api.url);
    expect(result.map((e) => [e.id, e.event, e.data])).toEqual([
      ["1", "delta", { event: "delta", text: "Hel" }],
      ["2", "done", { event: "done" }],
    ]);
    // The first event came while the connection was still open, not when the body ended: the API
    // dropped it because the page had the event, not on its 10 s fallback.
    expect(streamDrops).toEqual(["seen"]);
    expect(result[0]!.at).toBeLessThan(5_000);
    expect(seen.get("/coaching/sessions/s1/chat/stream")).toHaveLength(2);
    await context.close();
  });

  // Chromium sends a streamed request body only over HTTP/2, and this API (like every plain http://
  // one) speaks HTTP/1.1: with progress tracked on a stream, every upload failed ("Failed to fetch").
  it("uploads a file with onUploadProgress to an HTTP/1.1 API: the whole body arrives, progress ends at its size", async (ctx) => {
    if (!browser) return ctx.skip(NO_CHROMIUM);
    seen.clear();
    const { context, tab } = await openPage(browser);
    const size = 3 << 20;
    const result = await tab.evaluate(
      async ({ apiUrl, size }) => {
        const m = (globalThis as unknown as { client: any }).client;
        const form = new FormData();
        form.append("file", new Blob([new Uint8Array(size)], { type: "application/octet-stream" }), "a.bin");
        const ticks: { loaded: number; total: number }[] = [];
        const created = await m
          .createApi({ baseUrl: apiUrl })
          .uploads.create({ body: form }, { onUploadProgress: (p: { loaded: number; total: number }) => ticks.push(p) })
          .catch((e: Error) => ({ failed: String(e) }));
        return { created, ticks };
      },
      { apiUrl: api.url, size },
    );
    expect(result.created).toMatchObject({ id: "up1" });
    const received = (result.created as { bytes: number }).bytes;
    // The multipart encoding of the file: its bytes plus the part headers and boundaries.
    expect(received).toBeGreaterThan(size);
    expect(result.ticks.length).toBeGreaterThan(0);
    expect(result.ticks.at(-1)).toEqual({ loaded: received, total: received });
    for (let i = 1; i < result.ticks.length; i++) expect(result.ticks[i]!.loaded).toBeGreaterThanOrEqual(result.ticks[i - 1]!.loaded);
    await context.close();
  });

  it("against an API whose CORS allowlist names neither X-Request-Id nor X-Retry-Count: the defaults work, retries included; opting into the request-id header is a typed ConnectionError", async (ctx) => {
    if (!browser) return ctx.skip(NO_CHROMIUM);
    seen.clear();
    const { context, tab } = await openPage(browser);
    const result = await tab.evaluate(async (apiUrl) => {
      const m = (globalThis as unknown as { client: any }).client;
      const api = m.createApi({ baseUrl: apiUrl, retry: { backoff: { initialDelayMs: 10 } } });
      const plain = await api.users.get({ params: { path: { id: "u1" } } });
      const flaky = await api.users.get({ params: { path: { id: "flaky" } } });
      const blocked = await m
        .createApi({ baseUrl: apiUrl, requestIdHeader: "X-Request-Id", retry: { maxRetries: 0 } })
        .users.get({ params: { path: { id: "u1" } } })
        .then(
          () => "resolved",
          (e: unknown) => (e instanceof m.ConnectionError ? "ConnectionError" : String(e)),
        );
      return { plain, flaky, blocked };
    }, strictApi.url);
    expect(result.plain).toEqual(USER);
    // 503 then 200: the retry went through too (a retry counter would have been blocked at its preflight).
    expect(result.flaky).toEqual(USER);
    expect(seen.get("/users/flaky")).toEqual([
      { requestId: undefined, retry: undefined, key: undefined },
      { requestId: undefined, retry: undefined, key: undefined },
    ]);
    expect(result.blocked).toBe("ConnectionError");
    // The blocked call never reached the handler (its preflight failed): only the plain one did.
    expect(seen.get("/users/u1")).toEqual([{ requestId: undefined, retry: undefined, key: undefined }]);
    await context.close();
  });
});
