/**
 * `--import-extension ts`: the generated modules' relative imports name the `.ts` files, so a
 * project that runs its TypeScript directly (Node 22.6+'s type stripping, on by default from 23.6)
 * loads them; `.js` specifiers of files that exist only as `.ts` fail there with ERR_MODULE_NOT_FOUND.
 * Given ts, want every relative specifier in `.ts` but the JavaScript client of declaration
 * output; given the default, the bytes of today. A consumer importing `./out/index.ts` runs on
 * Node with type stripping against a local server, and type-checks with allowImportingTsExtensions
 * (and, built with rewriteRelativeImportExtensions, runs on this Node too).
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { emitTargets, generate } from "../../src/generate.js";
import { findPackageTargets } from "../../src/dev/targets.js";
import type { ResolvedConfig } from "../../src/config/config.mjs";
import { loadSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/ir/build-model.js";
import { emitIndex } from "../../src/emit/emit-index.js";
import { DECLARATION_OUTPUT_OPERATIONS } from "../../src/emit/emitter.js";
import { OUTPUT_MARKER } from "../../src/cli/output-folder.js";
import { codegen } from "../support/run-cli.js";
import { makeConsumer, typeCheck } from "../support/consumer.js";
import { scratchFolders } from "../scratch.js";
import { node24 } from "../../../scripts/node24.mjs";

const run = promisify(execFile);
const scratch = scratchFolders();
const TYPES_NODE = fileURLToPath(new URL("../../../../node_modules/@types/node", import.meta.url));

const SPEC = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  servers: [{ url: "https://api.example.com/v1" }],
  paths: {
    "/things/{id}": {
      get: {
        operationId: "getThing",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
      },
    },
  },
  components: { schemas: { Thing: { type: "object", required: ["id"], properties: { id: { type: "string" }, size: { type: "integer" } } } } },
};

function specFile(root: string): string {
  const file = join(root, "spec.json");
  writeFileSync(file, JSON.stringify(SPEC));
  return file;
}

const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));

/** The relative module specifiers each generated file writes (imports and re-exports), in order. */
const specifiers = (dir: string) =>
  Object.fromEntries(Object.entries(files(dir)).map(([f, text]) => [f, [...text.matchAll(/ from "(\.[^"]*)"/g)].map((m) => m[1])]));

describe("--import-extension", () => {
  it("given ts, want .ts in every relative specifier (and nothing else changed); given js or no flag, today's output", async () => {
    const root = scratch("import-ext-");
    const spec = specFile(root);
    const results = await Promise.all(
      [[], ["--import-extension", "js"], ["--import-extension", "ts"]].map((flag, i) => codegen([spec, "-o", join(root, `out-${i}`), "--quiet", ...flag])),
    );
    expect(results.map((r) => ({ code: r.code, stderr: r.stderr }))).toEqual(Array(3).fill({ code: 0, stderr: "" }));
    const [none, js, ts] = [0, 1, 2].map((i) => join(root, `out-${i}`)) as [string, string, string];

    expect(files(js)).toEqual(files(none));
    const want = (ext: string) => ({
      [OUTPUT_MARKER]: [],
      "client.gen.ts": [`./types.gen.${ext}`],
      "index.ts": [`./types.gen.${ext}`, `./client.gen.${ext}`, `./zod.gen.${ext}`, `./mocks.gen.${ext}`],
      "mock-schemas.gen.ts": [],
      "mocks.gen.ts": [`./types.gen.${ext}`, `./mock-schemas.gen.${ext}`],
      "msw.gen.ts": [`./mocks.gen.${ext}`, `./types.gen.${ext}`],
      "openapi.mock.json": [],
      "types.gen.ts": [],
      "zod.gen.ts": [],
    });
    expect(specifiers(none)).toEqual(want("js"));
    expect(specifiers(ts)).toEqual(want("ts"));
    // Only the specifiers differ.
    const asJs = Object.fromEntries(Object.entries(files(ts)).map(([f, text]) => [f, text.replace(/ from "(\.[^"]*)\.ts"/g, ' from "$1.js"')]));
    expect(asJs).toEqual(files(none));
  });

  it("an explicit --types-import is written as given", async () => {
    const root = scratch("import-ext-given-");
    const out = join(root, "out");
    await generate({ spec: specFile(root), out, targets: ["client"], typesImport: "./types.gen.mjs", importExtension: "ts", workers: false });
    expect(specifiers(out)).toMatchObject({ "client.gen.ts": ["./types.gen.mjs"], "index.ts": ["./client.gen.ts"] });
  });

  it("declaration output: the index keeps ./client.gen.js for the client emitted as JavaScript, its declarations import ./types.gen.ts", async () => {
    const ctx = { options: { specLabel: "spec.json", importExtension: "ts" as const } };
    const emitted = ["types.gen.d.ts", "client.gen.js", "client.gen.d.ts", "zod.gen.ts", "mocks.gen.ts", "mock-schemas.gen.ts", "msw.gen.ts"];
    const index = emitIndex(ctx, ["types", "zod", "client", "mocks"], emitted)[0]!.content;
    expect([...index.matchAll(/ from "([^"]*)"/g)].map((m) => m[1])).toEqual(["./types.gen.ts", "./client.gen.js", "./zod.gen.ts", "./mocks.gen.ts"]);

    // The same through generate(), on a spec over the line.
    const root = scratch("import-ext-decl-");
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < DECLARATION_OUTPUT_OPERATIONS; i++) paths[`/r${i}`] = { get: { operationId: `getR${i}`, responses: { "204": { description: "none" } } } };
    const spec = join(root, "big.json");
    writeFileSync(spec, JSON.stringify({ openapi: "3.1.0", info: { title: "big", version: "1" }, paths }));
    const out = join(root, "out");
    await generate({ spec, out, targets: ["client"], typesImport: "./types.gen.ts", importExtension: "ts", workers: false });
    expect(specifiers(out)).toEqual({ "client.gen.d.ts": ["./types.gen.ts"], "client.gen.js": [], "index.ts": ["./client.gen.js"] });
  });

  it("the dev loop reads --import-extension from a package's generate script and emits as the CLI does", async () => {
    const root = scratch("import-ext-dev-");
    const spec = specFile(root);
    mkdirSync(join(root, "packages/api"), { recursive: true });
    const script = `node ../../tools/codegen/bin/codegen.mjs --spec ../../spec.json --out src/generated --targets types,zod,client,mocks --import-extension ts`;
    writeFileSync(join(root, "packages/api/package.json"), JSON.stringify({ name: "api", scripts: { generate: script } }));
    const { packages } = findPackageTargets(join(root, "packages"), {} as ResolvedConfig);
    expect(packages).toMatchObject([{ name: "api", importExtension: "ts" }]);
    const loaded = await loadSpec(spec);
    const { files } = await emitTargets({
      spec: loaded,
      model: buildModel(loaded),
      targets: ["zod", "client", "mocks"],
      specLabel: "spec.json",
      importExtension: packages[0]!.importExtension!,
    });
    const index = files.find((f) => f.path === "index.ts")!.content;
    expect([...index.matchAll(/ from "([^"]*)"/g)].map((m) => m[1])).toEqual(["./client.gen.ts", "./zod.gen.ts", "./mocks.gen.ts"]);
    expect(files.find((f) => f.path === "msw.gen.ts")!.content).toContain(`import { responseFixtures } from "./mocks.gen.ts";`);
  });

  it("a bad value is refused in one line naming the flag and the allowed values, and nothing is written", async () => {
    const root = scratch("import-ext-bad-");
    const spec = specFile(root);
    for (const value of ["mjs", "", ".ts"]) {
      const r = await codegen([spec, "-o", join(root, "out"), "--import-extension", value]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: `codegen: --import-extension must be "js" or "ts"\n` });
    }
    expect(existsSync(join(root, "out"))).toBe(false);
    // --package takes its imports from the config, which has no such setting.
    const pkg = await codegen(["--package", "client", "--import-extension", "ts"]);
    expect(pkg.code).toBe(2);
    expect(pkg.stderr).toMatch(/^codegen: --package takes .*--import-extension\n$/);
    const help = await codegen(["--help"]);
    expect(help.stdout).toMatch(/--import-extension <e> js \(default\) or ts:/);
  });

  it("a consumer importing ./out/index.ts runs on Node's type stripping against a local server, and type-checks", async () => {
    const root = scratch("import-ext-run-");
    const consumer = makeConsumer(root, { runnable: true });
    const r = await codegen([specFile(root), "-o", join(root, "out"), "--import-extension", "ts", "--quiet"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    mkdirSync(join(root, "node_modules/@types"), { recursive: true });
    symlinkSync(TYPES_NODE, join(root, "node_modules/@types/node"), "dir");
    writeFileSync(
      join(root, "consumer.ts"),
      [
        `import { createApi, mocks, zod, type paths } from "./out/index.ts";`,
        `import { handlers } from "./out/msw.gen.ts";`,
        `type Thing = paths["/things/{id}"]["get"]["responses"]["200"]["content"]["application/json"];`,
        `const api = createApi({ baseUrl: process.argv[2] });`,
        `const thing: Thing = await api.getThing({ params: { path: { id: "a1" } } });`,
        `console.log(JSON.stringify({ thing: zod.ThingSchema.parse(thing), fixture: typeof mocks.makeThing().id, handlers: handlers.length }));`,
      ].join("\n"),
    );
    await consumer;

    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ id: "a1", size: 3 }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const want = { thing: { id: "a1", size: 3 }, fixture: "string", handlers: 1 };
    try {
      // Type-checked as a project that runs its sources: .ts specifiers, no emit.
      expect(await typeCheck(root, ["consumer.ts"], { types: ["node"], allowImportingTsExtensions: true })).toBe("");
      // Built with rewriteRelativeImportExtensions (TypeScript 5.7+), the .ts specifiers become .js: it runs on this Node.
      expect(await typeCheck(root, ["consumer.ts"], { types: ["node"], rewriteRelativeImportExtensions: true, noEmit: false, outDir: "build" })).toBe("");
      const built = await run(process.execPath, [join(root, "build/consumer.js"), url], { cwd: root, encoding: "utf8" });
      expect(JSON.parse(built.stdout)).toEqual(want);

      // Type stripping came in Node 22.6; on an older Node, Node 24 from the registry.
      const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
      const strips = major > 22 || (major === 22 && minor >= 6);
      const node = strips ? { path: process.execPath } : await node24();
      if (!node.path) {
        console.warn(`import-extension.test: the type-stripping run skipped — Node ${process.versions.node} cannot strip types and \`npx -y node@24\` failed (${node.why}); it needs the npm registry once`);
        return;
      }
      const stripped = await run(node.path, ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", join(root, "consumer.ts"), url], { cwd: root, encoding: "utf8" });
      expect(JSON.parse(stripped.stdout)).toEqual(want);
      expect(seen).toEqual(["GET /v1/things/a1", "GET /v1/things/a1"]);
    } finally {
      server.close();
    }
  });
});
