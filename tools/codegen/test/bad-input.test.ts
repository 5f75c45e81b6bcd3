/**
 * Inputs a user gets wrong (or a spec's author did), through the CLI as a user runs it: exit 1,
 * one clear message naming the file and a JSON pointer, no stack trace, and the previous output
 * left as it was. Given/want: the input files, the message.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codegen } from "./support/run-cli.js";
import { scratchFolders } from "./scratch.js";

const scratch = scratchFolders();

const info = { title: "t", version: "1" };
const json = (v: unknown) => JSON.stringify(v);
const get200 = (schema: unknown) => ({ "/a": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema } } } } } } });

/** Nine aliases per level, nine levels: 387 million nodes once expanded, from ~1 KB of YAML. */
function aliasBomb(): string {
  const lines = ["openapi: 3.1.0", "info: {title: t, version: '1'}", "paths: {}", "x-bomb:", '  l0: &l0 ["lol"]'];
  for (let i = 1; i <= 9; i++) lines.push(`  l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(", ")}]`);
  return lines.join("\n") + "\n";
}

interface Case {
  name: string;
  files: Record<string, string>;
  targets?: string;
  want: RegExp;
}

const CASES: Case[] = [
  {
    name: "a $ref cycle with no schema in between (item 5)",
    files: { "spec.json": json({ openapi: "3.1.0", info, paths: get200({ $ref: "#/components/schemas/A" }), components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } } }) },
    want: /spec\.json at #\/components\/schemas\/A: \$ref cycle with no schema in between: #\/components\/schemas\/A → #\/components\/schemas\/B → #\/components\/schemas\/A/,
  },
  {
    name: "the same cycle with --targets types (it used to exit 0 with code tsc rejects)",
    files: { "spec.json": json({ openapi: "3.0.3", info, paths: {}, components: { schemas: { A: { $ref: "#/components/schemas/A" } } } }) },
    targets: "types",
    want: /spec\.json at #\/components\/schemas\/A: \$ref cycle with no schema in between: #\/components\/schemas\/A → #\/components\/schemas\/A/,
  },
  {
    name: "a $ref cycle across two files",
    files: {
      "spec.yaml": "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: './b.yaml'}\n",
      "b.yaml": "$ref: './c.yaml'\n",
      "c.yaml": "$ref: './b.yaml'\n",
    },
    want: /spec\.yaml at #\/components\/schemas\/\w+: \$ref cycle with no schema in between/,
  },
  {
    name: "a YAML alias bomb (item 6)",
    files: { "spec.yaml": aliasBomb() },
    want: /spec\.yaml at #\/x-bomb\/l\d: YAML aliases here expand to [\d,]+ nodes, over the limit of 10,000,000/,
  },
  {
    name: "a 3.0 document without paths (item 8)",
    files: { "spec.json": json({ openapi: "3.0.3", info, components: { schemas: { A: { type: "string" } } } }) },
    want: /spec\.json at #: OpenAPI 3\.0 requires a `paths` object/,
  },
  {
    name: "every broken $ref, not the first (item 8)",
    files: {
      "spec.json": json({
        openapi: "3.1.0",
        info,
        paths: get200({ $ref: "#/components/schemas/Nope1" }),
        components: { schemas: { A: { type: "object", properties: { b: { $ref: "#/components/schemas/Nope2" }, c: { items: { $ref: "#/components/schemas/Nope3" } } } } } },
      }),
    },
    want: /spec\.json at #\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema: 3 \$ref targets not found:\n {2}- #\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema: #\/components\/schemas\/Nope1\n {2}- #\/components\/schemas\/A\/properties\/b: #\/components\/schemas\/Nope2\n {2}- #\/components\/schemas\/A\/properties\/c\/items: #\/components\/schemas\/Nope3/,
  },
  {
    name: "every broken $ref of a split spec: missing pointers and files in other files too (item 8)",
    files: {
      "spec.yaml":
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" +
        "    A: {$ref: './b.yaml#/Nope'}\n    B: {$ref: './missing.yaml'}\n    C: {$ref: '#/components/schemas/Nope'}\n" +
        "    D: {type: object, properties: {x: {$ref: './b.yaml#/Here'}}}\n",
      "b.yaml": "Here: {type: object, properties: {y: {$ref: './c.yaml#/Gone'}}}\n",
      "c.yaml": "Other: {type: string}\n",
    },
    want: /spec\.yaml at #\/components\/schemas\/A: 4 \$ref targets not found:\n {2}- #\/components\/schemas\/A: \.\/b\.yaml#\/Nope\n {2}- #\/components\/schemas\/B: \.\/missing\.yaml \(file cannot be read\)\n {2}- b\.yaml#\/Here\/properties\/y: \.\/c\.yaml#\/Gone\n {2}- #\/components\/schemas\/C: #\/components\/schemas\/Nope/,
  },
  {
    name: "JSON with trailing garbage is invalid JSON, with its line (item 8)",
    files: { "spec.json": json({ openapi: "3.1.0", info, paths: {} }) + "\n}\n" },
    want: /spec\.json:2: invalid JSON: Unexpected non-whitespace character after JSON/,
  },
];

describe("bad input: exit 1, one message with file and pointer, previous output untouched", () => {
  it.concurrent.each(CASES)("$name", async ({ files, targets, want }) => {
    const dir = scratch("cg-bad-");
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const out = join(dir, "out");
    mkdirSync(out);
    // An earlier output of the generator (it holds the marker): replaced only on success.
    writeFileSync(join(out, ".specforge-codegen"), "");
    writeFileSync(join(out, "index.ts"), "// previous output\n");
    const spec = join(dir, Object.keys(files)[0]!);
    const res = await codegen(["--spec", spec, "--out", out, "--targets", targets ?? "types,zod,client,mocks"]);
    expect(res.stderr).toMatch(want);
    expect(res.code).toBe(1);
    expect(res.stderr).not.toMatch(/internal error|\n\s+at \S+ \(|RangeError/);
    expect(res.stderr.match(/codegen: error:/g)).toHaveLength(1);
    expect(readdirSync(out).sort()).toEqual([".specforge-codegen", "index.ts"]);
    expect(readFileSync(join(out, "index.ts"), "utf8")).toBe("// previous output\n");
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});
