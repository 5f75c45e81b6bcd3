// Our types target runs openapi-typescript's transform and printer without openapiTS()'s Redocly
// lint + bundle pass (see emit/types/ots-source.mjs). This proves the shortcut changes nothing: on
// our spec, the multi-file fixture, a Swagger 2.0 document and every real spec beside the repo, the
// output is byte-identical to openapiTS() run on the same loaded document.
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { loadSpec } from "../src/load/load-spec.js";
import { OTS_OPTIONS, typesSource } from "../src/emit/types/ots-source.mjs";
import { realSpecs } from "./support/real-specs.js";
import { scratchFolders } from "./scratch.js";

const here = (p: string) => new URL(p, import.meta.url).pathname;
const real = realSpecs("ots-types.test");
const swagger2 = join(scratchFolders()("ots-types-"), "swagger2.yaml");
writeFileSync(swagger2, [
  "swagger: '2.0'",
  "info: {title: t, version: '1'}",
  "paths:",
  "  /pets/{id}:",
  "    get:",
  "      operationId: getPet",
  "      parameters: [{name: id, in: path, required: true, type: integer, format: int64}]",
  "      responses:",
  "        '200': {description: ok, schema: {$ref: '#/definitions/Pet'}}",
  "definitions:",
  "  Pet: {type: object, required: [id], properties: {id: {type: integer}, tag: {type: string, x-nullable: true}, kind: {type: string, enum: [cat, dog]}}}",
  "",
].join("\n"));
const specs = [here("../../../spec/openapi.yaml"), here("./fixtures/multi-file/openapi.yaml"), swagger2, ...real];

describe("types without openapiTS()'s second lint + bundle", () => {
  it.skipIf(real.length === 0)("covers the real specs beside the repo", () => expect(real.length).toBeGreaterThan(10));
  for (const spec of specs) {
    it(`is byte-identical to openapiTS(): ${spec.split("/").slice(-2).join("/")}`, { timeout: 60_000 }, async () => {
      const { document } = await loadSpec(spec);
      const reference = astToString(await openapiTS(structuredClone(document) as never, OTS_OPTIONS));
      const ours = typesSource(structuredClone(document), { fix: false });
      expect(ours.length).toBeGreaterThan(100);
      expect(ours).toBe(reference);
    });
  }
});
