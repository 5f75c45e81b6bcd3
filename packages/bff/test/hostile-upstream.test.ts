import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { API_KEY, startBff, USER_ID } from "./helpers.js";

// An API that misbehaves the ways real ones (and hostile ones) do: echoes the proxy's key into a
// header, answers per browser, stalls or floods a body. Each test sets what it answers.
let answer: (req: IncomingMessage, res: ServerResponse) => void = (_q, res) => res.end();
const seen: IncomingMessage[] = [];
const api = createServer((req, res) => {
  seen.push(req);
  answer(req, res);
});
await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
afterAll(() => {
  api.closeAllConnections();
  api.close();
});
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
const user = (name: string) => ({ data: { id: USER_ID, email: "a@example.com", name } });
const path = `/api/users/${USER_ID}`;
const base = { auth: { apiKey: API_KEY }, retry: false as const, circuitBreaker: false };

describe("the proxy's key never reaches the browser", () => {
  it("not through a Retry-After the API echoes it into; a well-formed one passes", async () => {
    const bff = await startBff({ upstream: { url: apiUrl, ...base }, operations: ["getUser"], rateLimit: false, clients: { required: false } });
    answer = (req, res) => json(res, 503, { error: { code: "SERVICE_UNAVAILABLE", message: "down" } }, { "retry-after": String(req.headers["x-api-key"]) });
    const leaked = await bff.call(path);
    expect(leaked.status).toBe(503);
    expect(JSON.stringify(leaked)).not.toContain(API_KEY);
    expect(leaked.headers["retry-after"]).toBeUndefined();
    answer = (_q, res) => json(res, 503, { error: { code: "SERVICE_UNAVAILABLE", message: "down" } }, { "retry-after": "7" });
    expect((await bff.call(path)).headers["retry-after"]).toBe("7");
  });
});

describe("the shared GET cache keeps one browser's answer from another", () => {
  const cached = () => startBff({ upstream: { url: apiUrl, ...base, cache: { ttlMs: 60_000 } }, operations: ["getUser"], rateLimit: false, clients: { required: false }, forwardHeaders: ["authorization"] });

  it("does not store an answer that varies (Vary: Accept-Language), is private, or sets a cookie", async () => {
    const bff = await cached();
    for (const headers of [{ vary: "Accept-Language" }, { "cache-control": "private, max-age=60" }, { "set-cookie": "session=abc" }] as Record<string, string>[]) {
      seen.length = 0;
      answer = (req, res) => json(res, 200, user(String(req.headers["accept-language"])), headers);
      const de = await bff.call(path, { headers: { "accept-language": "de" } });
      const en = await bff.call(path, { headers: { "accept-language": "en" } });
      expect(de.json.data.name).toBe("de");
      expect(en.json.data.name, JSON.stringify(headers)).toBe("en");
      expect(en.headers["x-cache"]).toBeUndefined();
      expect(seen).toHaveLength(2);
    }
    // Vary: Accept-Encoding alone is no variant here (fetch decodes): stored.
    seen.length = 0;
    answer = (_q, res) => json(res, 200, user("shared"), { vary: "Accept-Encoding" });
    await bff.call(path);
    expect((await bff.call(path)).headers["x-cache"]).toBe("HIT");
    expect(seen).toHaveLength(1);
  });

  it("never shares an answer to a browser's own credentials (forwardHeaders: [\"authorization\"])", async () => {
    const bff = await cached();
    seen.length = 0;
    answer = (req, res) => json(res, 200, user(`private data of ${req.headers.authorization}`));
    const alice = await bff.call(path, { headers: { authorization: "Bearer alice" } });
    const bob = await bff.call(path, { headers: { authorization: "Bearer bob" } });
    expect(alice.json.data.name).toBe("private data of Bearer alice");
    expect(bob.json.data.name).toBe("private data of Bearer bob");
    expect(seen).toHaveLength(2);
  });
});

