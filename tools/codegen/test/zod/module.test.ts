import { describe, it, expect, beforeAll } from "vitest";
import { compileZod, docWith, type Compiled } from "./compile.js";
import { realSpec } from "../support/real-specs.js";
import { HOSTILE } from "./hostile.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A 3.1 document exercising the module's exported shape. */
const DOC = docWith(
  {
    "Pet-Status": { type: "string", enum: ["available", "sold"], deprecated: true, description: "Where the pet is." },
    User: {
      type: "object",
      required: ["id", "name", "password"],
      properties: {
        id: { type: "string", readOnly: true },
        name: { type: "string", default: "anon" },
        password: { type: "string", writeOnly: true, minLength: 8 },
        friend: ref("User"),
        status: ref("Pet-Status"),
      },
    },
    Team: { type: "object", properties: { members: { type: "array", items: ref("User") } } },
    Event: { type: "object", required: ["kind"], properties: { kind: { const: "delta" }, text: { type: "string" } } },
    "200": { type: "integer" },
    Shape: { oneOf: [ref("Circle"), ref("Square")], discriminator: { propertyName: "kind" } },
    Circle: { type: "object", required: ["kind", "r"], properties: { kind: { const: "circle", readOnly: true }, r: { type: "number" } } },
    Square: { type: "object", required: ["kind", "side"], properties: { kind: { const: "square", readOnly: true }, side: { type: "number" } } },
  },
  "3.1.0",
  {
    paths: {
      "/users/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        get: {
          operationId: "getUser",
          parameters: [
            { name: "expand", in: "query", schema: { type: "boolean" } },
            { name: "X-Request-Id", in: "header", required: true, schema: { type: "string" } },
          ],
          responses: { "200": { description: "ok", content: { "application/json": { schema: ref("User") } } }, default: { description: "err" } },
        },
        put: {
          requestBody: { required: true, content: { "application/json": { schema: ref("User") } } },
          responses: { "204": { description: "done", headers: { "X-Rate-Limit": { required: true, schema: { type: "integer" } } } } },
        },
      },
      "/shapes": {
        post: {
          operationId: "createShape",
          requestBody: { content: { "application/json": { schema: ref("Shape") } } },
          responses: { "201": { description: "created", content: { "application/json": { schema: ref("Shape") } } } },
        },
      },
      "/events": {
        get: {
          operationId: "streamEvents",
          responses: { "200": { description: "sse", content: { "text/event-stream": { schema: { type: "string" }, "x-sse-event-schema": ref("Event") } } } },
        },
      },
    },
    webhooks: {
      "user.created": { post: { requestBody: { content: { "application/json": { schema: ref("User") } } }, responses: { "200": { description: "ok" } } } },
    },
  },
);

