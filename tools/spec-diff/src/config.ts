import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { rulesMatching } from "./rules/catalog.js";
import { SEVERITIES, defaultSeverity, type Severity } from "./severity.js";

export const FORMATS = ["text", "json", "markdown", "junit", "github"] as const;
export type Format = (typeof FORMATS)[number];
export type FailOn = "breaking" | "warning";

/**
 * spec:diff's options as a project sets them (the `spec-diff` section of the project config, or a
 * JSON file given with `--config`). Command-line flags win over it.
 */
export interface SpecDiffConfig {
  /**
   * Severity per rule: a rule id (`response-enum-widened`) or a glob with `*` (`response-*-widened`).
   * An id wins over globs, a longer glob over a shorter one.
   */
  severity?: Record<string, Severity>;
  /** The lowest severity that fails the gate. Default: breaking. */
  failOn?: FailOn;
  /** The ignore file (accepted changes). Default: `.spec-diff-ignore.yaml` at the repository root, when there. */
  ignoreFile?: string;
  /** Report format. Default: text. */
  format?: Format;
  /** List every change, not only what the gate looks at. Default: false. */
  changelog?: boolean;
}

/** A configuration or ignore file that cannot be used; the message names the file and the entry. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const KEYS = new Set(["severity", "failOn", "ignoreFile", "format", "changelog"]);
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const list = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(", ");

/** Checks a configuration value (from JSON or code); `source` names it in errors. */
export function validateConfig(value: unknown, source: string): SpecDiffConfig {
  if (!isObj(value)) throw new ConfigError(`${source}: the spec-diff configuration must be an object`);
  for (const k of Object.keys(value)) if (!KEYS.has(k)) throw new ConfigError(`${source}: unknown option ${JSON.stringify(k)} (known: ${list([...KEYS])})`);
  const { severity, failOn, ignoreFile, format, changelog } = value;
  if (severity !== undefined) {
    if (!isObj(severity)) throw new ConfigError(`${source}: severity must map rule ids to ${list(SEVERITIES)}`);
    for (const [rule, s] of Object.entries(severity)) {
      if (!SEVERITIES.includes(s as Severity)) throw new ConfigError(`${source}: severity of ${JSON.stringify(rule)} must be one of ${list(SEVERITIES)}, not ${JSON.stringify(s)}`);
      if (!rulesMatching(rule).length) throw new ConfigError(`${source}: severity: ${JSON.stringify(rule)} names no rule (see tools/spec-diff/README.md for the rule ids)`);
    }
  }
  if (failOn !== undefined && failOn !== "breaking" && failOn !== "warning") throw new ConfigError(`${source}: failOn must be "breaking" or "warning"`);
  if (ignoreFile !== undefined && typeof ignoreFile !== "string") throw new ConfigError(`${source}: ignoreFile must be a path`);
  if (format !== undefined && !FORMATS.includes(format as Format)) throw new ConfigError(`${source}: format must be one of ${list(FORMATS)}`);
  if (changelog !== undefined && typeof changelog !== "boolean") throw new ConfigError(`${source}: changelog must be true or false`);
  return value as SpecDiffConfig;
}

/** A JSON file holding a SpecDiffConfig; a relative `ignoreFile` in it is relative to the file. */
export function readConfigFile(file: string): SpecDiffConfig {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError(`${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not JSON: ${(err as Error).message}`}`);
  }
  const config = validateConfig(value, file);
  return config.ignoreFile ? { ...config, ignoreFile: resolve(dirname(file), config.ignoreFile) } : config;
}

/** The severity of a finding under `overrides` (see SpecDiffConfig.severity), else the rule's default. */
export function severityResolver(overrides: Record<string, Severity> = {}): (rule: string, breaks: boolean) => Severity {
  const exact = new Map(Object.entries(overrides).filter(([k]) => !k.includes("*")));
  // Longer patterns are more specific: they are tried first.
  const globs = Object.entries(overrides)
    .filter(([k]) => k.includes("*"))
    .sort(([a], [b]) => b.length - a.length)
    .map(([k, s]) => [new Set(rulesMatching(k)), s] as const);
  const memo = new Map<string, Severity>();
  return (rule, breaks) => {
    const key = `${rule}\0${breaks}`;
    let s = memo.get(key);
    if (!s) {
      s = exact.get(rule) ?? globs.find(([ids]) => ids.has(rule))?.[1] ?? defaultSeverity(rule, breaks);
      memo.set(key, s);
    }
    return s;
  };
}
