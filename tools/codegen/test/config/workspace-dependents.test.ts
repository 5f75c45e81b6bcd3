import { describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { syncPackageJson, syncWorkspaceDependents, workspaceDirs } from "../../src/config/package-target.js";
import type { ResolvedConfig } from "../../src/config/config.mjs";
import { scratchFolders } from "../scratch.js";

const scratch = scratchFolders();

/** A workspace as `pnpm-workspace.yaml` lists it, with the given package.json per folder. */
function workspace(manifests: Record<string, object>): string {
  const root = scratch("specforge-dependents-");
  writeFileSync(join(root, "pnpm-workspace.yaml"), 'packages:\n  - "packages/*"\n  - test\n  - bench # benchmarks\nallowBuilds:\n  esbuild: true\n');
  for (const [dir, json] of Object.entries(manifests)) {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, "package.json"), JSON.stringify(json, null, 2) + "\n");
  }
  return root;
}
const read = (root: string, dir: string) => JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
const config = (root: string, scope: string) =>
  ({ root, scope, packages: ["types", "client"].map((kind) => ({ kind, name: `${scope}/${kind}`, dir: join(root, "packages", kind) })) }) as unknown as ResolvedConfig;

describe("a scope change keeps the workspace installable", () => {
  it("lists the folders of pnpm-workspace.yaml (plain and dir/* entries, comments and other keys ignored)", () => {
    const root = workspace({ "packages/types": {}, "packages/client": {}, test: {}, bench: {}, "other/x": {} });
    expect(workspaceDirs(root).map((d) => d.slice(root.length + 1)).sort()).toEqual(["bench", "packages/client", "packages/types", "test"]);
  });

  const cases: Array<{ name: string; scope: string; given: Record<string, string>; want: Record<string, string> }> = [
    { name: "an old name becomes an alias of the new one", scope: "@acme", given: { "@specforge/client": "workspace:*" }, want: { "@specforge/client": "workspace:@acme/client@*" } },
    { name: "an alias follows a second rename", scope: "@beta", given: { "@specforge/client": "workspace:@acme/client@*" }, want: { "@specforge/client": "workspace:@beta/client@*" } },
    { name: "renaming back drops the alias", scope: "@beta", given: { "@beta/client": "workspace:@acme/client@^" }, want: { "@beta/client": "workspace:^" } },
    { name: "other packages and registry ranges are left alone", scope: "@acme", given: { "@specforge/runtime": "workspace:*", "openapi-fetch": "0.17.0", client: "1.0.0" }, want: { "@specforge/runtime": "workspace:*", "openapi-fetch": "0.17.0", client: "1.0.0" } },
  ];
  it.each(cases)("$name", ({ scope, given, want }) => {
    const root = workspace({ "packages/types": { name: "@x/types" }, "packages/client": { name: "@x/client" }, test: { name: "t", devDependencies: given } });
    const changed = syncWorkspaceDependents(config(root, scope), config(root, scope).packages[1]!);
    expect(read(root, "test").devDependencies).toEqual(want);
    expect(changed.length).toBe(JSON.stringify(given) === JSON.stringify(want) ? 0 : 1);
  });

  it("renames a generated package and its dependencies on the other generated packages, never a dependent's imports", () => {
    const root = workspace({
      "packages/types": { name: "@specforge/types" },
      "packages/client": { name: "@specforge/client", dependencies: { "@specforge/types": "workspace:*", "@specforge/runtime": "workspace:*" } },
      bench: { name: "b", dependencies: { "@specforge/client": "workspace:*", "@specforge/types": "workspace:*" } },
    });
    const c = config(root, "@acme");
    for (const pkg of c.packages) {
      syncPackageJson(c, pkg);
      syncWorkspaceDependents(c, pkg);
    }
    expect(read(root, "packages/client")).toEqual({ name: "@acme/client", dependencies: { "@acme/types": "workspace:*", "@specforge/runtime": "workspace:*" } });
    expect(read(root, "bench").dependencies).toEqual({ "@specforge/client": "workspace:@acme/client@*", "@specforge/types": "workspace:@acme/types@*" });
    // A second run writes nothing.
    expect(c.packages.flatMap((p) => syncWorkspaceDependents(c, p))).toEqual([]);
  });
});
