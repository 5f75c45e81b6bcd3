/**
 * The parameter styles the generated client's metadata carries: only what the runtime's defaults
 * (path `simple`; query arrays `form` exploded, objects `deepObject`) would get wrong, so an
 * operation with default styles has neither `template` nor `query`. Given a parameter as a spec
 * writes it (3.0, 3.1, or 2.0's collectionFormat), want what the runtime is told.
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/ir/build-model.js";
import { paramStyles } from "../../src/emit/client/param-styles.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();

async function stylesOf(doc: object) {
  const file = join(scratch("param-styles-"), "spec.json");
  writeFileSync(file, JSON.stringify(doc));
  const model = buildModel(await loadSpec(file));
  const named = new Map(model.schemas.map((n) => [n.name, n.schema]));
  return paramStyles(model.operations[0]!, (name) => named.get(name));
}

const op3 = (path: string, parameters: object[]) => ({
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: { [path]: { get: { parameters, responses: { "200": { description: "ok" } } } } },
  components: { schemas: { Filter: { type: "object", properties: { a: { type: "string" } } }, Via: { allOf: [{ $ref: "#/components/schemas/Filter" }] } } },
});
const q = (name: string, schema: object, extra: object = {}) => ({ name, in: "query", schema, ...extra });
const p = (name: string, extra: object = {}) => ({ name, in: "path", required: true, schema: { type: "array", items: { type: "string" } }, ...extra });
const strings = { type: "array", items: { type: "string" } };

describe("paramStyles", () => {
  it.each([
    ["defaults only: nothing", "/x", [q("ids", strings), q("n", { type: "integer" }), p("id")] as object[], {}],
    ["form, explode: false → ?ids=1,2", "/x", [q("ids", strings, { explode: false })], { query: { ids: ["form", false] } }],
    ["a primitive reads the same in every style: nothing", "/x", [q("n", { type: "integer" }, { explode: false }), q("s", { type: "string", enum: ["a"] }, { style: "pipeDelimited" })], {}],
    ["no type at all: the style decides", "/x", [q("any", {}, { explode: false })], { query: { any: ["form", false] } }],
    ["pipeDelimited and spaceDelimited", "/x", [q("a", strings, { style: "pipeDelimited", explode: false }), q("b", strings, { style: "spaceDelimited", explode: false })], { query: { a: ["pipeDelimited", false], b: ["spaceDelimited", false] } }],
    ["an object, no style: form exploded (?a=1), not openapi-fetch's deepObject", "/x", [q("f", { $ref: "#/components/schemas/Filter" })], { query: { f: ["form", true] } }],
    ["an object through allOf of a reference", "/x", [q("f", { $ref: "#/components/schemas/Via" })], { query: { f: ["form", true] } }],
    ["deepObject is openapi-fetch's default: nothing", "/x", [q("f", { $ref: "#/components/schemas/Filter" }, { style: "deepObject", explode: true })], {}],
    ["a deepObject array (Stripe's expand): indexed, ?expand[0]=a", "/x", [q("expand", strings, { style: "deepObject", explode: true })], { query: { expand: ["deepObject", true] } }],
    ["path label, matrix exploded, simple exploded", "/x/{a}/{b}/{c}", [p("a", { style: "label" }), p("b", { style: "matrix", explode: true }), p("c", { explode: true })], { template: "/x/{.a}/{;b*}/{c*}" }],
    ["a content-typed parameter is not styled", "/x", [{ name: "j", in: "query", content: { "application/json": { schema: { type: "object" } } } }], {}],
  ])("%s", async (_, path, parameters, want) => {
    expect(await stylesOf(op3(path, parameters))).toEqual(want);
  });

  it("2.0's collectionFormat: csv, pipes, ssv, multi", async () => {
    const doc = {
      swagger: "2.0",
      info: { title: "t", version: "1" },
      paths: {
        "/x": {
          get: {
            parameters: ["csv", "pipes", "ssv", "multi"].map((f) => ({ name: f, in: "query", type: "array", items: { type: "string" }, collectionFormat: f })),
            responses: { "200": { description: "ok" } },
          },
        },
      },
    };
    expect(await stylesOf(doc)).toEqual({ query: { csv: ["form", false], pipes: ["pipeDelimited", false], ssv: ["spaceDelimited", false] } });
  });
});
