/**
 * `validateResponses`: success bodies checked against a Standard Schema map shaped like the zod
 * module's `operations` (here hand-made schemas, so the runtime's side is tested without zod; the
 * contract suite runs the generated zod module). Given/want over which schema applies (status as
 * written, `2XX`, `default`; the response's media type, else a JSON one), the error a mismatch
 * gives, asynchronous validators, and the paths around the fast one (middleware, pages). And
 * `validateRequests`: path, query and body checked before anything is sent.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiCore, type OperationMeta } from "../src/client/api-core.js";
import type { RequestSchemas, ResponseSchemas, StandardSchema } from "../src/client/validate.js";
import { ApiError, ResponseParseError, ValidationError } from "../src/index.js";

/** Requests the server got. */
let received = 0;
/** What the server answers next. */
let next: { status: number; type: string; body: string } = { status: 200, type: "application/json", body: "{}" };
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    received++;
    req.resume();
    if (req.url === "/streamThing") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      return void res.end('id: 1\ndata: {"name":"a"}\n\nid: 2\ndata: {"name":2}\n\n');
    }
    res.writeHead(next.status, { "content-type": next.type, "x-request-id": "req-1" }).end(next.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A schema that accepts what `ok` accepts, reporting `issue` (at `path`) otherwise. */
function schema(ok: (v: unknown) => boolean, issue = "bad", path: (string | number | { key: string })[] = [], async = false): StandardSchema {
  return {
    "~standard": {
      validate(value) {
        const r = ok(value) ? {} : { issues: [{ message: issue, path }] };
        return async ? Promise.resolve(r) : r;
      },
    },
  };
}
const hasName = (v: unknown) => typeof (v as { name?: unknown })?.name === "string";
const isText = (v: unknown) => typeof v === "string" && v.startsWith("id,");

const SCHEMAS: ResponseSchemas = {
  getThing: { responses: { "200": { "application/json": schema(hasName, "Expected string", ["name"]) }, "2XX": { "application/json": schema(() => false, "2XX used") }, default: { "application/json": schema(() => false, "default used") } } },
  makeThing: { responses: { "2XX": { "application/problem+json": schema(() => false, "not this one"), "application/json": schema(hasName, "Expected string", [{ key: "data" }, 0, "name"]) } } },
  exportThing: { responses: { default: { "text/csv": schema(isText, "not CSV") } } },
  slowThing: { responses: { "200": { "application/json": schema(hasName, "async says no", ["name"], true) } } },
  streamThing: { responses: { "200": { "text/event-stream": schema(() => false, "the stream as a whole is not checked") } }, events: { "200": { "text/event-stream": schema(hasName, "Expected string", ["name"]) } } },
  listThings: { responses: { "200": { "application/json": schema((v) => Array.isArray((v as { data?: unknown }).data), "Expected array", ["data"]) } } },
};

const op = (id: string, method = "get", extra: Partial<OperationMeta> = {}): OperationMeta => ({ id, method, path: `/${id}`, security: [], json: true, ...extra });
const client = (validateResponses: ResponseSchemas | undefined = SCHEMAS) => createApiCore<Record<string, never>>({ baseUrl, retry: false, validateResponses });
const answer = (status: number, body: unknown, type = "application/json") => (next = { status, type, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("validateResponses", () => {
  it.each([
    ["the exact status", "getThing", 200, { name: "a" }, undefined],
    ["the exact status, mismatched", "getThing", 200, { name: 1 }, "getThing: 200 response body does not match the spec: name: Expected string"],
    ["2XX when the status is not listed", "getThing", 201, { name: "a" }, "getThing: 201 response body does not match the spec: 2XX used"],
    ["the response's media type among several, a path of keys", "makeThing", 202, { name: 2 }, "makeThing: 202 response body does not match the spec: data.0.name: Expected string"],
    ["no schema for the operation: not checked", "other", 200, { anything: true }, undefined],
  ] as const)("%s", async (_what, id, status, body, error) => {
    answer(status, body);
    const got = await client().op(op(id))(undefined as never).catch((e: unknown) => e);
    if (error === undefined) return expect(got).toEqual(body);
    expect(got).toBeInstanceOf(ResponseParseError);
    expect(got).toMatchObject({ message: error, status, requestId: "req-1", contentType: "application/json", body });
  });

  it("a JSON body under another JSON type is checked with the JSON schema listed", async () => {
    answer(200, { name: 3 }, "application/vnd.thing+json; charset=utf-8");
    const err = (await client().op(op("makeThing"))(undefined as never).catch((e: unknown) => e)) as ResponseParseError;
    expect(err).toBeInstanceOf(ResponseParseError);
    expect(err.details).toEqual([{ field: "data.0.name", message: "Expected string" }]);
    expect(err.contentType).toBe("application/vnd.thing+json; charset=utf-8");
  });

  it("text bodies by their media type, under `default`", async () => {
    answer(200, "id,name\n1,a\n", "text/csv");
    expect(await client().op(op("exportThing", "get", { json: false }))(undefined as never)).toBe("id,name\n1,a\n");
    answer(200, "<html>", "text/csv");
    await expect(client().op(op("exportThing", "get", { json: false }))(undefined as never)).rejects.toThrow(/exportThing: 200 response body does not match the spec: not CSV/);
  });

  it("an asynchronous validator is awaited", async () => {
    answer(200, { name: "a" });
    expect(await client().op(op("slowThing"))(undefined as never)).toEqual({ name: "a" });
    answer(200, { name: 1 });
    await expect(client().op(op("slowThing"))(undefined as never)).rejects.toThrow(/name: async says no/);
  });

  it("error statuses keep their typed errors, unchecked", async () => {
    answer(500, { error: { code: "INTERNAL", message: "boom" } });
    const err = await client().op(op("getThing"))(undefined as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).not.toBeInstanceOf(ResponseParseError);
    expect(err).toMatchObject({ status: 500 });
  });

  it("through openapi-fetch (middleware) and the paginator's pages as well", async () => {
    answer(200, { name: 1 });
    await expect(client().op(op("getThing"))({ middleware: [{}] } as never)).rejects.toBeInstanceOf(ResponseParseError);
    answer(200, { data: "not a list" });
    const pages = client().paginated(op("listThings", "get", { pagination: "page" }));
    const walk = async () => {
      for await (const item of pages.all()) void item;
    };
    await expect(walk()).rejects.toThrow(/listThings: 200 response body does not match the spec: data: Expected array/);
  });

  it("each event of a stream is checked with the events schema; the call's own parse wins", async () => {
    const seen: unknown[] = [];
    const read = async (parse?: (d: unknown) => unknown) => {
      for await (const e of client().stream(op("streamThing"))(undefined as never, { reconnect: false, ...(parse ? { parse } : {}) })) seen.push(e.data);
    };
    const err = await read().catch((e: unknown) => e);
    expect(seen).toEqual([{ name: "a" }]);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toBe('Invalid "message" event (id 2)');
    expect((err as { cause: Error }).cause.message).toBe("streamThing: event data does not match the spec: name: Expected string");
    expect((err as { cause: { details: unknown } }).cause.details).toEqual([{ field: "name", message: "Expected string" }]);
    seen.length = 0;
    await read((d) => d);
    expect(seen).toEqual([{ name: "a" }, { name: 2 }]);
  });

  it("an event schema of the whole event (`event`, `id`, `data`), as some specs write x-sse-event-schema, passes too", async () => {
    const isEvent = (v: unknown) => (v as { event?: unknown }).event === "message" && typeof (v as { id?: unknown }).id === "string" && "data" in (v as object);
    const whole = schema(isEvent);
    const seen: unknown[] = [];
    for await (const e of client({ streamThing: { events: { "200": { "text/event-stream": whole } } } }).stream(op("streamThing"))(undefined as never, { reconnect: false })) seen.push(e.data);
    expect(seen).toEqual([{ name: "a" }, { name: 2 }]);
  });

  it("many issues: three in the message, all in details", async () => {
    const many: StandardSchema = { "~standard": { validate: () => ({ issues: ["a", "b", "c", "d", "e"].map((k) => ({ message: "missing", path: [k] })) }) } };
    answer(200, {});
    const err = (await client({ getThing: { responses: { "200": { "application/json": many } } } }).op(op("getThing"))(undefined as never).catch((e: unknown) => e)) as ResponseParseError;
    expect(err.message).toBe("getThing: 200 response body does not match the spec: a: missing; b: missing; c: missing (+2 more)");
    expect(err.details).toHaveLength(5);
  });

  it("an operation id named like an Object member is not looked up on the prototype", async () => {
    answer(200, { name: 1 });
    expect(await client({}).op(op("constructor"))(undefined as never)).toEqual({ name: 1 });
  });
});

describe("validateRequests", () => {
  const isObj = (v: unknown) => typeof v === "object" && v !== null;
  const REQUESTS: RequestSchemas = {
    makeThing: {
      request: {
        path: schema((v) => isObj(v) && typeof (v as { id?: unknown }).id === "string", "Expected string", ["id"]),
        query: schema((v) => isObj(v) && !("limit" in (v as object) && typeof (v as { limit: unknown }).limit !== "number"), "Expected number", ["limit"]),
        body: { "application/json": schema(hasName, "Expected string", ["name"]), "application/x-www-form-urlencoded": schema(() => false, "the form schema") },
        bodyRequired: true,
      },
    },
    formThing: { request: { body: { "application/json": schema(() => false, "the JSON schema"), "application/x-www-form-urlencoded": schema(hasName, "form needs a name", ["name"]) } } },
    slowThing: { request: { body: { "application/json": schema(() => false, "never", [], true) } } },
    // Header parameters only (kratos' disableMyOtherSessions): the type takes it, and headers are not checked here.
    headerOnly: { request: { header: schema(() => false, "never checked") } },
    uploadThing: { request: { body: { "multipart/form-data": schema((v) => isObj(v) && typeof (v as { file?: unknown }).file === "string" && (v as { tags: unknown[] }).tags.every((t) => typeof t === "string"), "Expected string", ["file"]) } } },
  };
  const api = () => createApiCore<Record<string, never>>({ baseUrl, retry: false, validateRequests: REQUESTS });

  it("given an operation with header parameters only, want the request sent (headers are not checked before sending)", async () => {
    const before = received;
    next = { status: 200, type: "application/json", body: "{}" };
    await api().op(op("headerOnly", "delete", { path: "/sessions" }))(undefined as never);
    expect(received).toBe(before + 1);
  });
  const make = op("makeThing", "post", { path: "/things/{id}" });

  it.each([
    ["a valid request is sent", { params: { path: { id: "t1" }, query: { limit: 2 } }, body: { name: "a" } }, undefined],
    ["a body that does not match", { params: { path: { id: "t1" } }, body: { name: 1 } }, "makeThing: request does not match the spec: body.name: Expected string"],
    ["a missing required body", { params: { path: { id: "t1" } } }, "makeThing: request does not match the spec: body: Required"],
    ["path and query parameters, as typed values", { params: { path: { id: 7 }, query: { limit: "2" } }, body: { name: "a" } }, "makeThing: request does not match the spec: path.id: Expected string; query.limit: Expected number"],
  ] as const)("%s", async (_what, init, error) => {
    answer(200, { ok: true });
    const before = received;
    const got = await api().op(make)(init as never).catch((e: unknown) => e);
    if (error === undefined) {
      expect(got).toEqual({ ok: true });
      return expect(received).toBe(before + 1);
    }
    expect(got).toBeInstanceOf(ValidationError);
    expect(got).toMatchObject({ message: error });
    // Nothing went out.
    expect(received).toBe(before);
  });

  it("the body is checked in the media type the spec sends it in", async () => {
    answer(200, {});
    const form = op("formThing", "post", { body: { mediaType: "application/x-www-form-urlencoded" } });
    await expect(api().op(form)({ body: { name: "a" } } as never)).resolves.toEqual({});
    const err = (await api().op(form)({ body: { name: 1 } } as never).catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.details).toEqual([{ field: "body.name", message: "form needs a name" }]);
  });

  it("files and bytes in a multipart body stand for the spec's binary strings; a FormData the caller built is not checked", async () => {
    answer(200, {});
    const upload = op("uploadThing", "post", { body: { mediaType: "multipart/form-data" } });
    await expect(api().op(upload)({ body: { file: new Blob(["x"]), tags: [new Uint8Array(1), "a"] } } as never)).resolves.toEqual({});
    await expect(api().op(upload)({ body: { file: 42, tags: [] } } as never)).rejects.toBeInstanceOf(ValidationError);
    const form = new FormData();
    form.set("file", new Blob(["x"]));
    await expect(api().op(upload)({ body: form } as never)).resolves.toEqual({});
  });

  it("an asynchronous validator does not hold the call back: the server decides", async () => {
    answer(200, {});
    await expect(api().op(op("slowThing", "post"))({ body: { any: 1 } } as never)).resolves.toEqual({});
  });
});