describe("an API body that stalls, trickles or floods", () => {
  it("ends at the total timeout with a 504, for a success and for an error body", async () => {
    const bff = await startBff({ upstream: { url: apiUrl, ...base, timeoutMs: 200, totalTimeoutMs: 800 }, operations: ["getUser"], rateLimit: false, clients: { required: false } });
    for (const status of [200, 500]) {
      // Headers at once, then a byte every 100 ms of a body that would take 30 s.
      answer = (_q, res) => {
        res.writeHead(status, { "content-type": "application/json", "content-length": "300" });
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 100);
        res.on("close", () => clearInterval(timer));
      };
      const started = Date.now();
      const r = await bff.call(path);
      expect(r.status, `upstream ${status}`).toBe(504);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it("ends a JSON body without Content-Length (chunked) at the total timeout too", async () => {
    const bff = await startBff({ upstream: { url: apiUrl, ...base, timeoutMs: 200, totalTimeoutMs: 800 }, operations: ["getUser"], rateLimit: false, clients: { required: false } });
    answer = (_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 100);
      res.on("close", () => clearInterval(timer));
    };
    const started = Date.now();
    const r = await bff.call(path, { signal: AbortSignal.timeout(6_000) });
    expect(r.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(5_000);
    // A small chunked answer is read whole (and gets a Content-Length).
    answer = (_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":{"id":"1",');
      setTimeout(() => res.end('"name":"a"}}'), 50);
    };
    const ok = await bff.call(path);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ data: { id: "1", name: "a" } });
    expect(ok.headers["content-length"]).toBe(String(ok.text.length));
  });

  it("reads no more of a huge error body than an envelope needs", async () => {
    const bff = await startBff({ upstream: { url: apiUrl, ...base }, operations: ["getUser"], rateLimit: false, clients: { required: false } });
    let sent = 0;
    answer = (_q, res) => {
      res.writeHead(502, { "content-type": "text/html", "content-length": String(200 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, "x");
      const pump = (): void => {
        while (!res.destroyed && sent < 200 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
      };
      pump();
    };
    const r = await bff.call(path);
    expect(r.status).toBe(502);
    expect(r.text.length).toBeLessThan(1_000);
    // The proxy let go of the body: far less than the 200 MiB went out.
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });

  it("streams a compressed body whose Content-Length is small but whose content is not", async () => {
    const bff = await startBff({ upstream: { url: apiUrl, ...base }, operations: ["getUser"], rateLimit: false, clients: { required: false } });
    const big = JSON.stringify({ data: { id: USER_ID, name: "x".repeat(4 * 1024 * 1024) } });
    const zipped = gzipSync(big);
    expect(zipped.length).toBeLessThan(1024 * 1024);
    answer = (_q, res) => res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(zipped.length) }).end(zipped);
    const r = await bff.call(path);
    expect(r.status).toBe(200);
    expect(r.text.length).toBe(big.length);
    expect(r.headers["content-length"]).toBeUndefined();
  });
});

describe("a browser that trickles its request", () => {
  it("gets 408 at requestTimeoutMs, not Node's 300 s; headers named in Connection are not forwarded", async () => {
    const bff = await startBff({ upstream: { url: apiUrl, ...base }, operations: ["getUser", "createUser"], rateLimit: false, clients: { required: false }, server: { requestTimeoutMs: 1_000, headersTimeoutMs: 1_000 } });
    const port = Number(new URL(bff.url).port);
    const started = Date.now();
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.write("POST /api/users HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"));
      let got = "";
      socket.on("data", (d) => (got += d));
      // The server may reset the socket while the trickle still writes: "close" follows either way.
      socket.on("error", () => {});
      socket.on("close", () => resolve(got));
      const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(" ")), 200);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(6_000);

    seen.length = 0;
    answer = (_q, res) => json(res, 200, user("a"));
    // fetch will not send a Connection header: a raw request.
    const ok = await new Promise<string>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.write(`GET ${path} HTTP/1.1\r\nhost: x\r\nconnection: close, accept-language\r\naccept-language: de\r\n\r\n`));
      let got = "";
      socket.on("data", (d) => (got += d));
      socket.on("error", () => {});
      socket.on("close", () => resolve(got));
    });
    expect(ok).toMatch(/^HTTP\/1\.1 200/);
    expect(seen[0]!.headers["accept-language"]).not.toBe("de");
  });
});

