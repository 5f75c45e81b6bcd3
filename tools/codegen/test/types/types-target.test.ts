/**
 * What openapi-typescript writes that tsc rejects, given/want: schemas that reach themselves
 * outside an object (TS2502) and references into places that are not component schemas (TS2339).
 * Each output is compiled with `tsc --strict` and a value is checked against the type.
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../src/generate.js";
import { scratchFolders } from "../scratch.js";
import { TSC5, TSC7 } from "../../../scripts/typescript.mjs";

const run = promisify(execFile);
const tsc = TSC7;
const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });

interface Case {
  name: string;
  schemas: Record<string, unknown>;
  paths?: Record<string, unknown>;
  /** Other component sections (parameters…). */
  components?: Record<string, unknown>;
  /** Text the types must contain. */
  want: RegExp[];
  /** A consumer line that must type-check against the output. */
  use: string;
}

const CASES: Case[] = [
  {
    name: "names holding % (openapi-typescript's pointers percent-decoded them: URI malformed, or another path)",
    schemas: { "Rate%Limit": { type: "object", properties: { n: { type: "integer" } } }, "Pct%41": { type: "string" } },
    paths: { "/files/{id}%2Fraw": { get: { operationId: "get%zz", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "ok", content: { "application/json": { schema: ref("Rate%25Limit") } } } } } } },
    want: [/"Rate%Limit": \{/, /"Pct%41": string;/, /"\/files\/\{id\}%2Fraw": \{/],
    use: `const r: paths["/files/{id}%2Fraw"]["get"]["responses"][200]["content"]["application/json"] = { n: 1 }; const p: components["schemas"]["Pct%41"] = "x"; void r; void p;`,
  },
  {
    name: "JSON-like recursion through an array (W: string | W[])",
    schemas: { W: { oneOf: [{ type: "string" }, { type: "array", items: ref("W") }] } },
    want: [/W: \$Cyclic0;/, /type \$Cyclic0 = string \| \$Cyclic0\[\];/],
    use: `const w: components["schemas"]["W"] = ["a", ["b", []]];`,
  },
  {
    name: "type null with oneOf (openapi-typescript's V: null & (string | V[]))",
    schemas: { V: { type: "null", oneOf: [{ type: "string" }, { type: "array", items: ref("V") }] } },
    want: [/type \$Cyclic0 = null & \(string \| \$Cyclic0\[\]\);/],
    use: `const v: components["schemas"]["V"] | undefined = undefined;`,
  },
  {
    name: "a tuple of itself, and mutual recursion through arrays",
    schemas: { T: { type: "array", prefixItems: [ref("T")] }, P: { type: "array", items: ref("Q") }, Q: { anyOf: [{ type: "integer" }, ref("P")] } },
    want: [/T: \$Cyclic\d;/, /P: \$Cyclic\d;/, /Q: \$Cyclic\d;/],
    use: `const q: components["schemas"]["Q"] = [1, [2]];`,
  },
  {
    name: "nothing but unions in between: unknown, said in a comment",
    schemas: { A: { anyOf: [ref("B"), { type: "object", properties: { x: { type: "string" } } }] }, B: { anyOf: [ref("A"), { type: "null" }] } },
    want: [/\/\*\* A reference cycle with nothing but unions in between: no TypeScript type can state it\. \*\/\ntype \$Cyclic\d = unknown;/],
    use: `const a: components["schemas"]["A"] = 1;`,
  },
  {
    name: "recursion through an object stays as openapi-typescript wrote it",
    schemas: { O: { type: "object", properties: { self: ref("O") } } },
    want: [/self\?: components\["schemas"\]\["O"\];/],
    use: `const o: components["schemas"]["O"] = { self: {} };`,
  },
  {
    name: "references into a schema's definitions and into a path's parameter are hoisted",
    schemas: {
      Account: { type: "object", properties: { status: { $ref: "#/components/schemas/Account/definitions/accountStatus" } }, definitions: { accountStatus: { type: "string", enum: ["open", "closed"] } } },
      Filter: { type: "object", properties: { id: { $ref: "#/paths/~1a/get/parameters/0/schema" } } },
    },
    paths: { "/a": { get: { parameters: [{ name: "id", in: "query", schema: { type: "integer" } }], responses: { "200": { description: "ok" } } } } },
    want: [/Account_definitions_accountStatus: "open" \| "closed";/, /status\?: components\["schemas"\]\["Account_definitions_accountStatus"\];/, /id\?: components\["schemas"\]\["\/a_get_parameters_0"\];/],
    use: `const acc: components["schemas"]["Account"] = { status: "open" }; const f: components["schemas"]["Filter"] = { id: 1 };`,
  },
  {
    // enode's spec (APIs.guru): openapi-typescript wrote paths["/a"]["get"]["parameters"]["query"]["field[]"], through an optional member.
    name: "a parameter that references another operation's parameter is hoisted to components.parameters",
    schemas: {},
    paths: {
      "/a": { get: { parameters: [{ name: "field[]", in: "query", schema: { type: "array", items: { type: "string" } } }], responses: { "200": { description: "ok" } } } },
      "/b": { get: { parameters: [{ $ref: "#/paths/~1a/get/parameters/0" }], responses: { "200": { description: "ok" } } } },
    },
    want: [/"field\[\]"\?: components\["parameters"\]\["a_get_parameters_0"\];/],
    use: `const q: NonNullable<paths["/b"]["get"]["parameters"]["query"]> = { "field[]": ["x"] }; void q;`,
  },
  {
    // codat's assess spec (APIs.guru): openapi-typescript wrote components["parameters"]["companyId"]["schema"].
    name: "a schema reference into a parameter component's schema is hoisted",
    schemas: { Event: { type: "object", properties: { companyId: { $ref: "#/components/parameters/companyId/schema" } } } },
    components: { parameters: { companyId: { name: "companyId", in: "path", required: true, schema: { type: "string", format: "uuid" } } } },
    want: [/companyId\?: components\["schemas"\]\["companyId_schema"\];/],
    use: `const e: components["schemas"]["Event"] = { companyId: "x" }; void e;`,
  },
  {
    // Plaid's Cause (APIs.guru): allOf a nullable PlaidError, with its properties required; tsc rejected WithRequired (TS2344).
    name: "properties required of a nullable referenced schema",
    schemas: {
      E: { type: ["object", "null"], properties: { code: { type: "string" } } },
      Cause: { type: "object", allOf: [ref("E"), { properties: { id: { type: "string" } } }], required: ["code", "id"] },
    },
    want: [/WithRequired<components\["schemas"\]\["E"\], "code">/],
    use: `const c: components["schemas"]["Cause"] = { code: "x", id: "y" };\n  // @ts-expect-error code is required\n  const d: components["schemas"]["Cause"] = { id: "y" };\n  const e: components["schemas"]["E"] = null;\n  void [c, d, e];`,
  },
  {
    name: "an object with an enum of strings (mercedes-benz's ProductGroup: openapi-typescript threw): never, as the zod module",
    schemas: {
      G: { type: "object", description: "A product group.", properties: { name: { type: "string" } }, required: ["name"], enum: ["PKW", "VAN"] },
      H: { type: "object", enum: [{ a: 1 }, "x"] },
    },
    want: [/G: never;/],
    use: `const g: never = null as unknown as components["schemas"]["G"]; const h: components["schemas"]["H"] | undefined = undefined; void g; void h;`,
  },
  {
    name: "a discriminator without mapping whose members state their value (OpenAI's messages: role was typed as the schema name)",
    schemas: {
      Message: { oneOf: [ref("UserMessage"), ref("SystemMessage"), ref("NoValue")], discriminator: { propertyName: "role" } },
      UserMessage: { type: "object", required: ["role", "content"], properties: { role: { type: "string", enum: ["user"] }, content: { type: "string" } } },
      SystemMessage: { type: "object", required: ["role"], properties: { role: { const: "system" } } },
      NoValue: { type: "object", required: ["role"], properties: { role: { type: "string" } } },
      Pet: { type: "object", required: ["kind"], properties: { kind: { type: "string" } }, discriminator: { propertyName: "kind", mapping: { dog: "#/components/schemas/Dog" } } },
      Cat: { allOf: [ref("Pet"), { type: "object", properties: { kind: { type: "string", enum: ["cat"] } } }] },
      Dog: { allOf: [ref("Pet"), { type: "object", properties: { kind: { type: "string", enum: ["dog"] } } }] },
      // A name holding `%`: the mapping written for it must survive openapi-typescript's percent-decoding.
      "Bird%Song": { allOf: [ref("Pet"), { type: "object", properties: { kind: { const: "bird" } } }] },
    },
    want: [/role: "user";/, /role: "system";/, /role: "NoValue";/],
    use: `const m: components["schemas"]["Message"][] = [{ role: "user", content: "hi" }, { role: "system" }, { role: "NoValue" }];
  // @ts-expect-error the schema name is not the value
  const n: components["schemas"]["Message"] = { role: "UserMessage", content: "hi" };
  const c: components["schemas"]["Cat"] = { kind: "cat" };
  // A member the mapping names already is left as it is.
  const d: components["schemas"]["Dog"] = { kind: "dog" };
  const b: components["schemas"]["Bird%Song"] = { kind: "bird" };
  void [m, n, c, d, b];`,
  },
  {
    name: "a mapping value that is a bare schema name (OAS allows it; openapi-typescript resolves only #/ references)",
    schemas: {
      Shape: { oneOf: [ref("Circle"), ref("Square")], discriminator: { propertyName: "kind", mapping: { circle: "Circle", square: "#/components/schemas/Square" } } },
      Circle: { type: "object", required: ["kind"], properties: { kind: { type: "string" }, r: { type: "number" } } },
      Square: { type: "object", required: ["kind"], properties: { kind: { type: "string" }, side: { type: "number" } } },
    },
    want: [/kind: "circle";/, /kind: "square";/],
    use: `const s: components["schemas"]["Shape"][] = [{ kind: "circle", r: 1 }, { kind: "square", side: 2 }];
  // @ts-expect-error the schema name is not the value
  const t: components["schemas"]["Circle"] = { kind: "Circle", r: 1 };
  void [s, t];`,
  },
];

