/**
 * readOnly / writeOnly properties in the types, given/want: request bodies take the schema without
 * its readOnly properties, responses without its writeOnly ones, `components` keeps the schema as
 * written. Each output is compiled with `tsc --strict` together with a consumer that must compile
 * (and `@ts-expect-error` lines that must not).
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../src/generate.js";
import { scratchFolders } from "../scratch.js";
import { TSC5, TSC7 } from "../../../scripts/typescript.mjs";

const run = promisify(execFile);
const tsc = TSC7;
const ref = (n: string) => ({ $ref: `#/components/schemas/${n}` });
const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const ok = (schema: unknown) => ({ "200": { description: "ok", ...json(schema) } });
/** A POST of `body` answering `response` at /x. */
const post = (body: unknown, response: unknown) => ({ "/x": { post: { operationId: "make", requestBody: { required: true, ...json(body) }, responses: ok(response) } } });

const USER = {
  type: "object",
  required: ["id", "name", "password"],
  properties: { id: { type: "string", readOnly: true }, name: { type: "string" }, password: { type: "string", writeOnly: true } },
};
const BODY = `paths["/x"]["post"]["requestBody"]["content"]["application/json"]`;
const DATA = `paths["/x"]["post"]["responses"][200]["content"]["application/json"]`;

interface Case {
  name: string;
  schemas: Record<string, unknown>;
  paths?: Record<string, unknown>;
  components?: Record<string, unknown>;
  webhooks?: Record<string, unknown>;
  want: RegExp[];
  not?: RegExp[];
  /** Consumer lines that must type-check against the output. */
  use: string;
}

