import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiCore, type OperationMeta } from "../src/client/api-core.js";
import { NotFoundError, ValidationError } from "../src/errors/index.js";

// A real loopback server that records what the generated-client core sends.
const seen: { method: string; url: string; headers: IncomingMessage["headers"] }[] = [];
let failNextOrder = 0;
let failNextSearch = 0;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers });
    const url = new URL(req.url!, "http://x");
    const json = (status: number, body: unknown) => {
      const id = (body as { request_id?: string }).request_id ?? "req_ok";
      res.writeHead(status, { "content-type": "application/json", "x-request-id": id });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/items") {
      const page = Number(url.searchParams.get("page") ?? 1);
      return json(200, { data: [page * 10 + 1, page * 10 + 2], meta: { page, has_next: page < 3 } });
    }
    if (url.pathname === "/feed") {
      const cursor = url.searchParams.get("cursor");
      const n = cursor ? Number(cursor) : 0;
      return json(200, { data: [`item${n}`], meta: { next_cursor: n < 2 ? String(n + 1) : null, has_more: n < 2 } });
    }
    // Real APIs' list envelopes, three pages each.
    const ids = (from: number) => [from, from + 1].map((n) => ({ id: `i${n}` }));
    if (url.pathname === "/github/repos") {
      // GitHub: a bare array, the next page in a Link header.
      const page = Number(url.searchParams.get("page") ?? 1);
      if (page < 3) res.setHeader("link", `<${baseUrl}/github/repos?page=${page + 1}&per_page=2>; rel="next", <${baseUrl}/github/repos?page=3&per_page=2>; rel="last"`);
      return json(200, ids(page * 10));
    }
    if (url.pathname === "/stripe/customers") {
      // Stripe: `has_more`, and the next page starts after the last item's id.
      const after = url.searchParams.get("starting_after");
      const from = after ? Number(after.slice(1)) + 1 : 0;
      return json(200, { object: "list", data: ids(from), has_more: from < 4, url: "/v1/customers" });
    }
    if (url.pathname === "/slack/conversations") {
      // Slack: items under their own name, the cursor in `response_metadata` ("" on the last page).
      const n = Number(url.searchParams.get("cursor") || 0);
      return json(200, { ok: true, channels: ids(n * 10), response_metadata: { next_cursor: n < 2 ? String(n + 1) : "" } });
    }
    if (url.pathname === "/google/topics") {
      // Google: `pageToken` in, `nextPageToken` out (absent on the last page).
      const n = Number(url.searchParams.get("pageToken") || 0);
      return json(200, { topics: ids(n * 10), ...(n < 2 ? { nextPageToken: String(n + 1) } : {}) });
    }
    if (url.pathname === "/drf/things") {
      // Django REST Framework's CursorPagination: the next page as a whole URL (null on the last).
      const n = Number(url.searchParams.get("cursor") || 0);
      return json(200, { next: n < 2 ? `${baseUrl}/drf/things?cursor=${n + 1}&page_size=2` : null, previous: null, results: ids(n * 10) });
    }
    if (url.pathname === "/drf/pages") {
      // Django REST Framework's PageNumberPagination: `next` is null on the last page, and a page past it is a 404.
      const n = Number(url.searchParams.get("page") || 1);
      if (n > 2) return json(404, { detail: "Invalid page." });
      return json(200, { count: 4, next: n < 2 ? `${baseUrl}/drf/pages?page=${n + 1}` : null, previous: null, results: ids(n * 10) });
    }
    if (url.pathname === "/laravel/posts") {
      // Laravel's paginator: `current_page` and `last_page` (a page past the last is empty, not an error).
      const n = Number(url.searchParams.get("page") || 1);
      return json(200, { current_page: n, last_page: 2, per_page: 2, total: 4, next_page_url: n < 2 ? "/laravel/posts?page=2" : null, data: n > 2 ? [] : ids(n * 10) });
    }
    if (url.pathname === "/facebook/posts") {
      // Facebook's Graph API: `paging.cursors.after`, and `paging.next` only while there is more.
      const n = Number(url.searchParams.get("after") || 0);
      return json(200, { data: ids(n * 10), paging: { cursors: { before: "b", after: String(n + 1) }, ...(n < 2 ? { next: `${baseUrl}/facebook/posts?after=${n + 1}&limit=2` } : {}) } });
    }
    if (url.pathname === "/relay/users") {
      // Relay-style connections in REST (GraphQL's pageInfo): `endCursor` while `hasNextPage`.
      const n = Number(url.searchParams.get("after") || 0);
      return json(200, { nodes: ids(n * 10), pageInfo: { hasNextPage: n < 2, endCursor: String(n + 1) } });
    }
    if (url.pathname === "/spotify/albums") {
      // Spotify: offset and limit, with the total (5 items, 2 per page by the server's default).
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const items = ids(offset).filter((x) => Number(x.id.slice(1)) < 5);
      return json(200, { href: req.url, items, limit: 2, offset, total: 5, next: offset + 2 < 5 ? "more" : null });
    }
    if (url.pathname === "/jira/issues") {
      // Jira: startAt and maxResults; no total here, so an empty page ends it.
      const at = Number(url.searchParams.get("startAt") ?? 0);
      return json(200, { startAt: at, issues: at < 4 ? ids(at) : [] });
    }
    if (url.pathname === "/orders" && req.method === "POST") {
      if (failNextOrder-- > 0) return json(503, { error: { code: "SERVICE_UNAVAILABLE", message: "busy" }, request_id: "req_2" });
      return json(201, { data: { id: "o1" } });
    }
    if (url.pathname === "/search") {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => (failNextSearch-- > 0 ? json(503, { error: { code: "SERVICE_UNAVAILABLE", message: "busy" } }) : json(200, { method: req.method, body })));
      return;
    }
    if (url.pathname === "/missing") return json(404, { error: { code: "NOT_FOUND", message: "no such thing" }, request_id: "req_404" });
    if (url.pathname === "/chat/completions") {
      // OpenAI: JSON, or an event stream when the body asks for one (`stream: true`), whatever Accept says.
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        if (!(JSON.parse(body) as { stream?: boolean }).stream) return json(200, { id: "c1", choices: [{ message: { content: "Hello" } }] });
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end('data: {"choices":[{"delta":{"content":"Hel"}}]}\n\ndata: {"choices":[{"delta":{"content":"lo"}}]}\n\ndata: [DONE]\n\n');
      });
      return;
    }
    if (url.pathname === "/generate") {
      // A POST that streams, and drops after two events: with `?ids` the events carry ids, and a
      // request with Last-Event-ID gets the rest; a fresh request would start a new generation.
      const ids = url.searchParams.has("ids");
      res.writeHead(200, { "content-type": "text/event-stream" });
      if (req.headers["last-event-id"] === "2") return res.end('id: 3\ndata: {"n":3}\n\ndata: [DONE]\n\n');
      res.write(`${ids ? "id: 1\n" : ""}data: {"n":1}\n\n${ids ? "id: 2\n" : ""}data: {"n":2}\n\n`);
      setTimeout(() => res.destroy(), 20);
      return;
    }
    if (url.pathname === "/stream") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end('event: delta\ndata: {"delta":"Hel"}\n\nevent: delta\ndata: {"delta":"lo"}\n\nevent: done\nid: 7\ndata: {"message_id":"m1"}\n\n');
      return;
    }
    json(200, { data: { ok: true } });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const meta = (m: Partial<OperationMeta> & Pick<OperationMeta, "id" | "path">): OperationMeta => ({ method: "get", ...m });
