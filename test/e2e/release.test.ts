import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exec, repoRoot, type ExecResult } from "../support/exec.js";
import { freePort, startPrism, type PrismProcess } from "../support/prism.js";
import { startMainCommand, TEST_COMMAND } from "../../tools/scaffold/test/support/readme-commands.js";
import { startRegistry, upstreamUnreachable, type LocalRegistry } from "../support/registry.js";
import { node24 as findNode24 } from "../../tools/scripts/node24.mjs";
import { TSC5, TSC7 } from "../../tools/scripts/typescript.mjs";
import { CLEANUP_TIMEOUT_MS, removeScratch } from "../support/scratch.js";

/**
 * The release path for real: Verdaccio on 127.0.0.1 with a throwaway storage, `changeset publish`
 * of every public package to it, then fresh projects in the temp folder that install the packages
 * from it by name (npm and pnpm, no overrides, no tarball paths), type-check an ESM and a CommonJS
 * consumer with `tsc --strict` (module nodenext, and bundler resolution), and run both against
 * Prism under Node 20 (this one) and Node 24 (the registry's `node@24`, through npx).
 */

const publicPackages = () =>
  ["packages", "tools"]
    .flatMap((group) => readdirSync(join(repoRoot, group)).map((d) => ({ group, dir: join(repoRoot, group, d) })))
    .filter(({ dir }) => existsSync(join(dir, "package.json")))
    .map(({ group, dir }) => ({ group, ...(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string; version: string; private?: boolean }) }))
    .filter((p) => !p.private);
const PUBLIC = publicPackages();
// The libraries (attw checks their exports); the tools are commands.
const LIBRARIES = PUBLIC.filter((p) => p.group === "packages").map((p) => p.name);
const version = (name: string) => PUBLIC.find((p) => p.name === name)!.version;
const CONSUMED = ["@specforge/client", "@specforge/runtime", "@specforge/zod", "@specforge/mocks", "@specforge/types"];
const UPSTREAM = process.env.SPECFORGE_RELEASE_UPSTREAM ?? "https://registry.npmjs.org/";

const pnpm = (args: string[], cwd: string, env?: NodeJS.ProcessEnv) => exec("npx", ["-y", "pnpm@12.4.2", ...args], { cwd, env });

// The consumer's code, once for ESM (`import`) and once for CommonJS (tsc turns the imports of a
// .cts file into `require()` calls). The @ts-expect-error lines prove the types are real: if a
// package resolved to `any`, they would be unused and fail the type-check.
const IMPORTS = `import { createApi, type components } from "@specforge/client";
import { NotFoundError } from "@specforge/runtime";
import { UserResponseSchema, UserSchema, operations } from "@specforge/zod";
import { makeUser, componentFixtures } from "@specforge/mocks";
import type { paths } from "@specforge/types";
import { z } from "zod";
`;
const BODY = `
type User = components["schemas"]["User"];
type GetUserOk = paths["/users/{id}"]["get"]["responses"]["200"]["content"]["application/json"];

// @ts-expect-error role is a closed enum
const wrongRole: User["role"] = "superuser";
void wrongRole;
// The generated schemas compose with the consumer's own zod (a peer: one zod in the app).
const Users = z.array(UserSchema);
const typed: z.infer<typeof UserSchema> extends User ? true : false = true;

export async function run(baseUrl: string) {
  // Responses and requests checked against the spec at run time, with the generated validators.
  const api = createApi({ baseUrl, auth: { bearer: "token" }, retry: false, validateResponses: operations, validateRequests: operations });
  const body: GetUserOk = await api.users.get({ params: { path: { id: "8b3c6f1e-2d4a-4f6b-9c1d-3e5f7a9b1c2d" } } });
  const user = UserResponseSchema.parse(body).data;
  // @ts-expect-error the path parameter is required
  void (() => api.users.get({ params: { path: {} } }));
  let notFound: { status: number | undefined; code: string | undefined } | undefined;
  try {
    await api.users.get({ params: { path: { id: "00000000-0000-4000-8000-000000000000" } } }, { headers: { Prefer: "code=404" } });
  } catch (err) {
    if (err instanceof NotFoundError) notFound = { status: err.status, code: err.code };
  }
  const made = makeUser({ role: "viewer" });
  return {
    email: user.email,
    notFound,
    madeRole: made.role,
    madeValid: Users.safeParse([made, componentFixtures["User"]]).success,
    invalidRejected: !UserSchema.safeParse({ ...made, role: "superuser" }).success,
    typed,
  };
}
`;
const EXPECTED = { email: expect.stringContaining("@"), notFound: { status: 404, code: "NOT_FOUND" }, madeRole: "viewer", madeValid: true, invalidRejected: true, typed: true };