const CASES: Case[] = [
  {
    name: "one schema for both ways: a required readOnly id is not asked of a request, a required writeOnly password not promised by a response",
    schemas: { User: USER },
    paths: post(ref("User"), ref("User")),
    want: [/readonly id: string;\n\s+name: string;\n\s+password: string;/, /"application\/json": \$request\["User"\];/, /"application\/json": \$response\["User"\];/],
    use: `const body: ${BODY} = { name: "Ada", password: "pw" };
  // @ts-expect-error — id is the server's: a request leaves it out
  const withId: ${BODY} = { id: "u1", name: "Ada", password: "pw" };
  const data: ${DATA} = { id: "u1", name: "Ada" };
  // @ts-expect-error — the password never comes back
  const leak: ${DATA} = { id: "u1", name: "Ada", password: "pw" };
  const user: components["schemas"]["User"] = { id: "u1", name: "Ada", password: "pw" };
  // a fetched user may be sent back as it is (a PUT of what a GET returned)
  const again: ${BODY} = user;
  void [body, withId, data, leak, again];`,
  },
  {
    name: "through references, arrays, unions and allOf: every schema on the way gets its form",
    schemas: {
      User: USER,
      Team: { type: "object", required: ["members"], properties: { members: { type: "array", items: ref("User") }, lead: { oneOf: [ref("User"), { type: "null" }] } } },
      Org: { allOf: [ref("Team"), { type: "object", required: ["slug"], properties: { slug: { type: "string", readOnly: true } } }] },
    },
    paths: post(ref("Org"), ref("Org")),
    want: [/Team: \{\n\s+members: \$request\["User"\]\[\];\n\s+lead\?: \$request\["User"\] \| null;/, /Org: \$request\["Team"\] & \{\s*\};/],
    use: `const body: ${BODY} = { members: [{ name: "Ada", password: "pw" }], lead: null };
  const data: ${DATA} = { members: [{ id: "u1", name: "Ada" }], slug: "acme" };
  // @ts-expect-error — a nested readOnly id is left out too
  const nested: ${BODY} = { members: [{ id: "u1", name: "Ada", password: "pw" }] };
  void [body, data, nested];`,
  },
  {
    name: "allOf that lists a readOnly property as required (openapi-typescript's WithRequired) compiles in the request form",
    schemas: { User: USER, Admin: { type: "object", allOf: [ref("User")], required: ["id", "name"], properties: { level: { type: "integer" } } } },
    paths: post(ref("Admin"), ref("Admin")),
    want: [/WithRequired<\$request\["User"\], "id" \| "name">/],
    use: `const body: ${BODY} = { name: "Ada", password: "pw", level: 1 };
  const data: ${DATA} = { id: "u1", name: "Ada" };
  void [body, data];`,
  },
  {
    name: "inline schemas of a body and a response, and component request bodies and responses",
    schemas: { User: USER },
    components: { requestBodies: { NewUser: { required: true, ...json(ref("User")) } }, responses: { UserOut: { description: "ok", ...json(ref("User")) } } },
    paths: {
      "/x": {
        post: {
          requestBody: json({ type: "object", required: ["at"], properties: { at: { type: "string", readOnly: true }, note: { type: "string" } } }),
          responses: ok({ type: "object", properties: { secret: { type: "string", writeOnly: true }, note: { type: "string" } } }),
        },
      },
      "/y": { put: { requestBody: { $ref: "#/components/requestBodies/NewUser" }, responses: { "200": { $ref: "#/components/responses/UserOut" } } } },
    },
    want: [/requestBodies: \{\n\s+NewUser: \{\n\s+content: \{\n\s+"application\/json": \$request\["User"\];/, /UserOut: \{[^]*?"application\/json": \$response\["User"\];/],
    use: `const inline: NonNullable<paths["/x"]["post"]["requestBody"]>["content"]["application/json"] = { note: "n" };
  const out: ${DATA} = { note: "n" };
  // @ts-expect-error — an inline writeOnly property is left out of the response
  const secret: ${DATA} = { secret: "s" };
  const put: paths["/y"]["put"]["requestBody"]["content"]["application/json"] = { name: "Ada", password: "pw" };
  void [inline, out, secret, put];`,
  },
  {
    name: "a webhook's payload, which the API sends, takes the response form (with or without an operationId); parameters stay as written",
    schemas: { User: USER },
    webhooks: {
      "user.created": { post: { operationId: "userCreated", requestBody: json(ref("User")), responses: { "200": { description: "ok" } } } },
      "user.deleted": { post: { requestBody: json(ref("User")), responses: { "200": { description: "ok" } } } },
    },
    paths: { "/x": { get: { parameters: [{ name: "f", in: "query", style: "deepObject", schema: ref("User") }], responses: { "204": { description: "none" } } } } },
    want: [/"application\/json": \$response\["User"\];/, /f\?: components\["schemas"\]\["User"\];/],
    not: [/\$request/],
    use: `const event: NonNullable<webhooks["user.created"]["post"]["requestBody"]>["content"]["application/json"] = { id: "u1", name: "Ada" };
  // @ts-expect-error — the API never sends the password
  const leak: NonNullable<webhooks["user.deleted"]["post"]["requestBody"]>["content"]["application/json"] = { id: "u1", name: "Ada", password: "pw" };
  const f: NonNullable<paths["/x"]["get"]["parameters"]["query"]>["f"] = { id: "u1", name: "Ada", password: "pw" };
  void [event, leak, f];`,
  },
  {
    name: "a property flagged through the schema it references, or an allOf member (as the zod module reads it)",
    schemas: {
      Stamp: { type: "string", readOnly: true },
      Secret: { type: "string", writeOnly: true },
      Doc: { type: "object", required: ["at", "key", "title"], properties: { at: ref("Stamp"), key: { allOf: [ref("Secret")] }, title: { type: "string" } } },
    },
    paths: post(ref("Doc"), ref("Doc")),
    want: [/readonly at: components\["schemas"\]\["Stamp"\];/, /\$request \{\n\s+Doc: \{\n\s+key: components/],
    use: `const body: ${BODY} = { key: "k", title: "t" };
  const data: ${DATA} = { at: "2024", title: "t" };
  // @ts-expect-error — the timestamp is the server's
  const stamped: ${BODY} = { at: "2024", key: "k", title: "t" };
  void [body, data, stamped];`,
  },
  {
    name: "a schema that reaches itself outside an object keeps its one form; no flags, no forms",
    schemas: {
      Node: { type: "object", properties: { id: { type: "string", readOnly: true } } },
      Tree: { oneOf: [ref("Node"), { type: "array", items: ref("Tree") }] },
      Plain: { type: "object", properties: { a: { type: "string" } } },
    },
    paths: { ...post(ref("Tree"), ref("Tree")), "/p": { post: { requestBody: json(ref("Plain")), responses: ok(ref("Plain")) } } },
    want: [/Tree: \$Cyclic0;/],
    not: [/\$request\["Tree"\]/, /\$response/],
    use: `const t: ${BODY} = [{ id: "n1" }, [{}]];
  const p: NonNullable<paths["/p"]["post"]["requestBody"]>["content"]["application/json"] = { a: "x" };
  void [t, p];`,
  },
];

describe("types: readOnly / writeOnly properties in request and response forms", () => {
  const root = scratchFolders()("read-write-");
  const outs = CASES.map((_, i) => join(root, `c${i}`));

  it.each(CASES.map((c, i) => [c.name, i] as const))("%s", async (_name, i) => {
    const { schemas, paths, components, webhooks, want, not = [], use } = CASES[i]!;
    const dir = outs[i]!;
    mkdirSync(dir);
    const spec = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: paths ?? {}, ...(webhooks ? { webhooks } : {}), components: { ...components, schemas } };
    writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
    await generate({ spec: join(dir, "spec.json"), out: join(dir, "out"), targets: ["types"], workers: false });
    const types = readFileSync(join(dir, "out/types.gen.ts"), "utf8");
    for (const re of want) expect(types).toMatch(re);
    for (const re of [/\$Read|\$Write|Readable<|Writable</, ...not]) expect(types).not.toMatch(re);
    writeFileSync(join(dir, "use.ts"), `import type { components, paths, webhooks } from "./out/types.gen.js";\nexport function use(): void {\n  ${use}\n}\n`);
  });

  it("every output and its consumer compile under --strict, on TypeScript 7 and 5.9 (one tsc each)", async () => {
    const files = outs.map((d) => join(d, "use.ts"));
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
