/**
 * The ignore file: changes a team reviewed and accepts, each with its reason and optionally an
 * expiry date. YAML or JSON, a list of entries (or `{ ignore: [...] }`):
 *
 *   - operation: GET /users/{id}          # or an operationId (the old or the new one), `webhook <name>`, `(document)`
 *     rule: response-enum-widened          # a rule id, or a glob: response-*-widened
 *     reason: role "auditor" is only given to internal accounts
 *     expires: 2026-01-31                  # optional: from the next day on, the entry stops applying
 *   - pointer: "#/components/schemas/User/properties/role"   # this pointer or anything under it
 *     rule: "*"
 *     reason: …
 *
 * An accepted change is still listed (as accepted) and counts for the release bump as a
 * non-breaking change; it no longer fails the gate. An expired entry accepts nothing and is
 * reported; an entry that matches nothing is reported as stale. Neither fails the gate by itself.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ruleGlob, rulesMatching } from "./rules/catalog.js";
import { ConfigError, unknownRule } from "./config.js";
import type { Change } from "./types.js";

export interface IgnoreEntry {
  /** Position in the file, from 1. */
  index: number;
  operation?: string;
  pointer?: string;
  rule: string;
  reason: string;
  /** `YYYY-MM-DD`: the last day the entry applies. */
  expires?: string;
}

export interface IgnoreOutcome {
  file: string;
  /** Entries past their date: they accept nothing any more. `matches`: the changes they would accept. */
  expired: (IgnoreEntry & { matches: number })[];
  /** Entries that match no change (the change is gone, or the entry is wrong). */
  stale: IgnoreEntry[];
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads and checks the ignore file; a ConfigError names the file and the entry. */
export function readIgnoreFile(file: string): IgnoreEntry[] {
  let doc: unknown;
  try {
    const text = readFileSync(file, "utf8");
    doc = file.endsWith(".json") ? JSON.parse(text) : parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not YAML or JSON: ${(err as Error).message.split("\n")[0]}`}`);
  }
  return parseIgnoreEntries(doc ?? [], file);
}

export function parseIgnoreEntries(doc: unknown, file: string): IgnoreEntry[] {
  const list = isObj(doc) && Array.isArray(doc.ignore) ? doc.ignore : doc;
  if (!Array.isArray(list)) throw new ConfigError(`${file}: expected a list of entries (or { ignore: [...] })`);
  return list.map((raw, i) => {
    const at = `${file}: entry ${i + 1}`;
    if (!isObj(raw)) throw new ConfigError(`${at}: expected { operation | pointer, rule, reason, expires? }`);
    for (const k of Object.keys(raw)) if (!["operation", "pointer", "rule", "reason", "expires"].includes(k)) throw new ConfigError(`${at}: unknown key ${JSON.stringify(k)}`);
    const { operation, pointer, rule, reason, expires } = raw;
    const text = (v: unknown) => typeof v === "string" && v.trim() !== "";
    if (operation === undefined && pointer === undefined) throw new ConfigError(`${at}: needs an operation or a pointer`);
    if (operation !== undefined && !text(operation)) throw new ConfigError(`${at}: operation must be text`);
    if (pointer !== undefined && (!text(pointer) || !String(pointer).startsWith("#"))) throw new ConfigError(`${at}: pointer must be a JSON pointer starting with #`);
    if (!text(rule)) throw new ConfigError(`${at}: needs a rule (a rule id, or a glob with *)`);
    if (!rulesMatching(rule as string).length) throw new ConfigError(`${at}: rule ${JSON.stringify(rule)}: ${unknownRule(rule as string)}`);
    if (!text(reason)) throw new ConfigError(`${at}: needs a reason (why the change is accepted)`);
    // YAML may read an unquoted date as a Date; both spellings are accepted.
    const day = expires instanceof Date ? expires.toISOString().slice(0, 10) : expires;
    if (day !== undefined && (typeof day !== "string" || !DATE.test(day) || Number.isNaN(Date.parse(day)))) throw new ConfigError(`${at}: expires must be a date, YYYY-MM-DD`);
    return {
      index: i + 1,
      ...(operation !== undefined ? { operation: String(operation).trim() } : {}),
      ...(pointer !== undefined ? { pointer: String(pointer) } : {}),
      rule: rule as string,
      reason: reason as string,
      ...(day !== undefined ? { expires: day as string } : {}),
    };
  });
}

// `/u/{id}` and `/u/{userId}` are one operation, as for matching versions.
const template = (path: string) => path.replace(/\{[^}]*\}/g, "{}");

/** `GET /users/{id} (getUser)` → the ways an entry may name it. */
function operationNames(label: string): string[] {
  const m = /^(\S+) (.*?)(?: \(([^()]*)\))?$/.exec(label);
  if (!m) return [label];
  const [, first, rest, id] = m;
  const names = [label, `${first} ${rest}`];
  if (first !== "webhook") names.push(`${first!.toUpperCase()} ${template(rest!)}`);
  if (id) names.push(id);
  return names;
}

function entryMatches(e: IgnoreEntry, c: Change, rule: RegExp): boolean {
  if (!rule.test(c.rule)) return false;
  if (e.pointer !== undefined && c.pointer !== e.pointer && !c.pointer.startsWith(`${e.pointer}/`)) return false;
  if (e.operation === undefined) return true;
  const want = /^(\S+) (\/.*?)(?: \([^()]*\))?$/.exec(e.operation);
  const wanted = want && want[1] !== "webhook" ? `${want[1]!.toUpperCase()} ${template(want[2]!)}` : e.operation;
  // An operation renamed by the change (its operationId) answers to its old name and its new one.
  return operationNames(c.operation).includes(wanted) || (c.baseOperation !== undefined && operationNames(c.baseOperation).includes(wanted));
}

/**
 * Marks the changes the entries accept (`ignored`), in place, and reports expired and stale entries.
 * `today` is `YYYY-MM-DD` (UTC): an entry applies through its `expires` day.
 */
export function applyIgnores(changes: Change[], entries: IgnoreEntry[], file: string, today: string): IgnoreOutcome {
  const out: IgnoreOutcome = { file, expired: [], stale: [] };
  for (const e of entries) {
    const rule = ruleGlob(e.rule);
    const matched = changes.filter((c) => entryMatches(e, c, rule));
    if (e.expires !== undefined && today > e.expires) {
      out.expired.push({ ...e, matches: matched.length });
      continue;
    }
    if (!matched.length) out.stale.push(e);
    for (const c of matched) c.ignored ??= { entry: e.index, reason: e.reason, ...(e.expires ? { expires: e.expires } : {}) };
  }
  return out;
}
