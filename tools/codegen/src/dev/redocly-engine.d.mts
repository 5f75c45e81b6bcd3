// Types of redocly-engine.mjs (plain JavaScript so that a worker thread can load it without tsx).
export interface LintProblem {
  /** Path relative to the `cwd` given (or absolute / a URL when outside it). */
  file: string;
  line: number;
  col: number;
  severity: "error" | "warn";
  ruleId: string;
  message: string;
  pointer?: string;
}

export interface RedoclyEngine {
  version: string;
}

export interface RedoclyConfig {
  readonly __brand: "RedoclyConfig";
}

/** Parsed spec files kept between runs (see createParseCache). */
export interface ParseCache {
  readonly __brand: "ParseCache";
}

export class EngineUnavailable extends Error {}
export function redoclyCliDir(repoRoot: string): string;
export function loadRedoclyEngine(options: { cliDir: string }): Promise<RedoclyEngine>;
export function loadSpecConfig(engine: RedoclyEngine, configFile: string): Promise<RedoclyConfig>;
export function createParseCache(engine: RedoclyEngine): ParseCache;
export function lintSpec(engine: RedoclyEngine, config: RedoclyConfig, entry: string, cwd: string, cache?: ParseCache): Promise<LintProblem[]>;
export function bundleSpec(
  engine: RedoclyEngine,
  config: RedoclyConfig,
  entry: string,
  cwd: string,
  cache?: ParseCache,
): Promise<{ yaml?: string; json?: string; problems: LintProblem[] }>;
/** Errors for the non-finite numbers of a bundle (`pointers`), at their file and line under the entry's folder. */
export function nonFiniteProblems(pointers: string[], entry: string, cwd: string): LintProblem[];
