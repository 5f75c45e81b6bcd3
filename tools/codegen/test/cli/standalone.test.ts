import { describe, expect, it } from "vitest";
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MSW_RANGE, ZOD_RANGE } from "../../src/cli/output-dependencies.js";
import { codegen } from "../support/run-cli.js";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();

// The generator on its own (`npx @specforge/codegen <spec> -o <dir>`): the spec as an argument,
// -i/-o, the project's specforge.config.ts when no spec is given, the output folder's marker.
const fixtureDir = new URL("../fixtures/multi-file/", import.meta.url).pathname;
const fixture = join(fixtureDir, "openapi.yaml");
const repo = new URL("../../../../", import.meta.url).pathname;

const files = (dir: string) => readdirSync(dir).sort();
const pkg = (dir: string) => JSON.parse(readFileSync(join(repo, dir, "package.json"), "utf8")) as Record<string, Record<string, string> & string>;

describe("codegen on its own", () => {
  it("takes the spec as its first argument or -i, the folder as -o", async () => {
    const root = scratch("cg-standalone-");
    const positional = await codegen([fixture, "-o", join(root, "a"), "--targets", "types,client", "--quiet"]);
    expect(positional.code, positional.stderr).toBe(0);
    const short = await codegen(["-i", fixture, "-o", join(root, "b"), "--targets", "types,client", "--quiet"]);
    expect(short.code, short.stderr).toBe(0);
    expect(files(join(root, "a"))).toEqual([".specforge-codegen", "client.gen.ts", "index.ts", "types.gen.ts"]);
    expect(readFileSync(join(root, "a", "client.gen.ts"), "utf8")).toBe(readFileSync(join(root, "b", "client.gen.ts"), "utf8"));
    const both = await codegen([fixture, "--spec", fixture, "-o", join(root, "c")]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/one spec, as the first argument or --spec/);
  });

  it("refuses to empty a folder it did not create, unless --clean; its own output it replaces", async () => {
    const root = scratch("cg-standalone-");
    const out = join(root, "src");
    mkdirSync(out);
    writeFileSync(join(out, "app.ts"), "// mine\n");
    const refused = await codegen([fixture, "-o", out, "--targets", "types"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--out .*src holds files the generator did not write \(app\.ts\) and would be emptied; move them out, pick a new folder, or pass --clean/);
    expect(files(out)).toEqual(["app.ts"]);
    expect(readFileSync(join(out, "app.ts"), "utf8")).toBe("// mine\n");

    const cleaned = await codegen([fixture, "-o", out, "--targets", "types", "--clean", "--quiet"]);
    expect(cleaned.code, cleaned.stderr).toBe(0);
    expect(files(out)).toEqual([".specforge-codegen", "index.ts", "types.gen.ts"]);
    // An earlier output (the marker is there) is replaced without --clean.
    const again = await codegen([fixture, "-o", out, "--targets", "types,zod", "--quiet"]);
    expect(again.code, again.stderr).toBe(0);
    expect(files(out)).toEqual([".specforge-codegen", "index.ts", "types.gen.ts", "zod.gen.ts"]);
    // --package writes the folders the config declares: no marker, no check (tested by `pnpm generate`).
    expect((await codegen(["--package", "types", "--clean"])).stderr).toMatch(/--package takes the spec, output/);
  });

  it("without a spec, generates the spec of the nearest specforge.config.ts with its codegen settings", async () => {
    const project = scratch("cg-project-");
    cpSync(fixtureDir, join(project, "api"), { recursive: true });
    writeFileSync(
      join(project, "specforge.config.ts"),
      `import { defineConfig } from "@specforge/codegen/config";\nexport default defineConfig({ scope: "@acme", spec: "api/openapi.yaml", codegen: { seed: 7, invalidExamples: "warn" } });\n`,
    );
    mkdirSync(join(project, "app"));
    const res = await codegen(["-o", "../generated", "--targets", "types,zod,mocks", "--quiet"], join(project, "app"));
    expect(res.code, res.stderr).toBe(0);
    expect(readFileSync(join(project, "generated", "mocks.gen.ts"), "utf8")).toMatch(/export const seed = 7;/);
    // A spec given explicitly is anyone's: the config's settings apply only with --config.
    const explicit = await codegen([fixture, "-o", join(project, "vendor"), "--targets", "types,zod,mocks", "--quiet"], join(project, "app"));
    expect(explicit.code, explicit.stderr).toBe(0);
    expect(readFileSync(join(project, "vendor", "mocks.gen.ts"), "utf8")).toMatch(/export const seed = 1;/);
    const missing = await codegen(["-o", "out"], tmpdir());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/a spec \(first argument, -i\/--spec, or a specforge\.config\.ts\) and -o\/--out are required/);
  });

  it("--help lists what the output imports, at the versions the workspace's packages declare", async () => {
    const help = await codegen(["--help"]);
    expect(help.code).toBe(0);
    const runtime = pkg("packages/runtime");
    expect(help.stdout).toContain(`zod@${pkg("packages/zod").peerDependencies.zod}`);
    expect(help.stdout).toContain(`@specforge/runtime@${runtime.version}`);
    expect(help.stdout).toContain(`openapi-fetch@${pkg("packages/client").dependencies["openapi-fetch"]}`);
    expect(help.stdout).toContain(`msw@${pkg("packages/mocks").peerDependencies.msw}`);
    expect([ZOD_RANGE, MSW_RANGE]).toEqual([pkg("packages/zod").peerDependencies.zod, pkg("packages/mocks").peerDependencies.msw]);
  });
});
