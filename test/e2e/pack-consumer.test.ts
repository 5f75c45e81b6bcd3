import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bin, exec, repoRoot } from "../support/exec.js";
import { startPrism, type PrismProcess } from "../support/prism.js";

const PUBLISHED = ["types", "runtime", "client", "zod", "mocks"].map((p) => `@specforge/${p}`);
const pnpm = (args: string[], cwd: string) => exec("npx", ["-y", "pnpm@12.4.2", ...args], { cwd });

// A consumer written against the published surface of all five packages. The @ts-expect-error
// lines prove the types are real: if a package resolved to `any`, they would be unused errors.
const CONSUMER = `import { createApi, type components } from "@specforge/client";
import { NotFoundError } from "@specforge/runtime";
import { UserResponseSchema, UserSchema } from "@specforge/zod";
import { makeUser } from "@specforge/mocks";
import type { paths } from "@specforge/types";

type User = components["schemas"]["User"];
type GetUserOk = paths["/users/{id}"]["get"]["responses"]["200"]["content"]["application/json"];

// @ts-expect-error role is a closed enum
const wrongRole: User["role"] = "superuser";
void wrongRole;

export async function run(baseUrl: string) {
  const api = createApi({ baseUrl, auth: { bearer: "token" }, retry: false });
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
  return { email: user.email, notFound, madeRole: made.role, madeValid: UserSchema.safeParse(made).success };
}
`;

/**
 * The release artefacts as a consumer gets them: \`pnpm pack\` of every publishable package
 * (workspace:* becomes a version), installed into a project outside the repository, type-checked
 * with the repo's tsc and run against a real Prism; \`attw\` checks each tarball's exports/types.
 */
describe("packed packages in a separate consumer project", () => {
  let work: string;
  let tarballs: Map<string, string>;
  let prism: PrismProcess | undefined;

  beforeAll(async () => {
    // Through pnpm: turbo needs the package manager on PATH, which a bare `npx vitest` lacks.
    const build = await pnpm(["exec", "turbo", "run", "build", "--output-logs=errors-only", ...PUBLISHED.map((p) => `--filter=${p}`)], repoRoot);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    work = realpathSync(mkdtempSync(join(tmpdir(), "specforge-consumer-")));
    const packs = join(work, "tarballs");
    mkdirSync(packs);
    const pack = await pnpm(["-r", ...PUBLISHED.flatMap((p) => ["--filter", p]), "pack", "--pack-destination", packs], repoRoot);
    expect(pack.code, pack.stderr).toBe(0);
    tarballs = new Map(readdirSync(packs).map((f) => [f.replace(/^specforge-(.*)-\d+\.\d+\.\d+.*\.tgz$/, "@specforge/$1"), join(packs, f)]));
  });
  afterAll(async () => {
    await prism?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("packs one tarball per publishable package", () => {
    expect([...tarballs.keys()].sort()).toEqual([...PUBLISHED].sort());
  });

  it("installs, type-checks and runs a call against Prism", async () => {
    const app = join(work, "app");
    mkdirSync(join(app, "src"), { recursive: true });
    const deps = Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`]));
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: deps }, null, 2));
    // The packages depend on each other by version: point those at the tarballs too.
    writeFileSync(join(app, "pnpm-workspace.yaml"), `overrides:\n${[...tarballs].map(([n, f]) => `  "${n}": "file:${f}"`).join("\n")}\n`);
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2023", "DOM"], types: [], strict: true, outDir: "dist", rootDir: "src" },
        include: ["src"],
      }),
    );
    writeFileSync(join(app, "src/consumer.ts"), CONSUMER);
    writeFileSync(join(app, "main.mjs"), `import { run } from "./dist/consumer.js";\nconsole.log(JSON.stringify(await run(process.argv[2])));\n`);

    // The store the repo was installed from: the external deps (openapi-fetch, zod, msw) are there.
    const store = (await pnpm(["store", "path"], repoRoot)).stdout.trim();
    const install = await pnpm(["install", "--prefer-offline", "--store-dir", store, "--ignore-scripts"], app);
    expect(install.code, install.stdout + install.stderr).toBe(0);

    const tsc = await exec(bin("tsc"), ["-p", join(app, "tsconfig.json")], { cwd: app });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);

    prism = await startPrism(join(app, "node_modules/@specforge/mocks/src/generated/openapi.mock.json"));
    const out = await exec(process.execPath, [join(app, "main.mjs"), prism.url], { cwd: app });
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      email: expect.stringContaining("@"),
      notFound: { status: 404, code: "NOT_FOUND" },
      madeRole: "viewer",
      madeValid: true,
    });
  });

  it.each(PUBLISHED)("%s: attw finds no problem with its exports and types (node16 from CJS and ESM, bundler)", async (name) => {
    const attw = await exec(join(repoRoot, "test/node_modules/.bin/attw"), [tarballs.get(name)!, "--profile", "node16", "--no-definitely-typed", "--format", "json"]);
    const report = JSON.parse(attw.stdout) as { problems?: Record<string, { resolutionKind?: string }[]> };
    const problems = Object.values(report.problems ?? {}).flat().filter((p) => p.resolutionKind !== "node10");
    expect(problems).toEqual([]);
    expect(attw.code, attw.stderr).toBe(0);
  });
});
