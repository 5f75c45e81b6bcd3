import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { messageText, type Message } from "@specforge/codegen/terminal-text";
import { RULE_IDS, rulesMatching } from "./rules/catalog.js";
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
/**
 * A problem in spec-diff's configuration or ignore file (a pull request may write either). A plain
 * message is shown on one line whatever it quotes (keys, rule ids, entries, parser messages); a
 * `message` template keeps its own line breaks. The rule of codegen's SpecError.
 */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(problem: string | Message) {
    super(messageText(problem));
  }
}

const KEYS = new Set(["severity", "failOn", "ignoreFile", "format", "changelog"]);
/** Options that are paths: relative ones are relative to the folder of the file that sets them. */
export const PATH_OPTIONS = ["ignoreFile"] as const satisfies readonly (keyof SpecDiffConfig)[];
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const list = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(", ");

/**
 * Checks a configuration value (from JSON or code). Errors read `<source>: <key>: <problem>`:
 * `source` names the file (or the caller), `at` is where the section sits in it (`specDiff` in
 * specforge.config.ts, empty for a file holding only the section), so a key reads
 * `specDiff.severity.response-enum-widend`.
 */
export function validateConfig(value: unknown, source: string, at = ""): SpecDiffConfig {
  const fail = (key: string, problem: string): never => {
    const path = [at, key].filter(Boolean).join(".");
    throw new ConfigError(`${source}: ${path ? `${path}: ` : ""}${problem}`);
  };
  if (!isObj(value)) fail("", "the spec-diff configuration must be an object");
  const config = value as Record<string, unknown>;
  for (const k of Object.keys(config)) if (!KEYS.has(k)) fail(k, `unknown option (known: ${[...KEYS].join(", ")})`);
  const { severity, failOn, format, changelog } = config;
  if (severity !== undefined) {
    if (!isObj(severity)) fail("severity", `must map rule ids to ${list(SEVERITIES)}`);
    for (const [rule, s] of Object.entries(severity as Record<string, unknown>)) {
      if (!SEVERITIES.includes(s as Severity)) fail(`severity.${rule}`, `must be one of ${list(SEVERITIES)}, not ${JSON.stringify(s)}`);
      if (!rulesMatching(rule).length) fail(`severity.${rule}`, unknownRule(rule));
    }
  }
  if (failOn !== undefined && failOn !== "breaking" && failOn !== "warning") fail("failOn", `must be "breaking" or "warning", not ${JSON.stringify(failOn)}`);
  for (const k of PATH_OPTIONS) {
    const path = config[k];
    if (path !== undefined && (typeof path !== "string" || path.trim() === "")) fail(k, "must be a path");
  }
  if (format !== undefined && !FORMATS.includes(format as Format)) fail("format", `must be one of ${list(FORMATS)}, not ${JSON.stringify(format)}`);
  if (changelog !== undefined && typeof changelog !== "boolean") fail("changelog", "must be true or false");
  return config as SpecDiffConfig;
}

/** Why a rule id or glob naming no rule is refused; a typo of an id gets the nearest id. */
export function unknownRule(pattern: string): string {
  const where = "every rule id is listed in tools/spec-diff/README.md#rules";
  if (pattern.includes("*")) return `the pattern names no rule; ${where}`;
  const near = nearestRule(pattern);
  return `unknown rule${near ? ` (did you mean ${JSON.stringify(near)}?)` : ""}; ${where}`;
}

function nearestRule(id: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 6)) + 1;
  for (const rule of RULE_IDS) {
    const d = editDistance(id, rule, bestDistance);
    if (d < bestDistance) [best, bestDistance] = [rule, d];
  }
  return best;
}

/** Levenshtein distance, or `limit` once it is reached. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) >= limit) return limit;
    prev = row;
  }
  return Math.min(prev[b.length]!, limit);
}

/** The configuration with its relative paths (PATH_OPTIONS) made absolute from `dir`, the folder of the file that sets them. */
export function resolveConfigPaths(config: SpecDiffConfig, dir: string): SpecDiffConfig {
  const out: SpecDiffConfig = { ...config };
  for (const k of PATH_OPTIONS) if (out[k] !== undefined) out[k] = resolve(dir, out[k]);
  return out;
}

/** A JSON file holding a SpecDiffConfig; its relative paths (`ignoreFile`) are relative to the file. */
export function readConfigFile(file: string): SpecDiffConfig {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError(`${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not JSON: ${(err as Error).message}`}`);
  }
  return resolveConfigPaths(validateConfig(value, file), dirname(file));
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
