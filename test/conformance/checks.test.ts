import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import { gzipSync, deflateSync, brotliCompressSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { bodyViolations } from "../contract/conformance/body-check.js";
import { CASE_HEADER, startRecorder, type Answer } from "../contract/conformance/recorder.js";
import { parseEvents } from "../contract/conformance/sse-parse.js";
import { statusViolations } from "../contract/conformance/status-check.js";
import { specOperations } from "../contract/support/spec.js";

// The checks Prism does not make, on their own: no Prism, no CLI, milliseconds each.
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const closers: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(closers.map((c) => c())));

async function target(handler: Handler, host = "127.0.0.1"): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, host, r));
  closers.push(() => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }));
  const { port } = server.address() as { port: number };
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** One request through a recorder in front of `url`; resolves once the client has the whole answer. */
async function through(url: string, headers: Record<string, string> = {}) {
  const recorder = await startRecorder(url, 5_000);
  closers.push(() => recorder.close());
  await new Promise<void>((resolve, reject) => {
    const req = request(`${recorder.url}/x`, { headers: { [CASE_HEADER]: "c", ...headers } }, (res) => {
      res.resume();
      res.on("end", resolve);
    });
    req.on("error", reject);
    req.end();
  });
  return recorder;
}

const spec = (method: string, responses: Record<string, unknown>) => ({ openapi: "3.1.0", paths: { "/x": { [method]: { operationId: "op", responses } } } });
const jsonResponse = { description: "", content: { "application/json": { schema: { type: "object" } } } };
const where = { operation: "op", method: "GET", path: "/x", status: 200 };
const answer = (status: number, body: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }): Answer => ({ status, headers, body: Buffer.from(body) });
const check = (s: ReturnType<typeof spec>, a: Answer) => bodyViolations(s, specOperations(s)[0]!, where, a);

describe("recorder", () => {
  const payload = JSON.stringify({ hello: "world", n: [1, 2, 3] });
  for (const [encoding, encode] of [["gzip", gzipSync], ["deflate", deflateSync], ["br", brotliCompressSync]] as const) {
    it(`keeps a ${encoding} body decoded for the checks`, async () => {
      const url = await target((_req, res) => res.writeHead(200, { "content-type": "application/json", "content-encoding": encoding }).end(encode(payload)));
      const recorded = (await through(url, { "accept-encoding": "gzip, deflate, br" })).answerOf("c")!;
      expect(recorded.body.toString("utf8")).toBe(payload);
      expect(check(spec("get", { 200: jsonResponse }), recorded)).toEqual([]);
    });
  }

  it("marks a body over the kept size truncated, and the body checks skip it instead of failing valid JSON", async () => {
    const big = JSON.stringify({ items: Array.from({ length: 200_000 }, (_, i) => ({ id: i, name: `item ${i}` })) });
    expect(big.length).toBeGreaterThan(1 << 20);
    const url = await target((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(big));
    const recorded = (await through(url)).answerOf("c")!;
    if (recorded.truncated) expect(check(spec("get", { 200: jsonResponse }), recorded)).toEqual([]);
    else expect(recorded.body.toString("utf8")).toBe(big);
    expect(check(spec("get", { 200: jsonResponse }), { ...answer(200, big.slice(0, 1000)), truncated: true })).toEqual([]);
  });

  it("reaches an IPv6 target given as [::1]", async () => {
    const url = await target((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"), "::1");
    const recorder = await through(url);
    expect(recorder.failureOf("c")).toBeUndefined();
    expect(recorder.statusOf("c")).toBe(200);
  });
});

describe("status check", () => {
  it("warns on a 4xx covered by a documented 4XX or default, as on an exactly documented one", () => {
    for (const responses of [{ 200: jsonResponse, 404: jsonResponse }, { 200: jsonResponse, "4XX": jsonResponse }, { 200: jsonResponse, default: jsonResponse }]) {
      const found = statusViolations(specOperations(spec("get", responses))[0]!, where, 404, Buffer.from("{}"));
      expect(found.map((v) => v.severity), JSON.stringify(responses)).toEqual(["Warning"]);
    }
    expect(statusViolations(specOperations(spec("get", { 200: jsonResponse, "5XX": jsonResponse }))[0]!, where, 404, Buffer.from("{}"))).toEqual([]);
  });
});

describe("body check", () => {
  it("does not want a body from HEAD, 204 or 205, nor takes default as the documentation of a 2xx", () => {
    expect(check(spec("head", { 200: jsonResponse }), answer(200, ""))).toEqual([]);
    expect(check(spec("get", { 200: jsonResponse, default: jsonResponse }), answer(204, ""))).toEqual([]);
    expect(check(spec("get", { 200: jsonResponse, default: jsonResponse }), answer(205, ""))).toEqual([]);
    expect(check(spec("get", { 201: jsonResponse, default: jsonResponse }), answer(200, ""))).toEqual([]);
    expect(check(spec("get", { 200: jsonResponse }), answer(200, "")).map((v) => v.code)).toEqual(["empty"]);
  });

  it("does not JSON-check an event with empty data", () => {
    const sse = { description: "", content: { "text/event-stream": { "x-sse-event-schema": { type: "object" } } } };
    const found = check(spec("get", { 200: sse }), answer(200, 'data:\n\ndata: {"a":1}\n\n', { "content-type": "text/event-stream" }));
    expect(found).toEqual([]);
  });
});

describe("SSE parsing (WHATWG)", () => {
  it("strips a leading BOM, so the first event is kept", () => {
    expect(parseEvents('\uFEFFdata: {"a":1}\n\n')).toEqual([{ data: '{"a":1}' }]);
  });
  it("carries the last event id over to later events", () => {
    expect(parseEvents("id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\n")).toEqual([{ id: "7", data: "a" }, { id: "7", data: "b" }, { id: "", data: "c" }]);
  });
});

describe("--timeout", () => {
  it("refuses a value setTimeout cannot take, in one usage line (exit 2)", async () => {
    const { exec } = await import("../support/exec.js");
    const r = await exec(process.execPath, ["--conditions=@specforge/source", "tools/scripts/contract.mjs", "--target", "http://127.0.0.1:9", "--timeout", "3000000"]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim()).toBe("contract: --timeout 3000000 is not a number of seconds above 0 and at most 2147483.");
  });
});
