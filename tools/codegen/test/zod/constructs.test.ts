import { describe, it, expect, beforeAll } from "vitest";
import { compileZod, docWith, type Compiled } from "./compile.js";
import { AjvSpec } from "../agreement/ajv-schema.js";
import { CASES_30, CASES_31, type Case } from "./cases.js";

/**
 * Table-driven: schema → instances that must be accepted / rejected. Each expectation is also
 * checked against Ajv, so the table cannot drift from JSON Schema.
 */
function suite(version: "3.0.3" | "3.1.0", cases: Case[]) {
  describe(`constructs (OpenAPI ${version})`, () => {
    let compiled: Compiled;
    let ajv: AjvSpec;
    const names = cases.map((c, i) => `C${i}_${c.name.replace(/[^\w]+/g, "_")}`);
    beforeAll(async () => {
      const schemas: Record<string, unknown> = {};
      cases.forEach((c, i) => {
        Object.assign(schemas, c.extra ?? {});
        schemas[names[i]!] = c.schema;
      });
      compiled = await compileZod(docWith(schemas, version), `constructs-${version}`);
      ajv = new AjvSpec(compiled.spec.document, version === "3.1.0" ? "3.1" : "3.0");
    });

    cases.forEach((c, i) => {
      it(c.name, () => {
        const schema = compiled.mod.components[names[i]!];
        const validate = ajv.validator(names[i]!);
        const verdicts = (list: unknown[]) =>
          list.map((v) => ({ v: JSON.stringify(v), zod: schema.safeParse(v).success as boolean, ajv: validate(v) === true }));
        for (const r of verdicts(c.accept ?? [])) expect(r, `accept ${r.v}`).toEqual({ v: r.v, zod: true, ajv: true });
        for (const r of verdicts(c.reject ?? [])) expect(r, `reject ${r.v}`).toEqual({ v: r.v, zod: false, ajv: false });
        for (const r of verdicts(c.ajvWrong?.accept ?? [])) expect(r, `accept ${r.v} (Ajv rejects)`).toEqual({ v: r.v, zod: true, ajv: false });
        for (const r of verdicts(c.ajvWrong?.reject ?? [])) expect(r, `reject ${r.v} (Ajv accepts)`).toEqual({ v: r.v, zod: false, ajv: true });
      });
    });
  });
}

suite("3.1.0", CASES_31);
suite("3.0.3", CASES_30);