describe("zod.gen.ts module", () => {
  let c: Compiled;
  beforeAll(async () => {
    c = await compileZod(DOC, "module");
  });

  it("exports a schema per component under `${ident}Schema` and by original name in `components`", () => {
    // (a JS object lists integer-like keys first)
    expect(Object.keys(c.mod.components).sort()).toEqual(["200", "Circle", "Event", "Pet-Status", "Shape", "Square", "Team", "User"]);
    expect(c.mod.components["Pet-Status"]).toBe(c.mod.PetStatusSchema);
    expect(c.mod.components["200"]).toBe(c.mod._200Schema);
    expect(c.code).toMatch(/export type PetStatus = "available" \| "sold";/);
    expect(c.code).toMatch(/export const UserSchema: \$Object<User, \{\n  id: z\.ZodType<string>;/);
    expect(c.code).toMatch(/export const ShapeSchema: z\.ZodType<Shape> = /);
    expect(c.code).toMatch(/@deprecated/);
    expect(c.mod.PetStatusSchema.safeParse("sold").success).toBe(true);
  });

  it("keeps unknown keys (never strips) and applies no defaults", () => {
    const input = { id: "1", name: "n", password: "12345678", extra: { deep: true } };
    expect(c.mod.UserSchema.parse(input)).toEqual(input);
    expect(c.mod.UserSchema.safeParse({ id: "1", password: "12345678" }).success).toBe(false); // default does not make `name` optional
  });

  it("exports each operation's request and response schemas", () => {
    const op = c.mod.operations.getUser;
    expect(op).toBe(c.mod.getUserOperation);
    expect(op.request.path.safeParse({ id: "123e4567-e89b-12d3-a456-426614174000" }).success).toBe(true);
    expect(op.request.path.safeParse({ id: "nope" }).success).toBe(false);
    expect(op.request.query.safeParse({}).success).toBe(true);
    expect(op.request.query.safeParse({ expand: "yes" }).success).toBe(false);
    expect(op.request.header.safeParse({ "x-request-id": "r" }).success).toBe(true);
    expect(op.request.header.safeParse({}).success).toBe(false);
    expect(Object.keys(op.responses)).toEqual(["200", "default"]);
    expect(op.responses.default).toEqual({});
    // no operationId: keyed `METHOD path`
    const put = c.mod.operations["PUT /users/{id}"];
    expect(put.request.bodyRequired).toBe(true);
    expect(put.responseHeaders["204"].safeParse({ "x-rate-limit": 5 }).success).toBe(true);
    expect(put.responseHeaders["204"].safeParse({}).success).toBe(false);
  });

  it("leaves readOnly properties out of requests and writeOnly ones out of responses", () => {
    const body = c.mod.operations["PUT /users/{id}"].request.body["application/json"];
    const response = c.mod.operations.getUser.responses["200"]["application/json"];
    expect(body).toBe(c.mod.User_RequestSchema);
    expect(response).toBe(c.mod.User_ResponseSchema);
    expect(body.safeParse({ name: "n", password: "12345678" }).success).toBe(true); // no id needed
    expect(body.safeParse({ name: "n" }).success).toBe(false);
    expect(response.safeParse({ id: "1", name: "n" }).success).toBe(true); // no password needed
    expect(response.safeParse({ name: "n" }).success).toBe(false);
    // the variant recurses into its own variant
    expect(response.safeParse({ id: "1", name: "n", friend: { name: "m" } }).success).toBe(false);
    expect(response.safeParse({ id: "1", name: "n", friend: { id: "2", name: "m" } }).success).toBe(true);
    // Team references User: it has variants too; the neutral form is JSON Schema's
    expect(c.mod.Team_RequestSchema.safeParse({ members: [{ name: "n", password: "12345678" }] }).success).toBe(true);
    expect(c.mod.TeamSchema.safeParse({ members: [{ name: "n", password: "12345678" }] }).success).toBe(false);
  });

  it("dispatches on a discriminator only where the variant declares it", () => {
    const op = c.mod.operations.createShape;
    expect(op.request.body["application/json"].safeParse({ r: 1 }).success).toBe(true); // kind is readOnly: not sent
    expect(op.request.body["application/json"].safeParse({ r: 1, side: 2 }).success).toBe(false); // both branches match
    expect(op.responses["201"]["application/json"].safeParse({ r: 1 }).success).toBe(false); // responses carry kind
    expect(op.responses["201"]["application/json"].safeParse({ kind: "circle", r: 1 }).success).toBe(true);
    expect(op.responses["201"]["application/json"].safeParse({ kind: "square", r: 1 }).success).toBe(false);
  });

  it("exports webhook payloads and server-sent event schemas", () => {
    expect(c.mod.webhooks["user.created"].safeParse({ id: "1", name: "n" }).success).toBe(true);
    expect(c.mod.webhookOperations["user.created"].method).toBe("post");
    const events = c.mod.operations.streamEvents.events["200"]["text/event-stream"];
    expect(events).toBe(c.mod.EventSchema);
    expect(events.safeParse({ kind: "delta", text: "hi" }).success).toBe(true);
    expect(events.safeParse({ kind: "done" }).success).toBe(false);
  });

  it("is deterministic", async () => {
    const again = await compileZod(DOC, "module-again");
    expect(again.code.replace(/module-again/g, "module")).toBe(c.code);
  });
});

describe("names that could shadow globals or helpers", () => {
  it("load and validate", async () => {
    const c = await compileZod(HOSTILE, "hostile");
    expect(c.mod.components.Record).toBe(c.mod.RecordSchema);
    expect(c.mod.components.__proto__).toBe(c.mod.ProtoSchema);
    expect(c.mod.components.z).toBe(c.mod.ZSchema);
    expect(c.mod.RecordSchema.safeParse({ next: { list: ["a/b"] } }).success).toBe(true);
    expect(c.mod.RecordSchema.safeParse({ next: { list: ["a/c"] } }).success).toBe(false);
    const query = c.mod.operations.components.request.query;
    expect(query.safeParse({}).success).toBe(true);
    expect(query.safeParse({ constructor: "x" }).success).toBe(true);
    expect(query.safeParse({ constructor: 1 }).success).toBe(false);
    expect(query.safeParse(JSON.parse('{"__proto__": 1}')).success).toBe(false);
    expect(query.safeParse(JSON.parse('{"__proto__": "x"}')).success).toBe(true);
  });
});

/** Inputs nothing in JSON produces: validators must return issues (or success), never throw. */
function oddInputs(): unknown[] {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  cyclic.children = [cyclic];
  let deep: Record<string, unknown> = {};
  for (let i = 0; i < 20000; i++) deep = { child: deep };
  let shared: Record<string, unknown> = {};
  for (let i = 0; i < 30; i++) shared = { child: shared, children: [shared, shared], value: shared, items: [shared] };
  let deepArray: unknown[] = [];
  for (let i = 0; i < 20000; i++) deepArray = [deepArray];
  const throwing = new Proxy({}, { get: () => { throw new Error("boom"); }, ownKeys: () => { throw new Error("boom"); } });
  const getter = Object.defineProperty({}, "id", { enumerable: true, get: () => { throw new Error("boom"); } });
  return [
    undefined, NaN, Infinity, -0, 2 ** 1024, 1e308, BigInt(1), Symbol("s"), () => 1, new Date(), new Map(), /x/,
    Object.create(null), JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}'),
    [, 1], "x".repeat(100000), "\ud800", cyclic, deep, shared, deepArray, throwing, getter, new Uint8Array(3),
  ];
}

