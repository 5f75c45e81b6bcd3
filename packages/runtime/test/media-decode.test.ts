import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiCore, type OperationMeta } from "../src/client/api-core.js";
import { ResponseParseError } from "../src/index.js";

// An operation's success body is decoded as its response says: JSON when it is JSON (or says
// nothing), a string for text/* and the text formats under application/ (XML, SDP…), a Blob for
// anything else (images, PDFs, archives).
const BODIES: Record<string, [string, string | Buffer]> = {
  "/json": ["application/json; charset=utf-8", '{"a":1}'],
  "/problem": ["application/problem+json", '{"title":"t"}'],
  "/untyped": ["", '{"b":2}'],
  "/csv": ["text/csv", "a,b\n1,2\n"],
  // OpenAI's realtime calls answer an SDP session description (`type: string` in the spec).
  "/sdp": ["application/sdp", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n"],
  "/atom": ["application/atom+xml", "<feed/>"],
  "/png": ["image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  "/latin1-csv": ["text/csv; charset=ISO-8859-1", Buffer.from("name\ncaf\xe9\n", "latin1")],
  "/cp1252-json": ['application/json; charset="windows-1252"', Buffer.from('{"name":"Jos\xe9"}', "latin1")],
  "/unknown-charset": ["text/plain; charset=x-klingon", "caf\u00e9"],
  // A wrong base URL on a single-page app's host, or a proxy's login page: 200 and HTML.
  "/html": ["text/html; charset=utf-8", "<!doctype html><html><body>Sign in</body></html>"],
  // A server that labels its JSON as text.
  "/json-as-text": ["text/plain", '{"c":3}'],
};

let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    // A Spring-style server that answers XML unless asked for JSON.
    if (req.url === "/negotiated") {
      const json = req.headers.accept === "application/json";
      return void res.setHeader("content-type", json ? "application/json" : "application/xml").end(json ? '{"id":1}' : "<Pet><id>1</id></Pet>");
    }
    const [type, body] = BODIES[req.url!] ?? ["text/plain", "?"];
    if (type) res.setHeader("content-type", type);
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const meta = (path: string): OperationMeta => ({ id: path.slice(1), method: "get", path, security: [] });

describe("operation methods decode the body by its media type", () => {
  it.each([
    ["/json", { a: 1 }],
    ["/problem", { title: "t" }],
    ["/untyped", { b: 2 }],
    ["/csv", "a,b\n1,2\n"],
    ["/sdp", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n"],
    ["/atom", "<feed/>"],
    // The declared charset decodes the text (fetch's text() would read these as UTF-8: "caf\uFFFD").
    ["/latin1-csv", "name\ncaf\u00e9\n"],
    ["/cp1252-json", { name: "Jos\u00e9" }],
    // A charset no decoder knows: UTF-8, as fetch reads it.
    ["/unknown-charset", "caf\u00e9"],
  ])("%s", async (path, want) => {
    const api = createApiCore<Record<string, never>>({ baseUrl });
    expect(await api.op<Record<string, unknown>>(meta(path))({} as never)).toEqual(want);
  });

  it("an image is a Blob of its bytes and type", async () => {
    const api = createApiCore<Record<string, never>>({ baseUrl });
    const blob = (await api.op<Record<string, unknown>>(meta("/png"))({} as never)) as unknown as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe("image/png");
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("an explicit parseAs still wins", async () => {
    const api = createApiCore<Record<string, never>>({ baseUrl });
    expect(await api.op<Record<string, unknown>>(meta("/png"))({ parseAs: "arrayBuffer" } as never)).toBeInstanceOf(ArrayBuffer);
  });

  it("where the spec declares JSON only (meta.json), any body is parsed as JSON: an HTML page is a ResponseParseError with its start, JSON labelled as text is data", async () => {
    const api = createApiCore<Record<string, never>>({ baseUrl });
    const err = await api.op<Record<string, unknown>>({ ...meta("/html"), json: true })({} as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseParseError);
    expect(err).toMatchObject({ status: 200, contentType: "text/html; charset=utf-8", bodyPreview: "<!doctype html><html><body>Sign in</body></html>" });
    expect(await api.op<Record<string, unknown>>({ ...meta("/json-as-text"), json: true })({} as never)).toEqual({ c: 3 });
    // Without the flag (the spec allows other types), the media type still decides.
    expect(await api.op<Record<string, unknown>>(meta("/html"))({} as never)).toMatch(/^<!doctype html>/);
    // An explicit parseAs still wins.
    expect(await api.op<Record<string, unknown>>({ ...meta("/html"), json: true })({ parseAs: "text" } as never)).toMatch(/Sign in/);
  });

  it("where the spec offers JSON among other types (meta.accept), the call asks for JSON; its own Accept wins", async () => {
    const api = createApiCore<Record<string, never>>({ baseUrl });
    const negotiated: OperationMeta = { ...meta("/negotiated"), accept: "application/json" };
    expect(await api.op<Record<string, unknown>>(negotiated)({} as never)).toEqual({ id: 1 });
    expect(await api.op<Record<string, unknown>>(negotiated)({ middleware: [{ onRequest: () => undefined }] } as never)).toEqual({ id: 1 });
    // XML is text: a string, as `type: string` (or an XML schema) in the spec has it.
    expect(await api.op<Record<string, unknown>>(negotiated)({ headers: { Accept: "application/xml" } } as never)).toBe("<Pet><id>1</id></Pet>");
  });
});
