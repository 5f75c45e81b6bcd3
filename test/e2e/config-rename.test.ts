/**
 * specforge.config.ts is the one place that names the scope and the spec: on a copy of the repo,
 * a new scope and a moved spec entry, then `pnpm generate` and `pnpm install`, and every generated
 * package carries the new name, imports its siblings by it, and the whole workspace (the
 * hand-written BFF, tests and benches included, through workspace aliases) builds and
 * type-checks — with no other edit.
 */
import { afterAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exec, repoRoot } from "../support/exec.js";
import { copyRepo } from "../support/repo-copy.js";
import { turbo } from "../support/turbo.js";
import { CLEANUP_TIMEOUT_MS, removeScratch } from "../support/scratch.js";

const PNPM = ["-y", "pnpm@12.4.2"];
const GENERATED = ["types", "client", "zod", "mocks"];
const copy = copyRepo("specforge-config-rename-");
afterAll(() => removeScratch(copy), CLEANUP_TIMEOUT_MS);

const json = (file: string) => JSON.parse(readFileSync(join(copy, file), "utf8"));
const files = (dir: string): string[] => readdirSync(join(copy, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

describe("a new scope and spec path in specforge.config.ts", () => {
  it("regenerates every package under the new name, and the workspace builds with no other edit", { timeout: 900_000 }, async () => {
    // The rename changes package.json files, so the second install rewrites the lockfile, as the
    // user's would; under CI=true pnpm would refuse that unless told (frozen is its CI default).
    const install = (...flags: string[]) => exec("npx", [...PNPM, "install", "--offline", ...flags], { cwd: copy, timeoutMs: 300_000 });
    let res = await install("--frozen-lockfile");
    expect(res.code, res.stdout + res.stderr).toBe(0);

    renameSync(join(copy, "spec/openapi.yaml"), join(copy, "spec/platform.yaml"));
    const config = readFileSync(join(copy, "specforge.config.ts"), "utf8");
    const edited = config.replace(/scope: "@specforge"/, 'scope: "@acme"').replace(/spec: "spec\/openapi\.yaml"/, 'spec: "spec/platform.yaml"');
    expect(edited.match(/@acme|platform\.yaml/g)).toHaveLength(2);
    writeFileSync(join(copy, "specforge.config.ts"), edited);

    res = await exec("npx", [...PNPM, "generate"], { cwd: copy, timeoutMs: 600_000 });
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(res.stdout + res.stderr).toMatch(/run `pnpm install`/);

    for (const kind of GENERATED) {
      expect(json(`packages/${kind}/package.json`).name).toBe(`@acme/${kind}`);
      for (const file of files(`packages/${kind}/src/generated`)) {
        expect(readFileSync(join(copy, file), "utf8"), file).not.toMatch(/@specforge\/(types|client|zod|mocks)\b/);
      }
    }
    expect(readFileSync(join(copy, "packages/client/src/generated/client.gen.ts"), "utf8")).toContain('from "@acme/types"');
    expect(json("packages/client/package.json").dependencies).toHaveProperty("@acme/types");
    // Hand-written dependents keep their imports: the old name is now an alias of the new one.
    expect(json("packages/bff/package.json").dependencies["@specforge/client"]).toBe("workspace:@acme/client@*");

    res = await install("--no-frozen-lockfile");
    expect(res.code, res.stdout + res.stderr).toBe(0);
    // The repo's cache serves what the rename does not touch (the runtime, the generators).
    res = await turbo(["run", "build", "typecheck", "--output-logs=errors-only", `--cache-dir=${join(repoRoot, ".turbo/cache")}`], { cwd: copy, timeoutMs: 900_000 });
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toMatch(/@acme\/client/);
  });
});
