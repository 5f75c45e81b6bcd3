import { describe, expect, it } from "vitest";
import { diffDocs, doc, json, verdicts, type Row } from "./support/spec-pair.js";

const ok = { "200": { description: "ok", content: json({ type: "object" }) } };
const op = (operationId: string, extra: Record<string, unknown> = {}) => ({ operationId, tags: ["Users"], responses: ok, ...extra });
const users = { "/users": { get: op("listUsers"), post: op("createUser") }, "/users/{id}": { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], get: op("getUser") } };

const rows: Row[] = [
  { name: "method removed", before: doc(users), after: doc({ ...users, "/users": { get: op("listUsers") } }), want: ["breaking: operation-removed"] },
  { name: "path removed", before: doc(users), after: doc({ "/users": users["/users"] }), want: ["breaking: path-removed"] },
  { name: "path added", before: doc({ "/users": users["/users"] }), after: doc(users), want: ["minor: path-added"] },
  { name: "method added", before: doc({ "/users": { get: op("listUsers") } }), after: doc({ "/users": users["/users"] }), want: ["minor: operation-added"] },
  { name: "operationId changed", before: doc(users), after: doc({ ...users, "/users": { get: op("listUsers"), post: op("addUser") } }), want: ["warning: operation-id-changed"] },
  { name: "tag changed: the client method moves", before: doc(users), after: doc({ ...users, "/users": { get: op("listUsers"), post: op("createUser", { tags: ["Accounts"] }) } }), want: ["warning: client-method-renamed"] },
  { name: "operation deprecated", before: doc(users), after: doc({ ...users, "/users": { get: op("listUsers", { deprecated: true }), post: op("createUser") } }), want: ["minor: operation-deprecated"] },
  {
    name: "path parameter renamed: same path template, new parameter name",
    before: doc(users),
    after: doc({ ...users, "/users/{id}": undefined, "/users/{userId}": { parameters: [{ name: "userId", in: "path", required: true, schema: { type: "string" } }], get: op("getUser") } }),
    want: ["warning: request-parameter-renamed"],
  },
  // OpenAPI 3.2: QUERY and additionalOperations are operations like any other.
  {
    name: "3.2 additionalOperations method removed",
    before: doc({ "/cache": { query: op("findCached"), additionalOperations: { PURGE: op("purgeCache") } } }, { openapi: "3.2.0" }),
    after: doc({ "/cache": { query: op("findCached") } }, { openapi: "3.2.0" }),
    want: ["breaking: operation-removed"],
  },
  {
    name: "3.2 QUERY body property became required",
    before: doc({ "/cache": { query: op("findCached", { requestBody: { content: json({ type: "object", properties: { q: { type: "string" } } }) } }) } }, { openapi: "3.2.0" }),
    after: doc({ "/cache": { query: op("findCached", { requestBody: { content: json({ type: "object", required: ["q"], properties: { q: { type: "string" } } }) } }) } }, { openapi: "3.2.0" }),
    want: ["breaking: request-property-became-required"],
  },
  {
    name: "3.2 querystring object property became required",
    before: doc({ "/hits": { get: op("listHits", { parameters: [{ name: "f", in: "querystring", content: { "application/x-www-form-urlencoded": { schema: { type: "object", properties: { owner: { type: "string" } } } } } }] }) } }, { openapi: "3.2.0" }),
    after: doc({ "/hits": { get: op("listHits", { parameters: [{ name: "f", in: "querystring", content: { "application/x-www-form-urlencoded": { schema: { type: "object", required: ["owner"], properties: { owner: { type: "string" } } } } } }] }) } }, { openapi: "3.2.0" }),
    want: ["breaking: request-parameter-became-required"],
  },
];

