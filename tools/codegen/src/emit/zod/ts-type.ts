import { jsDoc, propertyKey } from "../inert.js";
import type { IRMeta } from "../../ir/types.js";

/**
 * TypeScript type text of what a schema accepts. It uses no global type by name (a component
 * may be called `Record` or `Array`), only keywords, literals and `T[]` syntax.
 */

/** Whether `t` has a `|` or `&` outside brackets, strings and comments (then it needs parentheses). */
export function topLevelOperator(t: string): boolean {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '"') {
      for (i++; i < t.length && t[i] !== '"'; i++) if (t[i] === "\\") i++;
    } else if (c === "/" && t[i + 1] === "*") {
      const end = t.indexOf("*/", i + 2);
      i = end < 0 ? t.length : end + 1;
    } else if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") depth--;
    else if (depth === 0 && (c === "|" || c === "&")) return true;
  }
  return false;
}

const needsParens = topLevelOperator;

export function tsUnion(types: string[]): string {
  const list = [...new Set(types.filter((t) => t !== "never"))];
  if (list.includes("unknown")) return "unknown";
  if (list.length === 0) return "never";
  return list.join(" | ");
}

export function tsIntersection(types: string[]): string {
  if (types.includes("never")) return "never";
  const list = [...new Set(types.filter((t) => t !== "unknown"))];
  if (list.length === 0) return "unknown";
  if (list.length === 1) return list[0]!;
  return list.map((t) => (needsParens(t) ? `(${t})` : t)).join(" & ");
}

export function tsArray(item: string): string {
  return topLevelOperator(item) ? `(${item})[]` : `${item}[]`;
}

export interface TsMember {
  name: string;
  type: string;
  optional: boolean;
  meta?: IRMeta;
}

/** `{ a: string; b?: number; [k: string]: unknown }`, with the JSDoc of each member. */
export function tsObject(members: TsMember[], index: string | undefined): string {
  if (members.length === 0 && index === undefined) return "{}";
  const lines: string[] = [];
  for (const m of members) {
    const doc = memberDoc(m.meta);
    if (doc) lines.push(doc);
    lines.push(`${propertyKey(m.name)}${m.optional ? "?" : ""}: ${m.type};`);
  }
  if (index !== undefined) lines.push(`[k: string]: ${index};`);
  if (lines.every((l) => !l.startsWith("/*")) && lines.join(" ").length < 100) return `{ ${lines.join(" ")} }`;
  return `{\n${lines.join("\n")}\n}`;
}

const DOCS = [new Map<string, string>(), new Map<string, string>()];

function memberDoc(meta: IRMeta | undefined): string {
  if (!meta || (!meta.description && !meta.deprecated)) return "";
  const cache = DOCS[meta.deprecated ? 1 : 0]!;
  const key = meta.description ?? "";
  let doc = cache.get(key);
  if (doc === undefined) {
    doc = buildDoc(meta);
    if (cache.size > 50_000) cache.clear();
    cache.set(key, doc);
  }
  return doc;
}

function buildDoc(meta: IRMeta): string {
  const lines: string[] = [];
  const first = meta.description?.trim().split(/\n\s*\n/)[0]?.trim();
  if (first) lines.push(...first.split("\n"));
  if (meta.deprecated) lines.push("@deprecated");
  return jsDoc(lines, "");
}

/** Re-indents a multi-line type for readability (purely cosmetic, deterministic). */
export function indentType(text: string, base: string): string {
  if (!text.includes("\n")) return text;
  let depth = 0;
  const out: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const closes = /^[}\])]/.test(line) ? 1 : 0;
    out.push(line ? base + "  ".repeat(Math.max(0, depth - closes)) + line : "");
    for (const ch of line.replace(/"(?:[^"\\]|\\.)*"/g, "")) {
      if (ch === "{") depth++;
      else if (ch === "}") depth--;
    }
  }
  return out.join("\n").trimStart();
}
