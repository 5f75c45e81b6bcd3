/**
 * A request body goes out in the media type the spec declares when it declares no plain JSON one:
 * Stripe's form bodies (nested fields as `deepObject`), OAuth token requests, multipart uploads,
 * raw bytes and text, JSON under a type of its own (JSON:API). Given a body and the operation's `body` metadata, want what a real local
 * server receives.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiCore, type BodyMeta, type OperationMeta } from "../src/client/api-core.js";

interface Received {
  type: string | undefined;
  raw: Buffer;
  attempt: number;
}
const received: Received[] = [];
let server: Server;
let baseUrl: string;
let failFirst = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ type: req.headers["content-type"], raw: Buffer.concat(chunks), attempt: Number(req.headers["x-retry-count"] ?? 0) });
      if (failFirst && received.length === 1) return void res.writeHead(503, { "retry-after": "0" }).end();
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const op = (body: BodyMeta): OperationMeta => ({ id: "send", method: "post", path: "/things", security: [], body, idempotencyHeader: "Idempotency-Key" });

async function send(body: BodyMeta, value: unknown, init: Record<string, unknown> = {}): Promise<Received> {
  received.length = 0;
  const api = createApiCore<Record<string, never>>({ baseUrl, retry: { initialDelayMs: 1 } });
  await api.op(op(body))({ body: value, ...init } as never);
  return received.at(-1)!;
}

const pairs = (r: Received) => [...new URLSearchParams(r.raw.toString())];
const parts = (r: Received) => new Response(new Uint8Array(r.raw), { headers: { "content-type": r.type! } }).formData();

const STRIPE: BodyMeta = {
  mediaType: "application/x-www-form-urlencoded",
  encoding: { metadata: { style: "deepObject", explode: true }, expand: { style: "deepObject", explode: true }, line_items: { style: "deepObject", explode: true } },
};

describe("request bodies in the spec's media type", () => {
  it("Stripe's form body: scalars, deepObject maps, arrays and arrays of objects, null to unset", async () => {
    const r = await send(STRIPE, {
      email: "ada@example.com",
      amount: 100,
      livemode: false,
      description: null,
      skipped: undefined,
      metadata: { order: "42", note: "a b&c" },
      expand: ["customer", "invoice"],
      line_items: [{ price: "p_1", quantity: 2 }],
    });
    expect(r.type).toBe("application/x-www-form-urlencoded");
    expect(pairs(r)).toEqual([
      ["email", "ada@example.com"],
      ["amount", "100"],
      ["livemode", "false"],
      ["description", ""],
      ["metadata[order]", "42"],
      ["metadata[note]", "a b&c"],
      ["expand[0]", "customer"],
      ["expand[1]", "invoice"],
      ["line_items[0][price]", "p_1"],
      ["line_items[0][quantity]", "2"],
    ]);
  });

  it("a form without an encoding: OpenAPI's default (style form, explode), and explode false joins", async () => {
    const meta: BodyMeta = { mediaType: "application/x-www-form-urlencoded; charset=utf-8", encoding: { ids: { style: "form", explode: false }, pipes: { style: "pipeDelimited", explode: false } } };
    const r = await send(meta, { grant_type: "client_credentials", scope: ["a", "b"], ids: [1, 2], pipes: ["x", "y"], at: new Date(0) });
    expect(pairs(r)).toEqual([["grant_type", "client_credentials"], ["scope", "a"], ["scope", "b"], ["ids", "1,2"], ["pipes", "x|y"], ["at", "1970-01-01T00:00:00.000Z"]]);
  });

  it("multipart: a file keeps its name and type, bytes get the part's type, objects are JSON parts, arrays one part per item", async () => {
    const meta: BodyMeta = { mediaType: "multipart/form-data", encoding: { raw: { contentType: "image/png" } } };
    const r = await send(meta, {
      file: new File(["%PDF-1.7"], "contract.pdf", { type: "application/pdf" }),
      description: "Signed",
      tags: ["a", "b"],
      raw: new Uint8Array([137, 80, 78, 71]),
      meta: { k: 1 },
      count: 3,
    });
    expect(r.type).toMatch(/^multipart\/form-data; boundary=/);
    const form = await parts(r);
    const file = form.get("file") as File;
    expect([file.name, file.type, await file.text()]).toEqual(["contract.pdf", "application/pdf", "%PDF-1.7"]);
    expect(form.get("description")).toBe("Signed");
    expect(form.getAll("tags")).toEqual(["a", "b"]);
    const raw = form.get("raw") as File;
    expect([raw.type, [...new Uint8Array(await raw.arrayBuffer())]]).toEqual(["image/png", [137, 80, 78, 71]]);
    const meta2 = form.get("meta") as File;
    expect([meta2.type, await meta2.text()]).toEqual(["application/json", '{"k":1}']);
    expect(form.get("count")).toBe("3");
  });

  it("bytes and text as they are, labelled with the spec's type (a Blob's own type wins)", async () => {
    const bytes = await send({ mediaType: "application/octet-stream" }, new Uint8Array([0, 255, 1]));
    expect([bytes.type, [...bytes.raw]]).toEqual(["application/octet-stream", [0, 255, 1]]);
    const text = await send({ mediaType: "text/plain" }, "hello \"world\"");
    expect([text.type, text.raw.toString()]).toEqual(["text/plain", 'hello "world"']);
    const blob = await send({ mediaType: "application/octet-stream" }, new Blob(["png"], { type: "image/png" }));
    expect([blob.type, blob.raw.toString()]).toEqual(["image/png", "png"]);
  });

  it("JSON under the spec's own type (JSON:API, merge-patch): serialized as JSON, a string as a JSON string, labelled with that type", async () => {
    const doc = await send({ mediaType: "application/vnd.api+json" }, { data: { type: "articles", attributes: { title: "t" } } });
    expect([doc.type, JSON.parse(doc.raw.toString())]).toEqual(["application/vnd.api+json", { data: { type: "articles", attributes: { title: "t" } } }]);
    const patch = await send({ mediaType: "application/merge-patch+json" }, "replaced");
    expect([patch.type, patch.raw.toString()]).toEqual(["application/merge-patch+json", '"replaced"']);
  });

  it("the call's own choice wins: a content-type header, a bodySerializer, a FormData or URLSearchParams", async () => {
    const json = await send(STRIPE, { a: 1 }, { headers: { "content-type": "application/json" } });
    expect([json.type, json.raw.toString()]).toEqual(["application/json", '{"a":1}']);
    const custom = await send(STRIPE, { a: 1 }, { bodySerializer: () => "a=custom" });
    expect(custom.raw.toString()).toBe("a=custom");
    const params = await send(STRIPE, new URLSearchParams({ a: "1" }));
    expect([params.type, params.raw.toString()]).toEqual(["application/x-www-form-urlencoded;charset=UTF-8", "a=1"]);
  });

  it("through openapi-fetch (a call with middleware) the body is the same, and a retry re-sends it whole", async () => {
    const body = { email: "ada@example.com", metadata: { order: "42" } };
    const direct = pairs(await send(STRIPE, body));
    const viaMiddleware = pairs(await send(STRIPE, body, { middleware: [{ onRequest: () => undefined }] }));
    expect(viaMiddleware).toEqual(direct);
    failFirst = true;
    try {
      received.length = 0;
      const api = createApiCore<Record<string, never>>({ baseUrl, retry: { initialDelayMs: 1, retryCountHeader: "X-Retry-Count" } });
      await api.op(op({ mediaType: "multipart/form-data" }))({ body: { file: new File(["x"], "x.txt"), note: "n" } } as never);
      expect(received.map((r) => r.attempt)).toEqual([0, 1]);
      const [first, second] = await Promise.all(received.map(parts));
      expect([first!.get("note"), second!.get("note"), await (second!.get("file") as File).text()]).toEqual(["n", "n", "x"]);
    } finally {
      failFirst = false;
    }
  });
});