describe("operations", () => {
  it.each(rows)("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });

  // Equivalent templates side by side (invalid, but Google's converted specs have many): each
  // operation pairs with its own path before any template match, so nothing crosses.
  it("keeps apart equivalent path templates of one document (/v1/{name}/products and /v1/{parent}/products)", async () => {
    const param = (name: string) => [{ name, in: "path", required: true, schema: { type: "string" } }];
    const twins = {
      "/v1/{name}/products": { parameters: param("name"), get: op("listSetProducts") },
      "/v1/{parent}/products": { parameters: param("parent"), get: op("listProducts"), post: op("createProduct") },
    };
    expect(await diffDocs(doc(twins), doc(twins))).toEqual([]);
    // One twin goes: that one is removed, and the other is unchanged (not renamed into it).
    const left = { "/v1/{parent}/products": twins["/v1/{parent}/products"] };
    expect((await diffDocs(doc(twins), doc(left))).map((c) => [c.rule, c.operation])).toEqual([["operation-removed", "GET /v1/{name}/products (listSetProducts)"]]);
  });

  it("names the operation and points at it", async () => {
    const [change] = await diffDocs(doc(users), doc({ "/users": users["/users"] }));
    expect(change).toMatchObject({ operation: "GET /users/{id} (getUser)", pointer: "#/paths/~1users~1{id}/get", reason: "path /users/{id} removed" });
  });
});

const payload = (values: string[]) => ({
  operationId: "orderCreated",
  requestBody: { required: true, content: json({ type: "object", properties: { status: { type: "string", enum: values } }, required: ["status"] }) },
  responses: { "200": { description: "received" } },
});
const webhooks = (values: string[], extra: Record<string, unknown> = {}) => doc({}, { webhooks: { "order.created": { post: payload(values) }, ...extra } });

describe("webhooks: the API sends the payload, so it compares like a response", () => {
  it.each<Row>([
    { name: "payload enum widened", before: webhooks(["a"]), after: webhooks(["a", "b"]), want: ["warning: response-enum-widened"] },
    { name: "payload enum narrowed", before: webhooks(["a", "b"]), after: webhooks(["a"]), want: ["minor: response-enum-narrowed"] },
    { name: "webhook removed", before: webhooks(["a"], { "order.updated": { post: { ...payload(["a"]), operationId: "orderUpdated" } } }), after: webhooks(["a"]), want: ["breaking: webhook-removed"] },
    { name: "webhook added", before: webhooks(["a"]), after: webhooks(["a"], { "order.updated": { post: { ...payload(["a"]), operationId: "orderUpdated" } } }), want: ["minor: webhook-added"] },
  ])("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });
});

// A callback: what the API sends to the URL a caller subscribed with. Its payload is the API's to
// send, so it compares like a webhook's (like a response); the caller's answer like a request.
const event = (required: string[], kinds: string[]) => ({
  requestBody: {
    required: true,
    content: json({ type: "object", required, properties: { id: { type: "string" }, kind: { type: "string", enum: kinds } } }),
  },
  responses: { "200": { description: "received" } },
});
const subscribe = (callbacks: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  doc({ "/subs": { post: op("subscribe", { callbacks, responses: { "201": { description: "subscribed" } } }) } }, extra);
const onEvent = (required: string[], kinds: string[]) => ({ onEvent: { "{$request.body#/url}": { post: event(required, kinds) } } });

describe("callbacks: the API sends the payload, so it compares like a webhook's", () => {
  it.each<Row>([
    { name: "payload lost a required field", before: subscribe(onEvent(["id", "kind"], ["a", "b"])), after: subscribe(onEvent(["kind"], ["a", "b"])), want: ["breaking: response-property-became-optional"] },
    { name: "payload enum widened", before: subscribe(onEvent(["id", "kind"], ["a", "b"])), after: subscribe(onEvent(["id", "kind"], ["a", "b", "c"])), want: ["warning: response-enum-widened"] },
    { name: "callback removed", before: subscribe(onEvent(["id"], ["a"])), after: subscribe({}), want: ["breaking: callback-removed"] },
    { name: "callback added", before: subscribe({}), after: subscribe(onEvent(["id"], ["a"])), want: ["minor: callback-added"] },
    {
      // No contract finding: the move itself is noted for review (at the operation and the new component).
      name: "the same callback moved into components/callbacks",
      before: subscribe(onEvent(["id"], ["a"])),
      after: subscribe({ onEvent: { $ref: "#/components/callbacks/OnEvent" } }, { components: { callbacks: { OnEvent: onEvent(["id"], ["a"]).onEvent } } }),
      want: ["patch: other-change", "patch: other-change"],
    },
  ])("$name", async ({ before, after, want }) => {
    expect(verdicts(await diffDocs(before, after))).toEqual([...want].sort());
  });
});
