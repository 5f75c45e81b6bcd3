import { join, resolve } from "node:path";

/** Where the dev loop reads and writes; all derived from one root so tests can use a copy. */
export interface DevPaths {
  /** Paths in messages are relative to it. */
  root: string;
  specDir: string;
  /** The spec's root file and Redocly config, as spec/package.json's lint and bundle scripts name them. */
  entry: string;
  configFile: string;
  /** `redocly bundle` outputs: dist/openapi.yaml and dist/openapi.json. */
  distYaml: string;
  distJson: string;
  /** Workspace packages whose `generate` script runs the codegen CLI. */
  packagesDir: string;
}

export function devPaths(root: string): DevPaths {
  const r = resolve(root);
  const specDir = join(r, "spec");
  return {
    root: r,
    specDir,
    entry: join(specDir, "openapi.yaml"),
    configFile: join(specDir, "redocly.yaml"),
    distYaml: join(specDir, "dist", "openapi.yaml"),
    distJson: join(specDir, "dist", "openapi.json"),
    packagesDir: join(r, "packages"),
  };
}
