/**
 * The mocks target end to end on a small spec: files, byte-identical re-runs, the generated
 * module's exports and factories (imported and run, the engine from @specforge/runtime/mocks), the
 * mock spec, MSW path syntax, and the engine being self-contained (one module folder the
 * runtime publishes and the generator compiles into its build).
 */
import { afterAll, describe, expect, it, beforeAll } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generate } from "../../src/generate.js";
import { mswPath } from "../../src/emit/mocks/module-msw.js";
import { DocumentValidator } from "./ajv-support.js";
import { loadSpec } from "../../src/load/load-spec.js";
import { scratchFolders } from "../scratch.js";

const specFile = fileURLToPath(new URL("./fixtures/shop.yaml", import.meta.url));
const engineDir = fileURLToPath(new URL("../../../../packages/runtime/src/mocks/", import.meta.url));
let out: string;
let mocks: Record<string, any>;
let ajv: DocumentValidator;

const scratch = scratchFolders();
const read = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => [join(d.parentPath, d.name).slice(dir.length), readFileSync(join(d.parentPath, d.name), "utf8")]));

beforeAll(async () => {
  // Inside the package: the output imports @specforge/runtime/mocks, resolved as a consumer would.
  const inPackage = fileURLToPath(new URL("../../.tmp/", import.meta.url));
  mkdirSync(inPackage, { recursive: true });
  out = join(mkdtempSync(join(inPackage, "mocks-emit-")), "out");
  await generate({ spec: specFile, out, targets: ["mocks"], seed: 1 });
  mocks = await import(pathToFileURL(join(out, "mocks.gen.ts")).href);
  const spec = await loadSpec(specFile);
  ajv = new DocumentValidator(spec.document, spec.sourceVersion);
});
afterAll(() => rmSync(dirname(out), { recursive: true, force: true }));

