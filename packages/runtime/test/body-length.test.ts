import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiCore, type OperationMeta } from "../src/client/api-core.js";
import { readWithin } from "../src/request.js";

// On undici's own timers (the default 30 s timeout) the operation methods read the body with its
// deadline (readWithin), and stop once Content-Length bytes arrived instead of waiting for the
// stream's end. A body whose bytes are not its length (a Content-Encoding) or that has none must
// still be read to its end: these are what a short cut would truncate.
const big = JSON.stringify({ items: Array.from({ length: 20_000 }, (_, i) => ({ i, name: `item ${i}` })) });
const answers: Record<string, (res: import("node:http").ServerResponse) => void> = {
  "/small": (res) => res.writeHead(200, { "content-type": "application/json", "content-length": "11" }).end('{"ok":true}'),
  "/big": (res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(big)) });
    // In pieces, over several turns: many chunks on the client too.
    const buf = Buffer.from(big);
    let at = 0;
    const next = () => (at >= buf.length ? res.end() : res.write(buf.subarray(at, (at += 16_384)), () => setImmediate(next)));
    next();
  },
  "/gzip": (res) => {
    const zipped = gzipSync(big);
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(zipped.length) }).end(zipped);
  },
  "/chunked": (res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write(big.slice(0, 1000));
    setTimeout(() => res.end(big.slice(1000)), 20);
  },
  "/empty": (res) => res.writeHead(200, { "content-type": "application/json", "content-length": "0" }).end(),
};
let server: Server;
let url = "";
beforeAll(async () => {
  server = createServer((req, res) => answers[req.url!]!(res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  await (await fetch(`${url}/small`)).text(); // undici's global dispatcher exists once fetch ran
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("a body read on undici's timers, with and without a length it can stop at", () => {
  const op = (path: string) => createApiCore<Record<string, never>>({ baseUrl: url }).op({ id: "get", method: "get", path } as OperationMeta);
  it.each([
    ["a small body with its Content-Length", "/small", { ok: true }],
    ["a large body in many chunks with its Content-Length", "/big", JSON.parse(big)],
    ["a gzip body: Content-Length counts the compressed bytes", "/gzip", JSON.parse(big)],
    ["a chunked body without a length, in two parts", "/chunked", JSON.parse(big)],
    ["an empty body with Content-Length 0", "/empty", undefined],
  ])("%s", async (_name, path, want) => {
    for (let i = 0; i < 3; i++) expect(await op(path)({})).toEqual(want);
  });
});

describe("readWithin", () => {
  const late = () => new Error("late") as never;
  const soon = Date.now() + 60_000;
  /** A body that sends `parts` and then never ends (as a stream undici closes only a turn later). */
  const open = (...parts: string[]) =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of parts) c.enqueue(new TextEncoder().encode(p));
      },
    });
  const text = async (p: Promise<ArrayBuffer>) => new TextDecoder().decode(await p);

  it("ends once Content-Length bytes arrived, without waiting for the stream to end", async () => {
    const r = new Response(open("hello", "world"), { headers: { "content-length": "10" } });
    expect(await text(readWithin(r, soon, late))).toBe("helloworld");
  });

  it("reads past Content-Length bytes of decoded data when a Content-Encoding counts other bytes", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode("hello"));
        c.enqueue(new TextEncoder().encode("world"));
        c.close();
      },
    });
    const r = new Response(body, { headers: { "content-length": "5", "content-encoding": "gzip" } });
    expect(await text(readWithin(r, soon, late))).toBe("helloworld");
  });
});