const core = () =>
  createApiCore<Record<string, never>>({ baseUrl, auth: { bearer: "tok", apiKey: "key" }, retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 } });
const last = () => seen[seen.length - 1]!;

describe("generated-client core: spec metadata drives the runtime", () => {
  it("sends OpenAPI 3.2's QUERY with its body, retried like a GET, and an additionalOperations method as named", async () => {
    failNextSearch = 1;
    const before = seen.length;
    const found = await core().op(meta({ id: "search", method: "query", path: "/search" }))({ body: { q: "ada" } } as never);
    expect(found).toEqual({ method: "QUERY", body: '{"q":"ada"}' });
    expect(seen.slice(before).map((s) => s.method)).toEqual(["QUERY", "QUERY"]);
    expect(await core().op(meta({ id: "purge", method: "purge", path: "/search" }))({} as never)).toEqual({ method: "PURGE", body: "" });
  });

  it("adds query parameters after a query the path itself carries (OpenAI's `/responses?beta=true`)", async () => {
    await core().op(meta({ id: "betaList", path: "/responses/{id}/items?beta=true" }))({ params: { path: { id: "r 1" }, query: { limit: 5 } } } as never);
    expect(last().url).toBe("/responses/r%201/items?beta=true&limit=5");
    await core().op(meta({ id: "betaList", path: "/responses/{id}/items?beta=true" }))({ params: { path: { id: "r1" } } } as never);
    expect(last().url).toBe("/responses/r1/items?beta=true");
    await core().op(meta({ id: "plain", path: "/items" }))({ params: { query: { page: 2 } } } as never);
    expect(last().url).toBe("/items?page=2");
  });

  it("serializes parameters in the styles the spec declares (path label/matrix/explode; query form, delimited, deepObject)", async () => {
    const styled = meta({
      id: "styled",
      path: "/s/{a}/{b}/{c}",
      template: "/s/{.a}/{;b*}/{c*}",
      query: { ids: ["form", false], pipes: ["pipeDelimited", false], spaces: ["spaceDelimited", false], filter: ["form", true], flat: ["form", false] },
    });
    const params = {
      path: { a: ["x", "y"], b: { r: 1, g: 2 }, c: ["p", "q"] },
      query: { ids: [1, 2, 3], pipes: ["a", "b"], spaces: ["c", "d"], filter: { status: "open", kind: "x y" }, flat: { k: "v", l: "w" }, deep: { n: 1 }, plain: [4, 5] },
    };
    const want = "/s/.x,y/;r=1;g=2/p,q?ids=1,2,3&pipes=a|b&spaces=c%20d&status=open&kind=x%20y&flat=k,v,l,w&deep[n]=1&plain=4&plain=5";
    await core().op(styled)({ params } as never);
    expect(last().url).toBe(want);
    // The same request through openapi-fetch (a call with middleware goes that way).
    await core().op(styled)({ params, middleware: [{ onRequest: () => undefined }] } as never);
    expect(last().url).toBe(want);
    // A call's own serializer still wins.
    await core().op(styled)({ params: { path: { a: "1", b: "2", c: "3" }, query: { ids: [1, 2] } }, querySerializer: () => "custom=1" } as never);
    expect(last().url).toBe("/s/.1/;b=2/3?custom=1");
  });

  it("sends nested query values as qs and Stripe read them, where openapi-fetch would throw", async () => {
    // Stripe's GET /v1/invoices/upcoming: `expand` a deepObject array, `customer_details` nested objects and arrays.
    const op = meta({ id: "upcoming", path: "/v1/invoices/upcoming", query: { expand: ["deepObject", true], filter: ["form", true] } });
    const query = {
      expand: ["lines", "customer"],
      customer_details: { address: { city: "Paris" }, tax_ids: [{ type: "eu_vat", value: "FR1" }] },
      subscription_items: [{ price: "p_1", quantity: 2 }],
      filter: { status: "open", range: { gte: 5 } },
      since: new Date(Date.UTC(2026, 0, 2)),
      tags: ["a b", "c"],
      gone: { a: null, b: undefined },
    };
    const want =
      "/v1/invoices/upcoming?expand[0]=lines&expand[1]=customer&customer_details[address][city]=Paris&customer_details[tax_ids][0][type]=eu_vat" +
      "&customer_details[tax_ids][0][value]=FR1&subscription_items[0][price]=p_1&subscription_items[0][quantity]=2&status=open&range[gte]=5" +
      "&since=2026-01-02T00%3A00%3A00.000Z&tags=a%20b&tags=c";
    await core().op(op)({ params: { query } } as never);
    expect(last().url).toBe(want);
    // The same through openapi-fetch (middleware), and an operation without styles of its own.
    await core().op(op)({ params: { query }, middleware: [{ onRequest: () => undefined }] } as never);
    expect(last().url).toBe(want);
    await core().op(meta({ id: "plain", path: "/p" }))({ params: { query: { f: { a: { b: [1, 2] } } } }, middleware: [{ onRequest: () => undefined }] } as never);
    expect(last().url).toBe("/p?f[a][b][0]=1&f[a][b][1]=2");
  });

  it("leaves out a fragment the spec writes into a path (ReadMe's `/cookies#form`), keeping the query", async () => {
    const op = meta({ id: "frag", path: "/items#second" });
    await core().op(op)({ params: { query: { page: 2 } } } as never);
    expect(last().url).toBe("/items?page=2");
    await core().op(op)({ params: { query: { page: 3 } }, middleware: [{ onRequest: () => undefined }] } as never);
    expect(last().url).toBe("/items?page=3");
  });

  it("refuses a path parameter that is a whole segment and \"\", \".\" or \"..\": the URL would name another path", async () => {
    // fetch resolves dot segments (%2e too): DELETE /users/1/sessions/.. would go out as DELETE /users/1.
    const op = meta({ id: "endSession", method: "delete", path: "/users/{id}/sessions/{sid}" });
    const before = seen.length;
    for (const sid of ["..", ".", ""]) {
      for (const init of [{}, { middleware: [{ onRequest: () => undefined }] }]) {
        const err = await core().op(op)({ params: { path: { id: "1", sid } }, ...init } as never).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ValidationError);
        expect(err).toMatchObject({ details: [{ field: "path.sid" }], message: expect.stringContaining("nothing was sent") });
      }
    }
    expect(seen.length).toBe(before);
    // Dots that are not a whole dot segment, and an encoded-looking value, go out as the path they are.
    for (const [sid, path] of [["...", "/users/1/sessions/..."], ["%2e%2e", "/users/1/sessions/%252e%252e"], ["../admin", "/users/1/sessions/..%2Fadmin"]] as const) {
      await core().op(op)({ params: { path: { id: "1", sid } } } as never);
      expect(last().url).toBe(path);
    }
    await core().op(meta({ id: "file", path: "/files/{name}.json" }))({ params: { path: { name: ".." } } } as never);
    expect(last().url).toBe("/files/...json");
  });

  it("input the request cannot carry rejects with a ValidationError naming the operation, never a synchronous throw", async () => {
    const circular: Record<string, unknown> = { name: "x" };
    circular.self = circular;
    const get = core().op(meta({ id: "getThing", path: "/things/{id}" }));
    const post = core().op(meta({ id: "createThing", method: "post", path: "/things" }));
    const before = seen.length;
    const cases: Array<[string, () => Promise<unknown>]> = [
      ["a header value with a line break", () => get({ params: { path: { id: "1" } }, headers: { "x-note": "a\r\nx-admin: 1" } } as never)],
      ["a header name with a space", () => get({ params: { path: { id: "1" } }, headers: { "x note": "a" } } as never)],
      ["a header value beyond Latin-1", () => get({ params: { path: { id: "1" } }, headers: { "x-note": "日本" } } as never)],
      ["a lone surrogate in a path parameter", () => get({ params: { path: { id: "\ud800" } } } as never)],
      ["a lone surrogate in a query parameter", () => get({ params: { path: { id: "1" }, query: { q: "\ud800" } } } as never)],
      ["a circular body", () => post({ body: circular } as never)],
      ["a BigInt in the body", () => post({ body: { n: 1n } } as never)],
    ];
    for (const [what, call] of cases) {
      let pending: Promise<unknown> | undefined;
      expect(() => (pending = call()), what).not.toThrow();
      const err = await pending!.catch((e: unknown) => e);
      expect(err, what).toBeInstanceOf(ValidationError);
      expect((err as Error).message, what).toMatch(/^(getThing|createThing): the request could not be built: /);
      expect((err as Error).cause, what).toBeDefined();
    }
    expect(seen.length).toBe(before);
  });

  it("sends no credentials to a public operation", async () => {
    await core().op(meta({ id: "login", method: "post", path: "/login", security: [] }))({});
    expect(last().headers.authorization).toBeUndefined();
    expect(last().headers["x-api-key"]).toBeUndefined();
  });

  it("sends only the credential kinds an operation accepts", async () => {
    await core().op(meta({ id: "me", path: "/me", security: [["bearerAuth"]], credentials: ["bearer"] }))({});
    expect(last().headers).toMatchObject({ authorization: "Bearer tok" });
    expect(last().headers["x-api-key"]).toBeUndefined();
    await core().op(meta({ id: "key", path: "/key", security: [["apiKeyAuth"]], credentials: ["apiKey"] }))({});
    expect(last().headers).toMatchObject({ "x-api-key": "key" });
    expect(last().headers.authorization).toBeUndefined();
    // Either would do: the bearer token is enough, the key stays home.
    await core().op(meta({ id: "any", path: "/any", security: [["bearerAuth"], ["apiKeyAuth"]], credentials: ["bearer", "apiKey"] }))({});
    expect(last().headers.authorization).toBe("Bearer tok");
    expect(last().headers["x-api-key"]).toBeUndefined();
  });

  it("generates one idempotency key per logical request and reuses it on retries", async () => {
    failNextOrder = 2;
    const before = seen.length;
    const body = await core().op(meta({ id: "createOrder", method: "post", path: "/orders", idempotencyHeader: "Idempotency-Key" }))({ body: {} } as never);
    expect(body).toEqual({ data: { id: "o1" } });
    const attempts = seen.slice(before);
    expect(attempts).toHaveLength(3);
    const keys = new Set(attempts.map((a) => a.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    // No retry counter unless asked for (retry.retryCountHeader).
    expect(attempts.map((a) => a.headers["x-retry-count"])).toEqual([undefined, undefined, undefined]);
  });

  it("uses the caller's idempotency key when given", async () => {
    await core().op(meta({ id: "createOrder", method: "post", path: "/orders", idempotencyHeader: "Idempotency-Key" }))({ body: {}, idempotencyKey: "my-key" } as never);
    expect(last().headers["idempotency-key"]).toBe("my-key");
  });

  it("throws typed errors with status, code and request id", async () => {
    const err = await core().op(meta({ id: "missing", path: "/missing" }))({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 404, code: "NOT_FOUND", requestId: "req_404" });
  });

  it("paginates page and cursor styles lazily, with limit and maxPages", async () => {
    const items = core().paginated<Record<string, never>>(meta({ id: "items", path: "/items", pagination: "page" }));
    const all: unknown[] = [];
    for await (const i of items.all()) all.push(i);
    expect(all).toEqual([11, 12, 21, 22, 31, 32]);
    const limited: unknown[] = [];
    for await (const i of items.all(undefined, { limit: 3 })) limited.push(i);
    expect(limited).toEqual([11, 12, 21]);
    let pages = 0;
    for await (const _ of items.pages(undefined, { maxPages: 2 })) pages++;
    expect(pages).toBe(2);
    const feed: unknown[] = [];
    for await (const i of core().paginated<Record<string, never>>(meta({ id: "feed", path: "/feed", pagination: "cursor" })).all()) feed.push(i);
    expect(feed).toEqual(["item0", "item1", "item2"]);
  });

  it.each([
    ["GitHub (a bare array, Link rel=next)", meta({ id: "gh", path: "/github/repos", pagination: "link", pageParams: { limit: "per_page" } }), ["i10", "i11", "i20", "i21", "i30", "i31"]],
    ["Stripe (has_more, starting_after the last id)", meta({ id: "stripe", path: "/stripe/customers", pagination: "cursor", pageParams: { cursor: "starting_after" } }), ["i0", "i1", "i2", "i3", "i4", "i5"]],
    ["Slack (response_metadata.next_cursor, items under their name)", meta({ id: "slack", path: "/slack/conversations", pagination: "cursor" }), ["i0", "i1", "i10", "i11", "i20", "i21"]],
    ["Google (pageToken, nextPageToken)", meta({ id: "google", path: "/google/topics", pagination: "cursor", pageParams: { cursor: "pageToken" } }), ["i0", "i1", "i10", "i11", "i20", "i21"]],
    ["Django REST Framework (cursor in the `next` URL)", meta({ id: "drf", path: "/drf/things", pagination: "cursor" }), ["i0", "i1", "i10", "i11", "i20", "i21"]],
    ["Facebook (paging.next, paging.cursors.after)", meta({ id: "fb", path: "/facebook/posts", pagination: "cursor", pageParams: { cursor: "after" } }), ["i0", "i1", "i10", "i11", "i20", "i21"]],
    ["Relay-style (pageInfo.hasNextPage, endCursor)", meta({ id: "relay", path: "/relay/users", pagination: "cursor", pageParams: { cursor: "after" } }), ["i0", "i1", "i10", "i11", "i20", "i21"]],
    ["Django REST Framework page numbers (next: null on the last page, 404 past it)", meta({ id: "drfp", path: "/drf/pages", pagination: "page" }), ["i10", "i11", "i20", "i21"]],
    ["Laravel (current_page, last_page)", meta({ id: "laravel", path: "/laravel/posts", pagination: "page" }), ["i10", "i11", "i20", "i21"]],
    ["Spotify (offset, total)", meta({ id: "spotify", path: "/spotify/albums", pagination: "offset" }), ["i0", "i1", "i2", "i3", "i4"]],
    ["Jira (startAt, no total)", meta({ id: "jira", path: "/jira/issues", pagination: "offset", pageParams: { offset: "startAt", limit: "maxResults" } }), ["i0", "i1", "i2", "i3"]],
  ])("walks every page of %s", async (_name, m, want) => {
    const got: unknown[] = [];
    for await (const item of core().paginated<Record<string, never>>(m).all()) got.push((item as { id: string }).id);
    expect(got).toEqual(want);
  });

  it("walks an offset listing again from the start on a second iteration, with the offsets it was sent", async () => {
    const albums = core().paginated<Record<string, never>>(meta({ id: "spotify", path: "/spotify/albums", pagination: "offset" }));
    const before = seen.length;
    const walk = albums.all(undefined);
    const first: unknown[] = [];
    for await (const a of walk) first.push(a);
    const again: unknown[] = [];
    for await (const a of walk) again.push(a);
    expect(again).toEqual(first);
    expect(seen.slice(before).map((s) => new URL(s.url, "http://x").searchParams.get("offset"))).toEqual(["0", "2", "4", "0", "2", "4"]);
  });

  it("streams typed server-sent events", async () => {
    const stream = core().stream<Record<string, never>, { delta?: string; message_id?: string }>(meta({ id: "stream", path: "/stream", stream: true }));
    const events: string[] = [];
    for await (const e of stream(undefined, { reconnect: false })) events.push(`${e.event}:${JSON.stringify(e.data)}`);
    expect(events).toEqual(['delta:{"delta":"Hel"}', 'delta:{"delta":"lo"}', 'done:{"message_id":"m1"}']);
    expect(last().headers.accept).toBe("text/event-stream");
  });

  it("an operation that answers JSON or events (OpenAI's chat completions): called, the JSON; .stream(), the events", async () => {
    const chat = core().dual<Record<string, never>, { choices: { delta: { content: string } }[] }>(meta({ id: "chat", method: "post", path: "/chat/completions", stream: true, accept: "application/json" }));
    expect(await chat({ body: { model: "m" } } as never)).toEqual({ id: "c1", choices: [{ message: { content: "Hello" } }] });
    expect(last().headers.accept).toBe("application/json");
    const parts: string[] = [];
    // The stream ends at `data: [DONE]`.
    for await (const e of chat.stream({ body: { model: "m", stream: true } } as never, { reconnect: false })) parts.push(e.data.choices[0]!.delta.content);
    expect(parts).toEqual(["Hel", "lo"]);
    expect(last().headers.accept).toBe("text/event-stream");
  });

  it("a POST stream that drops is resumed only from an event id: sent again, it would start a new generation", async () => {
    const gen = (path: string) => core().stream<Record<string, never>, { n: number }>(meta({ id: "generate", method: "post", path, stream: true }));
    const before = seen.filter((s) => s.url.startsWith("/generate")).length;
    const got: number[] = [];
    const dropped = await (async () => {
      for await (const e of gen("/generate")({ body: { prompt: "hi" } } as never, { reconnect: { delayMs: 1 } })) got.push(e.data.n);
    })().catch((e: unknown) => e);
    expect(got).toEqual([1, 2]);
    expect(dropped).toMatchObject({ name: "ApiError", message: expect.stringContaining("without an event id to resume from") });
    expect(seen.filter((s) => s.url.startsWith("/generate")).length - before).toBe(1);
    // With ids, the drop is resumed where it stopped; `data: [DONE]` ends the iteration (never checked as an event).
    const resumed: number[] = [];
    const parse = (d: unknown) => {
      if (typeof (d as { n?: unknown }).n !== "number") throw new Error(`not an event: ${JSON.stringify(d)}`);
      return d as { n: number };
    };
    for await (const e of gen("/generate?ids")({ body: { prompt: "hi" } } as never, { reconnect: { delayMs: 1 }, parse })) resumed.push(e.data.n);
    expect(resumed).toEqual([1, 2, 3]);
    expect(seen.at(-1)!.headers["last-event-id"]).toBe("2");
  });

  it("caches reads by tag and a mutation of the tag drops them", async () => {
    const api = createApiCore<Record<string, never>>({ baseUrl, cache: { ttlMs: 60_000 } });
    const read = api.op(meta({ id: "getThing", path: "/thing", tags: ["Things"] }));
    const write = api.op(meta({ id: "updateThing", method: "post", path: "/thing", tags: ["Things"] }));
    const count = () => seen.filter((s) => s.url === "/thing" && s.method === "GET").length;
    const start = count();
    await read({});
    await read({});
    expect(count()).toBe(start + 1);
    await write({});
    await read({});
    expect(count()).toBe(start + 2);
  });

  it("hooks see every response of the operation methods, error responses too (readable), and onError the typed error", async () => {
    const responses: Array<{ status: number; body: unknown }> = [];
    const errors: unknown[] = [];
    const api = createApiCore<Record<string, never>>({
      baseUrl,
      hooks: {
        onResponse: async ({ response }) => void responses.push({ status: response.status, body: await response.json() }),
        onError: ({ error }) => void errors.push(error),
      },
    });
    await api.op(meta({ id: "ok", path: "/ok" }))({});
    const err = await api.op(meta({ id: "missing", path: "/missing" }))({}).catch((e: unknown) => e);
    expect(responses).toEqual([
      { status: 200, body: { data: { ok: true } } },
      { status: 404, body: { error: { code: "NOT_FOUND", message: "no such thing" }, request_id: "req_404" } },
    ]);
    expect(errors).toEqual([err]);
    expect(err).toBeInstanceOf(NotFoundError);
  });
});