const tsconfig = (compilerOptions: Record<string, unknown>, include: string[]) =>
  // exactOptionalPropertyTypes as the strictest consumers set it (@tsconfig/strictest): optional members they hand us may be `undefined`.
  JSON.stringify({ compilerOptions: { target: "ES2022", lib: ["ES2023", "DOM"], types: [], strict: true, exactOptionalPropertyTypes: true, ...compilerOptions }, include }, null, 2);

/** A project in the temp folder that installs the packages by name from the registry. */
function writeConsumer(dir: string, registry: string) {
  mkdirSync(join(dir, "src"), { recursive: true });
  const dependencies = { ...Object.fromEntries(CONSUMED.map((n) => [n, version(n)])), zod: "4.6.7" };
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module", dependencies }, null, 2));
  writeFileSync(join(dir, ".npmrc"), `registry=${registry}\n`);
  // pnpm holds back versions younger than a day; these were published a minute ago.
  writeFileSync(join(dir, "pnpm-workspace.yaml"), `minimumReleaseAgeExclude:\n  - "@specforge/*"\n`);
  writeFileSync(join(dir, "src/esm.ts"), IMPORTS + BODY);
  writeFileSync(join(dir, "src/cjs.cts"), IMPORTS + BODY);
  // nodenext: src/esm.ts is ESM (type: module), src/cjs.cts is CommonJS — one program, both kinds.
  writeFileSync(join(dir, "tsconfig.json"), tsconfig({ module: "NodeNext", moduleResolution: "NodeNext", outDir: "dist", rootDir: "src" }, ["src"]));
  writeFileSync(join(dir, "tsconfig.bundler.json"), tsconfig({ module: "ESNext", moduleResolution: "Bundler", noEmit: true }, ["src/esm.ts"]));
  writeFileSync(join(dir, "main.mjs"), `import { run } from "./dist/esm.js";\nconsole.log(JSON.stringify(await run(process.argv[2])));\n`);
  writeFileSync(join(dir, "main.cjs"), `const { run } = require("./dist/cjs.cjs");\nrun(process.argv[2]).then((r) => console.log(JSON.stringify(r)));\n`);
}

const out = (r: ExecResult) => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;

let skip: string | undefined;
try {
  skip = await upstreamUnreachable(UPSTREAM);
} catch (err) {
  skip = String(err);
}
if (skip) console.warn(`release test skipped: the npm registry is needed (Verdaccio proxies third-party packages to it) and ${skip}`);

