/**
 * Every rule id spec:diff can report, and whether a finding of it breaks consumers (what the rule
 * passes on as `breaking`, from which its default severity follows: see severity.ts). So a
 * configuration naming a rule that does not exist (a typo) is an error rather than a silent no-op,
 * and the README's table of rules and default severities is generated from here and checked
 * (test/rule-table.test.ts); the tests check every finding they meet against it.
 */
import { effectBreaks, presenceBreaks, type Direction, type Effect, type Presence } from "../types.js";

const DIRECTIONS: Direction[] = ["request", "response"];
const PRESENCE: Presence[] = ["removed", "added-required", "added-optional", "became-required", "became-optional"];
const EFFECTS: [Effect, string][] = [["narrow", "narrowed"], ["widen", "widened"], ["change", "changed"]];

/** What schema comparison reports as `<direction>-<thing>-<narrowed|widened|changed>`. */
export const SCHEMA_THINGS = [
  "type", "nullable", "enum", "min-length", "max-length", "minimum", "maximum", "exclusive-minimum", "exclusive-maximum",
  "min-items", "max-items", "min-properties", "max-properties", "pattern", "format", "content-media-type", "content-encoding",
  "unique-items", "multiple-of", "additional-properties", "pattern-properties", "dependent-required", "tuple-length", "items",
  "tuple-items", "contains", "min-contains", "max-contains", "union-branch", "union-constraint", "union-kind", "discriminator",
  "discriminator-value", "not",
];

/** Rules that do not depend on a direction → whether they break. */
const DOCUMENT: Readonly<Record<string, boolean>> = {
  "path-removed": true, "path-added": false, "operation-removed": true, "operation-added": false, "webhook-removed": true, "webhook-added": false, "callback-removed": true, "callback-added": false,
  "operation-id-changed": true, "client-method-renamed": true, "operation-deprecated": false, "operation-undeprecated": false,
  "security-requirement-removed": true, "security-requirement-stricter": true, "security-requirement-relaxed": false, "security-alternative-added": false,
  "security-scheme-removed": true, "security-scheme-changed": true, "security-scheme-added": false, "security-flow-removed": true, "security-flow-added": false,
  "security-flow-url-changed": true, "security-scope-removed": true,
  "server-removed": true, "server-added": false, "server-url-changed": true, "server-default-changed": true,
  "server-variable-value-removed": true, "server-variable-value-added": false,
  "response-property-added-to-closed-object": true, "request-untyped-body-removed": false,
  "documentation-changed": false, "other-change": false,
};

export const DOCUMENT_RULES = Object.keys(DOCUMENT);

/**
 * Rules written `<direction>-…`: parameters, bodies, media types, statuses, headers, properties,
 * defaults, schemas. Presence and schema effects break by direction (types.ts); a request's
 * default that is removed or changed changes what clients that leave it out get.
 */
function directional(dir: Direction): [string, boolean][] {
  return [
    ...PRESENCE.flatMap((p) => ["parameter", "body", "header", "property"].map((what): [string, boolean] => [`${dir}-${what}-${p}`, presenceBreaks(dir, p)])),
    [`${dir}-parameter-serialization-changed`, true], [`${dir}-parameter-renamed`, false], [`${dir}-property-renamed`, true],
    [`${dir}-media-type-removed`, true], [`${dir}-media-type-added`, false], [`${dir}-media-type-changed`, true],
    // A request type now accepted through a range, a response range now sent as one of its types.
    [`${dir}-media-type-${dir === "request" ? "widened" : "narrowed"}`, false],
    [`${dir}-status-removed`, true], [`${dir}-status-added`, false],
    [`${dir}-default-added`, false], [`${dir}-default-removed`, dir === "request"], [`${dir}-default-changed`, dir === "request"],
    ...SCHEMA_THINGS.flatMap((t) => EFFECTS.map(([e, word]): [string, boolean] => [`${dir}-${t}-${word}`, effectBreaks(dir, e)])),
  ];
}

/** Every rule id → whether its findings break consumers, in the order the README lists them. */
export const RULE_BREAKS: ReadonlyMap<string, boolean> = new Map([...Object.entries(DOCUMENT), ...DIRECTIONS.flatMap(directional)]);

export const RULE_IDS: ReadonlySet<string> = new Set(RULE_BREAKS.keys());

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
