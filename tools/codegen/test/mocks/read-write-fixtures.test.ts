/**
 * Fixtures over the wire, given/want: request fixtures without readOnly properties, response
 * fixtures without writeOnly ones (required or not), found through references, allOf/oneOf
 * branches, arrays and tuples; a value with nothing to drop is the same object (fixtures are
 * shared by identity). Then end to end: a generated module's requestFixtures and fixtures.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { overTheWire, type WireForm } from "../../src/emit/mocks/read-write-fixtures.js";
import { generate } from "../../src/generate.js";
import type { IRDocument, IRSchema } from "../../src/ir/types.js";
import { scratchFolders } from "../scratch.js";

// At the file's top: the scratch folders' removal is an afterAll hook of this file (inside a test it never ran).
const scratch = scratchFolders();

const S = (x: Partial<IRSchema>): IRSchema => ({ pointer: "#", meta: {}, ...x });
const str = (meta: IRSchema["meta"] = {}) => S({ types: ["string"], meta });
const obj = (props: Record<string, IRSchema>) => S({ types: ["object"], object: { properties: Object.entries(props).map(([name, schema]) => ({ name, schema, required: true })), requiredOnly: [] } });
const ref = (name: string, meta: IRSchema["meta"] = {}) => S({ ref: name, meta });

const named = new Map<string, IRSchema>([
  ["User", obj({ id: str({ readOnly: true }), name: str(), password: str({ writeOnly: true }) })],
  ["Stamp", S({ types: ["string"], meta: { readOnly: true } })],
]);
/** Just what the lookups read of a document: its named schemas. */
const doc = { schemaByName: new Map([...named].map(([name, schema]) => [name, { name, schema }])) } as unknown as IRDocument;
const user = { id: "u1", name: "Ada", password: "pw" };

const CASES: [string, IRSchema, unknown, WireForm, unknown][] = [
  ["a reference, request", ref("User"), user, "request", { name: "Ada", password: "pw" }],
  ["a reference, response", ref("User"), user, "response", { id: "u1", name: "Ada" }],
  ["in an array of a property", obj({ members: S({ types: ["array"], array: { items: ref("User") } }) }), { members: [user, user] }, "request", { members: [{ name: "Ada", password: "pw" }, { name: "Ada", password: "pw" }] }],
  ["a tuple's first item", S({ types: ["array"], array: { prefixItems: [ref("User")], items: str() } }), [user, "x"], "response", [{ id: "u1", name: "Ada" }, "x"]],
  ["through allOf", S({ allOf: [ref("User"), obj({ team: str() })] }), { ...user, team: "t" }, "request", { name: "Ada", password: "pw", team: "t" }],
  ["a oneOf branch", S({ oneOf: [ref("User"), obj({ other: str() })] }), user, "response", { id: "u1", name: "Ada" }],
  ["a property whose referenced schema is readOnly", obj({ at: ref("Stamp"), note: str() }), { at: "2024", note: "n" }, "request", { note: "n" }],
  ["a property readOnly beside its $ref (3.1)", obj({ owner: ref("User", { readOnly: true }), note: str() }), { owner: user, note: "n" }, "request", { note: "n" }],
  ["keys the schema does not know stay", ref("User"), { ...user, extra: 1 }, "request", { name: "Ada", password: "pw", extra: 1 }],
  ["not an object", ref("User"), "text", "request", "text"],
];

describe("fixtures over the wire", () => {
  it.each(CASES)("%s", (_what, schema, value, form, want) => {
    expect(overTheWire(value, schema, form, doc)).toEqual(want);
  });

  it("a value with nothing to drop is the same object, and the value given is never changed", () => {
    const plain = { members: [{ name: "Ada" }] };
    expect(overTheWire(plain, obj({ members: S({ types: ["array"], array: { items: obj({ name: str() }) } }) }), "request", doc)).toBe(plain);
    const copy = structuredClone(user);
    overTheWire(copy, ref("User"), "request", doc);
    expect(copy).toEqual(user);
  });

  it("end to end: requestFixtures leave readOnly properties out, fixtures writeOnly ones, components keep both", async () => {
    const dir = join(fileURLToPath(new URL("../../.tmp/", import.meta.url)), `rw-fixtures-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const root = scratch("rw-fixtures-");
    const spec = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: { "/users": { post: { operationId: "createUser", requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } } }, responses: { "201": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } } } } } } },
      components: { schemas: { User: { type: "object", required: ["id", "name", "password"], properties: { id: { type: "string", readOnly: true }, name: { type: "string" }, password: { type: "string", writeOnly: true } } } } },
    };
    writeFileSync(join(root, "spec.json"), JSON.stringify(spec));
    await generate({ spec: join(root, "spec.json"), out: join(root, "out"), targets: ["mocks"], workers: false, seed: 1 });
    // Inside the package, where the module's @specforge/runtime/mocks import resolves.
    writeFileSync(join(dir, "mocks.gen.ts"), readFileSync(join(root, "out/mocks.gen.ts")));
    writeFileSync(join(dir, "mock-schemas.gen.ts"), readFileSync(join(root, "out/mock-schemas.gen.ts")));
    try {
      const m = await import(join(dir, "mocks.gen.ts"));
      expect(Object.keys(m.requestFixtures.createUser.body).sort()).toEqual(["name", "password"]);
      expect(Object.keys(m.fixtures.createUser[201]).sort()).toEqual(["id", "name"]);
      expect(Object.keys(m.componentFixtures.User).sort()).toEqual(["id", "name", "password"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
