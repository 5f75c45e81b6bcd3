/**
 * Every rule id spec:diff can report, so that a configuration naming a rule that does not exist
 * (a typo) is an error rather than a silent no-op, and the README's list can be checked.
 */
import type { Direction } from "../types.js";

const DIRECTIONS: Direction[] = ["request", "response"];
const PRESENCE = ["removed", "added-required", "added-optional", "became-required", "became-optional"];
const EFFECTS = ["narrowed", "widened", "changed"];

/** What schema comparison reports as `<direction>-<thing>-<narrowed|widened|changed>`. */
export const SCHEMA_THINGS = [
  "type", "nullable", "enum", "min-length", "max-length", "minimum", "maximum", "exclusive-minimum", "exclusive-maximum",
  "min-items", "max-items", "min-properties", "max-properties", "pattern", "format", "content-media-type", "content-encoding",
  "unique-items", "multiple-of", "additional-properties", "pattern-properties", "dependent-required", "tuple-length", "items",
  "tuple-items", "contains", "min-contains", "max-contains", "union-branch", "union-constraint", "union-kind", "discriminator",
  "discriminator-value", "not",
];

/** Rules that do not depend on a direction. */
export const DOCUMENT_RULES = [
  "path-removed", "path-added", "operation-removed", "operation-added", "webhook-removed", "webhook-added",
  "operation-id-changed", "client-method-renamed", "operation-deprecated", "operation-undeprecated",
  "security-requirement-removed", "security-requirement-stricter", "security-requirement-relaxed", "security-alternative-added",
  "security-scheme-removed", "security-scheme-changed", "security-scheme-added", "security-flow-removed", "security-flow-added",
  "security-flow-url-changed", "security-scope-removed",
  "server-removed", "server-added", "server-url-changed", "server-default-changed",
  "response-property-added-to-closed-object", "request-untyped-body-removed",
  "documentation-changed", "other-change",
];

/** Rules written `<direction>-…`: parameters, bodies, media types, statuses, headers, properties, defaults, schemas. */
function directional(dir: Direction): string[] {
  return [
    ...PRESENCE.flatMap((p) => [`${dir}-parameter-${p}`, `${dir}-body-${p}`, `${dir}-header-${p}`, `${dir}-property-${p}`]),
    `${dir}-parameter-serialization-changed`, `${dir}-parameter-renamed`, `${dir}-property-renamed`,
    `${dir}-media-type-removed`, `${dir}-media-type-added`, `${dir}-media-type-changed`,
    `${dir}-status-removed`, `${dir}-status-added`,
    `${dir}-default-added`, `${dir}-default-removed`, `${dir}-default-changed`,
    ...SCHEMA_THINGS.flatMap((t) => EFFECTS.map((e) => `${dir}-${t}-${e}`)),
  ];
}

export const RULE_IDS: ReadonlySet<string> = new Set([...DOCUMENT_RULES, ...DIRECTIONS.flatMap(directional)]);

/** `response-*-widened` → a RegExp over whole rule ids (`*` is any run of characters). */
export function ruleGlob(pattern: string): RegExp {
  return new RegExp(`^${pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
}

/** Rule ids a pattern (an id, or a glob with `*`) names; empty when it names none. */
export function rulesMatching(pattern: string): string[] {
  if (!pattern.includes("*")) return RULE_IDS.has(pattern) ? [pattern] : [];
  const re = ruleGlob(pattern);
  return [...RULE_IDS].filter((id) => re.test(id));
}
