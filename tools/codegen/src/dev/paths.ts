import { join } from "node:path";
import { loadConfig, type ResolvedConfig } from "../config/config.mjs";

/** Where the dev loop reads and writes; all derived from the project's config, so tests can use a copy. */
export interface DevPaths {
  /** Paths in messages are relative to it. */
  root: string;
  specDir: string;
  /** The spec's root file (the config's `spec`) and the Redocly config beside it. */
  entry: string;
  configFile: string;
  /** `redocly bundle` outputs: dist/openapi.yaml and dist/openapi.json. */
  distYaml: string;
  distJson: string;
  /** Workspace packages whose `generate` script runs the codegen CLI. */
  packagesDir: string;
  /** The project's config, resolved. */
  config: ResolvedConfig;
}

export function devPaths(config: ResolvedConfig): DevPaths {
  return {
    root: config.root,
    specDir: config.spec.dir,
    entry: config.spec.entry,
    configFile: join(config.spec.dir, "redocly.yaml"),
    distYaml: config.spec.bundleYaml,
    distJson: config.spec.bundleJson,
    packagesDir: join(config.root, "packages"),
    config,
  };
}

/** The dev paths of the project whose specforge.config.ts is in `root`. */
export async function loadDevPaths(root: string): Promise<DevPaths> {
  return devPaths(await loadConfig({ cwd: root }));
}
