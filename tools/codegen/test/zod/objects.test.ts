/**
 * Object components are real zod objects: `.shape`, `.extend()`, `.pick()`, `.omit()`, `.partial()`
 * work as zod users expect, allOf of loose objects is `Base.extend(…)`, the never-throw guarantee
 * holds, and `z.infer` of each export is the generated type (checked by tsc on the module and a
 * consumer). Given/want per construct.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileZod, docWith, CODEGEN_ROOT, TMP, type Compiled } from "./compile.js";
import { TSC7 } from "../../../scripts/typescript.mjs";
// (the module is written again beside the consumer: compileZod removes its copy once imported)

const run = promisify(execFile);
const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });

const SCHEMAS = {
  Base: { type: "object", required: ["id", "kind"], properties: { id: { type: "string" }, kind: { type: "string", enum: ["a", "b"] } } },
  Child: { allOf: [ref("Base"), { type: "object", required: ["extra"], properties: { extra: { type: "integer" }, kind: { const: "a" } } }] },
  Closed: { type: "object", additionalProperties: false, properties: { x: { type: "number" } } },
  Map: { type: "object", additionalProperties: { type: "integer" } },
  Untyped: { properties: { a: { type: "string" } } },
  Either: { oneOf: [ref("Base"), ref("Closed")] },
};

describe("object components are real zod objects", () => {
  let c: Compiled;
  beforeAll(async () => {
    c = await compileZod(docWith(SCHEMAS), "objects");
  });

  const kinds: [string, boolean][] = [
    ["Base", true],
    ["Child", true],
    ["Closed", true],
    ["Map", false],
    ["Untyped", false],
    ["Either", false],
  ];
  it.each(kinds)("given %s, want a zod object: %s", (name, isObject) => {
    const s = c.mod.components[name];
    expect(typeof s.shape === "object" && typeof s.extend === "function").toBe(isObject);
  });

  it("given Base, want .shape, .pick, .omit, .partial and .extend to behave as zod's", () => {
    const { BaseSchema } = c.mod;
    expect(Object.keys(BaseSchema.shape)).toEqual(["id", "kind"]);
    expect(BaseSchema.pick({ id: true }).safeParse({ id: "1" }).success).toBe(true);
    expect(BaseSchema.omit({ kind: true }).safeParse({ id: "1" }).success).toBe(true);
    expect(BaseSchema.partial().safeParse({}).success).toBe(true);
    expect(BaseSchema.extend({ n: c.mod.ClosedSchema.shape.x }).safeParse({ id: "1", kind: "a", n: "x" }).success).toBe(false);
    // Unknown keys are kept, as JSON Schema says.
    expect(BaseSchema.parse({ id: "1", kind: "b", other: 1 })).toEqual({ id: "1", kind: "b", other: 1 });
  });

  it("given allOf [Base, {…}], want Base.extend with both schemas on a property declared twice", () => {
    expect(c.code).toMatch(/\$extend\(\[\$z\(BaseSchema\)\], \{ kind: \$and\(\$prop\(BaseSchema, "kind"\), \$enum\(\["a"\]\)\), extra: /);
    const { ChildSchema } = c.mod;
    expect(ChildSchema.safeParse({ id: "1", kind: "a", extra: 2 }).success).toBe(true);
    expect(ChildSchema.safeParse({ id: "1", kind: "b", extra: 2 }).success).toBe(false); // const "a" and the enum both apply
    expect(ChildSchema.safeParse({ id: "1", kind: "a" }).success).toBe(false);
    expect(Object.keys(ChildSchema.shape).sort()).toEqual(["extra", "id", "kind"]);
  });

  it("given input that makes a validator throw, want an issue (the never-throw guarantee)", () => {
    const throwing = new Proxy({}, { get: () => { throw new Error("boom"); }, ownKeys: () => { throw new Error("boom"); } });
    expect(c.mod.BaseSchema.safeParse(throwing).success).toBe(false);
  });

  it("z.infer of each export is the generated type (tsc)", async () => {
    const consumer = join(TMP, "objects", "infer-check.ts");
    writeFileSync(join(TMP, "objects", "objects.gen.ts"), c.code);
    const mod = "./objects.gen.js";
    writeFileSync(
      consumer,
      [
        `import type { z } from "zod";`,
        `import type * as M from ${JSON.stringify(mod)};`,
        `type Eq<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;`,
        ...Object.keys(SCHEMAS).map((n) => `export const ${n.toLowerCase()}: Eq<z.infer<typeof M.${n}Schema>, M.${n}> = true;`),
        `export const picked: Eq<z.infer<ReturnType<typeof M.BaseSchema.pick<{ id: true }>>>, { id: string }> = true;`,
        `export const extended: Eq<z.infer<ReturnType<typeof M.BaseSchema.partial>>, { id?: string | undefined; kind?: "a" | "b" | undefined }> = true;`,
      ].join("\n") + "\n",
    );
    const out = await run(process.execPath, [TSC7, "--ignoreConfig", "--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", consumer], { encoding: "utf8" }).then(
      () => "",
      (e: { stdout: string }) => e.stdout,
    );
    expect(out).toBe("");
  });
});
