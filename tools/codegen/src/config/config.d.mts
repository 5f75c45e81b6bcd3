/** What a generated package holds: one codegen target each. */
export type PackageKind = "types" | "client" | "zod" | "mocks";

/**
 * `specforge.config.ts` at a project's root: the one place that names the API, its spec, the npm
 * scope and the generated packages. Every script and the turbo pipeline read it.
 */
export interface SpecforgeConfig {
  /** The API's name, shown by the mock server, the docs and the generated packages' descriptions. Default: "API". */
  name?: string;
  /** Root file of the hand-written spec, relative to the config file. Default: "spec/openapi.yaml". */
  spec?: string;
  /** npm scope of the generated packages, e.g. "@acme". Required. */
  scope: string;
  /**
   * Generated packages by what they hold: the folder (under `packages/`) and name (under `scope`)
   * of each, or false for none. Default: `{ types: "types", client: "client", zod: "zod", mocks: "mocks" }`.
   */
  packages?: Partial<Record<PackageKind, string | false>>;
  codegen?: {
    /** Seed of the generated fixtures. Default: 1. */
    seed?: number;
    /** A spec example that fails its schema: "error" stops generation, "warn" replaces it with a generated fixture. Default: "error". */
    invalidExamples?: "error" | "warn";
  };
  mock?: {
    /** Interface of the Prism mock server. Default: "127.0.0.1". */
    host?: string;
    /** Port of the Prism mock server. Default: 4010. */
    port?: number;
  };
  docs?: {
    /** Port of the API reference that `start` and `dev` serve. Default: 4011. */
    port?: number;
  };
  contract?: {
    /** Folder of hand-written contract cases (they override the generated ones), relative to the config file. Default: "test/contract/cases". */
    cases?: string;
    /** Bearer token the contract run sends (`pnpm contract`). Default: $CONTRACT_BEARER, else a placeholder. */
    bearer?: string;
  };
  bff?: {
    /** Port of `pnpm bff`. Default: 8787. */
    port?: number;
  };
  /** Options of `spec:diff` (severities, failOn, ignore file): see tools/spec-diff. Default: its defaults. */
  specDiff?: Record<string, unknown>;
}

/** A generated package, resolved. */
export interface ResolvedPackage {
  kind: PackageKind;
  /** npm name: `${scope}/${folder}`. */
  name: string;
  /** Absolute folder. */
  dir: string;
}

/** The config with every default applied and every path absolute. */
export interface ResolvedConfig {
  /** Folder of the config file (the project root). */
  root: string;
  /** The config file, or undefined when none was found and defaults apply. */
  file: string | undefined;
  name: string;
  scope: string;
  spec: {
    /** The spec's root file. */
    entry: string;
    /** Its folder: the spec package, with redocly.yaml and dist/. */
    dir: string;
    /** Redocly's bundles: dist/openapi.json and dist/openapi.yaml beside the entry. */
    bundleJson: string;
    bundleYaml: string;
  };
  /** Generated packages in target order (types, zod, client, mocks). */
  packages: ResolvedPackage[];
  codegen: { seed: number; invalidExamples: "error" | "warn" };
  mock: { host: string; port: number };
  docs: { port: number };
  contract: { cases: string; bearer: string | undefined };
  bff: { port: number };
  specDiff: Record<string, unknown>;
}

/** Types the config: `export default defineConfig({ … })`. */
export declare function defineConfig(config: SpecforgeConfig): SpecforgeConfig;

/** The config file names looked for, in order, from a folder upwards. */
export declare const CONFIG_FILES: readonly string[];

/** Finds the nearest config file from `cwd` upwards. */
export declare function findConfig(cwd?: string): string | undefined;

/** Checks a config object and applies the defaults; throws ConfigError naming the file and key. */
export declare function resolveConfig(config: unknown, file: string | undefined, root: string): ResolvedConfig;

/** Loads (TypeScript or JavaScript) and resolves the nearest config; throws ConfigError when it is invalid. */
export declare function loadConfig(options?: { cwd?: string; file?: string }): Promise<ResolvedConfig>;

/** A config file that cannot be loaded or has a bad value: the message names the file and the key. */
export declare class ConfigError extends Error {
  readonly file: string | undefined;
  readonly key: string;
  constructor(file: string | undefined, key: string, problem: string);
}