describe("types target: what tsc would reject", () => {
  const root = scratchFolders()("types-target-");
  mkdirSync(join(root, "node_modules"));
  symlinkSync(new URL("../../node_modules/zod", import.meta.url).pathname, join(root, "node_modules/zod"), "dir");
  const outs = CASES.map((_, i) => join(root, `c${i}`));

  it.each(CASES.map((c, i) => [c.name, i] as const))("%s", async (_name, i) => {
    const { schemas, paths, components, want, use } = CASES[i]!;
    const dir = outs[i]!;
    mkdirSync(dir);
    writeFileSync(join(dir, "spec.json"), JSON.stringify({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: paths ?? {}, components: { ...components, schemas } }));
    await generate({ spec: join(dir, "spec.json"), out: join(dir, "out"), targets: ["types", "zod"], workers: false });
    const types = readFileSync(join(dir, "out/types.gen.ts"), "utf8");
    for (const re of want) expect(types).toMatch(re);
    writeFileSync(join(dir, "use.ts"), `import type { components, paths } from "./out/types.gen.js";\nexport function use(): void {\n  ${use}\n}\n`);
  });

  it("every output and its consumer compile under --strict, on TypeScript 7 and 5.9 (one tsc each)", async () => {
    const files = outs.flatMap((d) => [join(d, "use.ts"), join(d, "out/zod.gen.ts")]);
    // Both compilers users run: what openapi-typescript writes is where they may disagree. (7 wants
    // --ignoreConfig to check files named on the command line beside a tsconfig.json; 5.9 has no such flag.)
    const check = (compiler: string[]) =>
      run(process.execPath, [...compiler, "--strict", "--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "--skipLibCheck", ...files], { encoding: "utf8" }).then(
        () => "",
        (e: { stdout: string }) => e.stdout,
      );
    expect(await Promise.all([check([tsc, "--ignoreConfig"]), check([TSC5])])).toEqual(["", ""]);
  });
});