describe("validators never throw", () => {
  const specs = ["openfga.json", "ory-kratos.json", "redocly-museum.yaml"].flatMap((f) => realSpec("zod/module.test", f) ?? []);
  for (const spec of specs) {
    it(`on odd inputs (${spec.split("/").pop()}: every component, operation and webhook schema)`, async () => {
      const c = await compileZod(spec, `odd-${spec.split("/").pop()}`);
      const schemas: unknown[] = [...Object.values(c.mod.components)];
      for (const op of Object.values(c.mod.operations) as { request: Record<string, unknown>; responses: Record<string, Record<string, unknown>> }[]) {
        for (const [k, v] of Object.entries(op.request)) schemas.push(...(k === "body" ? Object.values(v as object) : k === "bodyRequired" ? [] : [v]));
        for (const r of Object.values(op.responses)) schemas.push(...Object.values(r));
      }
      const inputs = oddInputs();
      let checked = 0;
      for (const s of schemas as { safeParse(v: unknown): { success: boolean } }[]) {
        for (const v of inputs) {
          expect(() => s.safeParse(v)).not.toThrow();
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  }

  it("on deep and cyclic inputs to recursive schemas", async () => {
    const c = await compileZod(
      docWith({ Tree: { type: "object", properties: { child: ref("Tree"), children: { type: "array", items: ref("Tree") } } }, A: { anyOf: [ref("B"), { type: "null" }] }, B: { type: "object", properties: { a: ref("A") } } }),
      "odd-recursive",
    );
    for (const v of oddInputs()) {
      for (const s of [c.mod.TreeSchema, c.mod.ASchema, c.mod.BSchema]) expect(() => s.safeParse(v)).not.toThrow();
    }
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 50000; i++) deep = { child: deep };
    expect(c.mod.TreeSchema.safeParse(deep).success).toBe(false);
    let ok: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) ok = { child: ok, children: [ok] };
    expect(c.mod.TreeSchema.safeParse(ok).success).toBe(true);
  });
});