describe("mocks target", () => {
  it("writes mocks.gen.ts, msw.gen.ts, the engine, its schema table and the mock spec — byte-identical on re-run", async () => {
    const first = read(out);
    expect(Object.keys(first).sort()).toEqual(expect.arrayContaining(["/mocks.gen.ts", "/msw.gen.ts", "/mock-schemas.gen.ts", "/openapi.mock.json", "/index.ts"]));
    expect(Object.keys(first).filter((f) => f.includes("mock-engine"))).toEqual([]);
    expect(first["/mocks.gen.ts"]).toMatch(/^import \{ MockGenerator, type MockSchema \} from "@specforge\/runtime\/mocks";$/m);
    await generate({ spec: specFile, out, targets: ["mocks"], seed: 1 });
    expect(read(out)).toEqual(first);
    const other = join(scratch("mocks-emit-"), "out");
    await generate({ spec: specFile, out: other, targets: ["mocks"], seed: 2 });
    expect(read(other)["/mocks.gen.ts"]).not.toEqual(first["/mocks.gen.ts"]);
  });

  it("exports componentFixtures, fixtures, responseFixtures and webhook fixtures in the documented shape", () => {
    expect(Object.keys(mocks.componentFixtures)).toEqual(["User", "Problem", "Shape", "Circle", "Square", "weird name-2"]);
    expect(mocks.fixtures.listUsers[200]).toHaveLength(2);
    expect(mocks.responseFixtures.listUsers["200"]["application/json"]).toBe(mocks.fixtures.listUsers[200]);
    expect(Object.keys(mocks.responseFixtures.listUsers)).toEqual(["200", "4XX", "default"]);
    expect(mocks.responseFixtures["DELETE /users/{user-id}"]).toEqual({ "204": {}, "404": { "application/problem+json": expect.any(Object) } });
    expect(mocks.responseFixtures.health["200"]["text/plain"]).toBe("ok");
    expect(mocks.responseFixtures.listShapes["200"]["application/json"]).toEqual([{ kind: "circle", radius: 1 }, { kind: "square", side: 2 }, { kind: "circle", radius: 3 }]);
    expect(mocks.responseFixtures.chat["200"]["text/event-stream"]).toMatch(/^data: \{"kind":"(circle|square)".*\}\n\ndata: /);
    expect(mocks.webhookFixtures["user.created"]["application/json"]).toBe(mocks.webhookEvents["user.created"]);
    expect(JSON.parse(JSON.stringify(mocks.responseFixtures))).toEqual(mocks.responseFixtures);
    for (const [name, value] of Object.entries(mocks.componentFixtures)) expect(ajv.check(`#/components/schemas/${name.replace(/\//g, "~1")}`, value)).toBeUndefined();
  });

  it("factories: fresh copies, shallow overrides, undefined removes, seeds give other valid fixtures", () => {
    const a = mocks.makeUser();
    expect(a).toEqual(mocks.componentFixtures.User);
    expect(a).not.toBe(mocks.componentFixtures.User);
    a.name = "changed";
    expect(mocks.componentFixtures.User.name).not.toBe("changed");
    expect(mocks.makeUser({ role: "admin", name: "Root" })).toMatchObject({ role: "admin", name: "Root", email: mocks.componentFixtures.User.email });
    expect(mocks.makeUser({ active: undefined })).not.toHaveProperty("active");
    const seven = mocks.makeUser({}, { seed: 7 });
    expect(seven).not.toEqual(mocks.componentFixtures.User);
    expect(mocks.makeUser({}, { seed: 7 })).toEqual(seven);
    expect(ajv.check("#/components/schemas/User", seven)).toBeUndefined();
    expect(mocks.makeUser({}, { seed: 1 })).toEqual(mocks.componentFixtures.User);
    expect(mocks.makeWeirdName2()).toMatch(/^[A-Z]{2}\d$/);
    for (let s = 2; s < 30; s++) expect(ajv.check("#/components/schemas/Shape", mocks.makeShape({}, { seed: s }))).toBeUndefined();
  });

  it("the mock spec carries a fixture example on every response media type that had none", () => {
    const doc = JSON.parse(readFileSync(join(out, "openapi.mock.json"), "utf8"));
    expect(doc.paths["/users"].get.responses["200"].content["application/json"].example).toEqual(mocks.fixtures.listUsers[200]);
    expect(doc.components.responses.Problem.content["application/problem+json"].example).toEqual(mocks.componentFixtures.Problem);
    expect(Object.keys(doc.paths["/shapes"].get.responses["200"].content["application/json"].examples)).toEqual(["three"]);
    expect(doc.paths["/users/{id}/avatar"].get.responses["200"].content["image/png"].example).toBe("binary-content");
    // A documented framing header is the transport's: Prism would make up a value that breaks HTTP.
    expect(Object.keys(doc.paths["/users"].get.responses["200"].headers)).toEqual(["X-Total-Count"]);
  });

  it("converts OpenAPI paths to MSW paths", () => {
    expect(mswPath("/users/{id}")).toBe("/users/:id");
    expect(mswPath("/users/{user-id}/posts/{post.id}")).toBe("/users/:user_id/posts/:post_id");
    expect(mswPath("/v1/{name}:cancel")).toBe("/v1/:name\\:cancel");
    expect(mswPath("/files/{path}.json")).toBe("/files/:path.json");
    expect(mswPath("/responses/{id}?beta=true")).toBe("/responses/:id");
    expect(mswPath("/cookies#formExploded")).toBe("/cookies");
    expect(mswPath("/a*b")).toBe("/a\\*b");
  });

  it("keeps the engine self-contained (one folder: the runtime publishes it, the generator compiles it)", () => {
    for (const f of readdirSync(engineDir)) {
      const imports = [...readFileSync(join(engineDir, f), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
      for (const i of imports) expect(i, `${f} imports ${i}`).toMatch(/^\.\/[a-z-]+\.js$/);
    }
  });
});
