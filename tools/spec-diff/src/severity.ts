/**
 * How much a change matters, per rule:
 *
 * - **breaking**: a consumer written against the base version can fail against the head, on the
 *   wire (a request now rejected, a response it cannot read);
 * - **warning**: works on the wire but breaks some consumers — strict validators, exhaustive
 *   switches, code generated from the spec (names of types, validators and client methods);
 * - **info**: an addition, a relaxation, documentation.
 *
 * Each rule reports whether it breaks by direction (narrowing a request, widening a response); the
 * rules below are warnings by default instead. A project changes any rule's severity in its config.
 */
import type { Bump } from "./types.js";
import { RULE_BREAKS } from "./rules/catalog.js";

export type Severity = "breaking" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["info", "warning", "breaking"];

export const atLeast = (s: Severity, min: Severity) => SEVERITIES.indexOf(s) >= SEVERITIES.indexOf(min);

/** Rules whose default is `warning`, and why (the README lists these). */
export const WARNING_RULES: Readonly<Record<string, string>> = {
  "operation-id-changed": "generated type, validator and client method names change; nothing changes on the wire",
  "client-method-renamed": "the generated client's method moves (tags changed); nothing changes on the wire",
  "request-parameter-renamed": "a path parameter's name changes: the generated client takes it by the new name; nothing changes on the wire",
  "response-enum-widened": "a response may carry a new enum value: consumers that handle unknown values keep working, exhaustive ones do not",
  "response-discriminator-value-widened": "a response may carry a new kind of object: consumers that skip unknown kinds keep working",
  "response-property-added-to-closed-object": "a response object with additionalProperties: false gets a property: only validators enforcing it reject the response",
};

/**
 * Rules that change what the generated packages export (names) without changing the wire: their
 * bump is major even as a warning, since `@specforge/client` and friends break at compile time.
 */
export const GENERATED_NAME_RULES: ReadonlySet<string> = new Set(["operation-id-changed", "client-method-renamed", "request-parameter-renamed"]);

/** The default severity of a finding: the warnings above, else breaking when the rule says it breaks. */
export function defaultSeverity(rule: string, breaks: boolean): Severity {
  if (rule in WARNING_RULES) return "warning";
  return breaks ? "breaking" : "info";
}

/** A rule's default severity, from whether its findings break (the catalog); unknown rules: undefined. */
export function ruleDefaultSeverity(rule: string): Severity | undefined {
  const breaks = RULE_BREAKS.get(rule);
  return breaks === undefined ? undefined : defaultSeverity(rule, breaks);
}

/**
 * The semver bump a finding calls for: major when it counts as breaking or renames generated
 * code, else what the rule says (minor for a contract change, patch for documentation).
 */
export function bumpFor(rule: string, severity: Severity, ruleBump: Exclude<Bump, "major"> = "minor"): Bump {
  if (severity === "breaking" || GENERATED_NAME_RULES.has(rule)) return "major";
  return ruleBump;
}