describe.skipIf(skip !== undefined)("release: changeset publish to a local registry, consumers install it with npm and pnpm", () => {
  let work: string;
  let registry: LocalRegistry;
  let prism: PrismProcess | undefined;
  let node24: string;
  const installs: Record<string, { code: number; ms: number; output: string }> = {};

  beforeAll(async () => {
    // Through pnpm: turbo needs the package manager on PATH, which a bare `npx vitest` lacks.
    const build = await pnpm(["exec", "turbo", "run", "build", "--output-logs=errors-only", ...PUBLIC.map((p) => `--filter=${p.name}`)], repoRoot);
    expect(build.code, out(build)).toBe(0);
    work = realpathSync(mkdtempSync(join(tmpdir(), "specforge-release-")));
    registry = await startRegistry(join(work, "registry"), UPSTREAM, ["@specforge/*", "create-specforge"]);
    // Node 24 from the registry's `node` package: npx installs it once, then its binary runs directly.
    const which = await findNode24();
    expect(which.why, "npx -y node@24").toBeUndefined();
    node24 = which.path!;
  }, 600_000);
  afterAll(async () => {
    await prism?.stop();
    await registry?.stop();
    await removeScratch(work);
  }, CLEANUP_TIMEOUT_MS);

  it("changeset publish publishes every public package", async () => {
    const publish = await pnpm(["exec", "changeset", "publish", "--no-git-tag"], repoRoot, { npm_config_userconfig: registry.npmrc, npm_config_registry: registry.url });
    expect(publish.code, out(publish) + registry.output()).toBe(0);
    for (const { name, version } of PUBLIC) {
      const res = await fetch(new URL(name.replace("/", "%2f"), registry.url));
      expect(res.status, name).toBe(200);
      const meta = (await res.json()) as { versions: Record<string, { dependencies?: Record<string, string> }> };
      expect(Object.keys(meta.versions), name).toContain(version);
      // workspace:* became the version it links to.
      expect(JSON.stringify(meta.versions[version]!.dependencies ?? {}), name).not.toContain("workspace:");
    }
  });

  it.each(LIBRARIES)("%s as published: attw finds no problem (node16 from CJS and ESM, bundler)", async (name) => {
    const tarball = join(work, "registry/storage", name, `${name.split("/")[1]}-${version(name)}.tgz`);
    const attw = await exec(join(repoRoot, "test/node_modules/.bin/attw"), [tarball, "--profile", "node16", "--no-definitely-typed", "--format", "json"]);
    const report = JSON.parse(attw.stdout) as { problems?: Record<string, { resolutionKind?: string }[]> };
    expect(Object.values(report.problems ?? {}).flat().filter((p) => p.resolutionKind !== "node10")).toEqual([]);
    expect(attw.code, attw.stderr).toBe(0);
  });

  it.each(["npm", "pnpm"])("a fresh project installs the packages by name with %s (no overrides)", async (pm) => {
    const app = join(work, `app-${pm}`);
    writeConsumer(app, registry.url);
    const started = performance.now();
    // A cache/store of its own: nothing comes from this workspace, everything through the registry.
    const install =
      pm === "npm"
        ? await exec("npm", ["install", "--no-audit", "--no-fund", "--cache", join(work, "npm-cache")], { cwd: app })
        : await pnpm(["install", "--store-dir", join(work, "pnpm-store")], app);
    installs[pm] = { code: install.code, ms: performance.now() - started, output: out(install) };
    expect(install.code, out(install)).toBe(0);
    // No engine warning on Node 20 (msw is an optional peer the fixtures never import), no peer warning.
    expect(install.stdout + install.stderr).not.toMatch(/EBADENGINE|Unsupported engine|unmet peer|WARN.*peer/i);
    const resolved = JSON.parse(readFileSync(join(app, "node_modules/@specforge/client/package.json"), "utf8")) as { version: string };
    expect(resolved.version).toBe(version("@specforge/client"));
    expect(readdirSync(join(app, "node_modules"))).not.toContain("msw");
  }, 300_000);

  it.each(["npm", "pnpm"])("%s project: tsc --strict (TypeScript 7.0 and 5.9) passes for module nodenext (ESM and CJS) and bundler resolution", async (pm) => {
    const app = join(work, `app-${pm}`);
    expect(installs[pm]?.code, "install").toBe(0);
    // The packages' declaration files are the same in every pass: checked once per compiler (npm,
    // nodenext); the other passes check the consumer's code as each resolution sees the packages.
    // TypeScript 7 is what `npm install typescript` gives today; 5.9 is what many consumers still run.
    const libCheck = pm === "npm" ? [] : ["--skipLibCheck"];
    const [nodenext, bundler, nodenext5] = await Promise.all([
      exec(process.execPath, [TSC7, "-p", join(app, "tsconfig.json"), ...libCheck], { cwd: app }),
      exec(process.execPath, [TSC7, "-p", join(app, "tsconfig.bundler.json"), "--skipLibCheck"], { cwd: app }),
      exec(process.execPath, [TSC5, "-p", join(app, "tsconfig.json"), "--noEmit", ...libCheck], { cwd: app }),
    ]);
    const clean = out({ code: 0, stdout: "", stderr: "" });
    expect(out(nodenext), "nodenext").toBe(clean);
    expect(out(bundler), "bundler").toBe(clean);
    expect(out(nodenext5), "nodenext, TypeScript 5.9").toBe(clean);
    // The CommonJS consumer really is CommonJS: tsc emitted require() calls of the packages.
    expect(readFileSync(join(app, "dist/cjs.cjs"), "utf8")).toContain('require("@specforge/client")');
  });

  it.each([
    ["npm", "20"],
    ["npm", "24"],
    ["pnpm", "20"],
    ["pnpm", "24"],
  ])("%s project on Node %s: the ESM and the CommonJS consumer call Prism, validate with zod, use a fixture", async (pm, major) => {
    const app = join(work, `app-${pm}`);
    expect(installs[pm]?.code, "install").toBe(0);
    prism ??= await startPrism(join(app, "node_modules/@specforge/mocks/src/generated/openapi.mock.json"));
    const node = major === "20" ? process.execPath : node24;
    for (const main of ["main.mjs", "main.cjs"]) {
      const run = await exec(node, ["--no-warnings", join(app, main), prism.url], { cwd: app });
      expect(run.code, `${main}: ${out(run)}`).toBe(0);
      expect(JSON.parse(run.stdout), main).toEqual(EXPECTED);
    }
    const v = await exec(node, ["-p", "process.versions.node"]);
    expect(v.stdout.trim().split(".")[0]).toBe(major);
  });

  it("npx @specforge/codegen <spec> -o <dir> runs the published generator; its output type-checks beside the runtime", async () => {
    // In the npm project: it has what --help says the output imports (runtime, openapi-fetch, zod).
    const app = join(work, "app-npm");
    expect(installs.npm?.code, "install").toBe(0);
    cpSync(join(repoRoot, "tools/codegen/test/fixtures/multi-file"), join(app, "api"), { recursive: true });
    const env = { npm_config_registry: registry.url, npm_config_cache: join(work, "npm-cache") };
    const npx = (args: string[]) => exec("npx", ["-y", `@specforge/codegen@${version("@specforge/codegen")}`, ...args], { cwd: app, env });
    const help = await npx(["--help"]);
    expect(help.code, out(help)).toBe(0);
    expect(help.stdout).toContain(`@specforge/runtime@${version("@specforge/runtime")}`);
    const gen = await npx(["api/openapi.yaml", "-o", "src/generated", "--targets", "types,zod,client", "--quiet"]);
    expect(gen.code, out(gen)).toBe(0);
    expect(readdirSync(join(app, "src/generated")).sort()).toEqual([".specforge-codegen", "client.gen.ts", "index.ts", "types.gen.ts", "zod.gen.ts"]);
    // A folder of the user's own is not emptied.
    const refused = await npx(["api/openapi.yaml", "-o", "src", "--quiet"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds files the generator did not write/);
    expect(existsSync(join(app, "src/esm.ts"))).toBe(true);
    writeFileSync(join(app, "tsconfig.generated.json"), tsconfig({ module: "NodeNext", moduleResolution: "NodeNext", noEmit: true, skipLibCheck: true }, ["src/generated"]));
    const checks = await Promise.all([TSC7, TSC5].map((tsc) => exec(process.execPath, [tsc, "-p", join(app, "tsconfig.generated.json")], { cwd: app })));
    expect(checks.map(out)).toEqual([TSC7, TSC5].map(() => out({ code: 0, stdout: "", stderr: "" })));
  });

  it("@specforge/spec-diff from the registry: the compiled gate on two versions of a spec, exit codes and report as documented", async () => {
    const app = join(work, "app-spec-diff");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "gate", version: "1.0.0", private: true, devDependencies: { "@specforge/spec-diff": version("@specforge/spec-diff") } }, null, 2));
    writeFileSync(join(app, ".npmrc"), `registry=${registry.url}\n`);
    const install = await exec("npm", ["install", "--no-audit", "--no-fund", "--cache", join(work, "npm-cache")], { cwd: app });
    expect(install.code, out(install)).toBe(0);
    expect(install.stdout + install.stderr).not.toMatch(/EBADENGINE|Unsupported engine/i);
    // It runs compiled JavaScript: no TypeScript source in the tool or in the generator it reads
    // specs with (only declarations), and no TypeScript loader in the project.
    const sources = ["spec-diff", "codegen"].flatMap((p) =>
      readdirSync(join(app, "node_modules/@specforge", p), { recursive: true })
        .map(String)
        .filter((f) => /\.[mc]?ts$/.test(f) && !/\.d\.[mc]?ts$/.test(f))
        .map((f) => `${p}/${f}`),
    );
    expect(sources).toEqual([]);
    expect(existsSync(join(app, "node_modules/tsx"))).toBe(false);

    // Version 2 of the multi-file spec: a pet's owner is no longer required in the response.
    const fixture = join(repoRoot, "tools/codegen/test/fixtures/multi-file");
    for (const v of ["v1", "v2"]) cpSync(fixture, join(app, v), { recursive: true });
    const pet = join(app, "v2/schemas/pet.yaml");
    writeFileSync(pet, readFileSync(pet, "utf8").replace("required: [id, owner]", "required: [id]"));
    const gate = (args: string[]) => exec(join(app, "node_modules/.bin/specforge-spec-diff"), args, { cwd: app });

    // 1: a breaking change, with its operation, rule, pointer and reason, and the verdict.
    const text = await gate(["--base-spec", "v1/openapi.yaml", "--spec", "v2/openapi.yaml"]);
    expect(text.code, out(text)).toBe(1);
    expect(text.stderr).toBe("");
    expect(text.stdout).toMatch(
      /Breaking changes \(1\)\n\s+OPERATION\s+RULE\s+POINTER\s+REASON\n\s+GET \/pets \(listPets\)\s+response-property-became-optional\s+#\/components\/schemas\/pet\/required\s+response 200 application\/json: body\[\]\.owner: property "owner" is now optional\n/,
    );
    expect(text.stdout).toContain("Proposed bump: major (info.version 1.0.0 → 2.0.0)");
    expect(text.stdout).toContain("FAIL: 1 breaking change, but info.version 1.0.0 → 1.0.0 is not bumped");
    const json = await gate(["--base-spec", "v1/openapi.yaml", "--spec", "v2/openapi.yaml", "--format", "json"]);
    expect(json.code, out(json)).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      counts: { breaking: 1, warning: 0, info: 0, accepted: 0 },
      proposedBump: "major",
      changes: [{ rule: "response-property-became-optional", severity: "breaking", operation: "GET /pets (listPets)", pointer: "#/components/schemas/pet/required" }],
    });

    // 0: the same change released as a major version.
    const spec2 = join(app, "v2/openapi.yaml");
    writeFileSync(spec2, readFileSync(spec2, "utf8").replace("version: 1.0.0", "version: 2.0.0"));
    const major = await gate(["--base-spec", "v1/openapi.yaml", "--spec", "v2/openapi.yaml"]);
    expect(major.code, out(major)).toBe(0);
    expect(major.stdout).toContain("OK: 1 breaking change, allowed: info.version 1.0.0 → 2.0.0 is a major bump");

    // 2: bad usage, and a spec that cannot be read (the file named).
    const usage = await gate(["--format", "yaml"]);
    expect(usage.code, out(usage)).toBe(2);
    expect(usage.stderr).toContain("--format must be one of text, json, markdown, junit, github");
    rmSync(join(app, "v2/schemas/common.yaml"));
    const broken = await gate(["--base-spec", "v1/openapi.yaml", "--spec", "v2/openapi.yaml"]);
    expect(broken.code, out(broken)).toBe(2);
    expect(broken.stderr).toMatch(/^spec:diff: error: .*common\.yaml/);

    // npx by the package name finds the one command.
    const env = { npm_config_registry: registry.url, npm_config_cache: join(work, "npm-cache") };
    const help = await exec("npx", ["-y", `@specforge/spec-diff@${version("@specforge/spec-diff")}`, "--help"], { cwd: work, env });
    expect(help.code, out(help)).toBe(0);
    expect(help.stdout).toMatch(/^Usage: spec:diff /);
  });

  it("npm create specforge <dir> -- --spec <file> --scope <@scope> runs the published scaffold", async () => {
    const dir = join(work, "create");
    mkdirSync(dir);
    const env = { npm_config_registry: registry.url, npm_config_cache: join(work, "npm-cache") };
    const spec = join(repoRoot, "tools/codegen/test/fixtures/multi-file/openapi.yaml");
    const create = await exec("npm", ["create", "-y", `specforge@${version("create-specforge")}`, "acme-api", "--", "--spec", spec, "--scope", "@acme", "--no-install"], { cwd: dir, env });
    expect(create.code, out(create)).toBe(0);
    // Files only: the next steps start with the install that writes the lockfile.
    expect(create.stdout).toMatch(/Created .*acme-api \(files only: not installed, generated or committed\)\. Next:\n {2}cd acme-api && npx -y pnpm@12\.4\.2 install && npx -y pnpm@12\.4\.2 generate\n/);
    const project = join(dir, "acme-api");
    expect(readFileSync(join(project, "specforge.config.ts"), "utf8")).toContain(`scope: "@acme"`);
    expect(existsSync(join(project, "spec/openapi.yaml"))).toBe(true);
    for (const kind of ["types", "client", "zod", "mocks", "bff"]) {
      expect((JSON.parse(readFileSync(join(project, "packages", kind, "package.json"), "utf8")) as { name: string }).name).toBe(`@acme/${kind}`);
    }
    // The API's name is the spec's info.title.
    expect(readFileSync(join(project, "specforge.config.ts"), "utf8")).toContain(`name: "Multi-file"`);
  });

  it("npm create specforge, installing: the new project's two README commands pass", { timeout: 1_800_000 }, async () => {
    const dir = join(work, "create-installed");
    mkdirSync(dir);
    // npm (npm create) and pnpm (the project's installs; pnpm 12 reads pnpm_config_*) use the registry.
    const env = { npm_config_registry: registry.url, pnpm_config_registry: registry.url, npm_config_cache: join(work, "npm-cache") };
    const spec = join(repoRoot, "tools/codegen/test/fixtures/multi-file/openapi.yaml");
    const create = await exec("npm", ["create", "-y", `specforge@${version("create-specforge")}`, "pets", "--", "--spec", spec, "--scope", "@acme"], { cwd: dir, env, timeoutMs: 900_000 });
    expect(create.code, out(create)).toBe(0);
    const project = join(dir, "pets");
    // Installed, generated and committed: a clean tree, tagged as spec:diff's baseline.
    expect((await exec("git", ["status", "--porcelain"], { cwd: project })).stdout).toBe("");
    expect((await exec("git", ["tag"], { cwd: project })).stdout.trim()).toBe("v1.0.0");

    // README command 1: the main job, ending with Prism and the API reference up.
    const [port, docsPort] = [await freePort(), await freePort()];
    const main = await startMainCommand(project, port, docsPort, env);
    try {
      const pets = await fetch(`http://127.0.0.1:${port}/pets`);
      expect(pets.status).toBe(200);
      expect(Array.isArray(await pets.json())).toBe(true);
      expect((await fetch(`http://127.0.0.1:${docsPort}/`)).status).toBe(200);
    } finally {
      await main.stop();
    }
    // README command 2: the project's own tests (type checks, its generated contract suite against Prism).
    const tests = await exec("sh", ["-c", TEST_COMMAND], { cwd: project, env: { ...env, CI: "1" }, timeoutMs: 1_200_000 });
    expect(tests.code, out(tests).slice(-6000)).toBe(0);
    expect(tests.stdout).toMatch(/Tests\s+\d+ passed/);
  });
});