describe("an API body cut off part way", () => {
  // Headers and the first bytes of a body, then a TCP reset: what a crashing API or a dropped
  // connection looks like from the proxy. The reset waits for the browser to have its answer's
  // headers (the proxy is streaming by then): a reset right after the write could drop bytes still
  // in the kernel's buffers on a loaded machine, and the proxy would never have reached 1 MiB.
  let cut: () => void = () => {};
  const cutLater = (res: ServerResponse, status: number, headers: Record<string, string>, first: Buffer | string): void => {
    res.writeHead(status, headers);
    res.write(first);
    cut = () => res.socket?.resetAndDestroy();
  };
  /** What a browser's fetch makes of the answer: the status, then (after the cut) the body or the error reading it. */
  const read = async (url: string): Promise<{ status: number; body?: string; error?: unknown }> => {
    const r = await fetch(url);
    cut();
    try {
      return { status: r.status, body: await r.text() };
    } catch (error) {
      return { status: r.status, error };
    }
  };

  it("a streamed body (over 1 MiB) is cut for the browser too, never ended as if complete, and logged", async () => {
    const bff = await startBff({ upstream: { url: apiUrl, ...base }, operations: ["getUser"], rateLimit: false, clients: { required: false } });
    const cases: Array<[string, Record<string, string>, Buffer | string]> = [
      ["Content-Length 2 MiB", { "content-type": "application/json", "content-length": String(2 * 1024 * 1024) }, '[{"id":1},{"id":2},'],
      ["chunked, 1.5 MiB sent", { "content-type": "application/json" }, Buffer.alloc(1.5 * 1024 * 1024, " ")],
    ];
    for (const [label, headers, first] of cases) {
      bff.logs.length = 0;
      answer = (_q, res) => cutLater(res, 200, headers, first);
      const r = await read(bff.url + path);
      expect(r.status, label).toBe(200);
      expect(r.error, `${label}: the browser must see the body fail, got ${r.body?.length} bytes as complete`).toBeDefined();
      await expect.poll(() => bff.logs.filter((l) => JSON.parse(l).level === "error").join("\n"), { message: label }).toMatch(/bff\.response_cut/);
    }
  });
});

describe("a body that breaks off on the buffered path", () => {
  it("an API reset, a short Content-Length or a bad gzip is a 502 (the API failed), not a 500", async () => {
    const bff = await startBff({ upstream: { url: apiUrl, ...base }, operations: ["getUser"], rateLimit: false, clients: { required: false } });
    const head = '{"data":{"id":"1",';
    const cases: Array<[string, (res: ServerResponse) => void]> = [
      ["reset, Content-Length 100", (res) => res.writeHead(200, { "content-type": "application/json", "content-length": "100" }).write(head, () => setTimeout(() => res.socket?.resetAndDestroy(), 20))],
      ["reset, chunked", (res) => res.writeHead(200, { "content-type": "application/json" }).write(head, () => setTimeout(() => res.socket?.resetAndDestroy(), 20))],
      ["short Content-Length, connection closed", (res) => res.writeHead(200, { "content-type": "application/json", "content-length": "100" }).write(head, () => setTimeout(() => res.socket?.destroy(), 20))],
      ["bad gzip", (res) => res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": "40" }).end(Buffer.alloc(40, "x"))],
    ];
    for (const [label, send] of cases) {
      bff.logs.length = 0;
      answer = (_q, res) => send(res);
      const r = await bff.call(path);
      expect(r.status, label).toBe(502);
      expect(r.json.error.code, label).toBe("SERVICE_UNAVAILABLE");
      const line = JSON.parse(bff.logs.find((l) => l.includes("bff.request"))!);
      expect(line.status, label).toBe(502);
    }
  });

  it("a browser that goes away mid-upload is logged as 499 at info level, not as a 500 error", async () => {
    const bff = await startBff({ upstream: { url: apiUrl, ...base }, operations: ["createUser"], rateLimit: false, clients: { required: false } });
    bff.logs.length = 0;
    const port = Number(new URL(bff.url).port);
    await new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.write('POST /api/users HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"email":', () => setTimeout(() => socket.destroy(), 50)));
      socket.on("error", () => {});
      socket.on("close", () => resolve());
    });
    await expect.poll(() => bff.logs.find((l) => l.includes("bff.request"))).toBeDefined();
    const line = JSON.parse(bff.logs.find((l) => l.includes("bff.request"))!);
    expect(line.status).toBe(499);
    expect(line.level).toBe("info");
  });
});
