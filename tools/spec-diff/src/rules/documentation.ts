import { joinPointer } from "@specforge/codegen/src/load/spec-error.js";

type Json = unknown;

// Keys that only document: changing them changes docs, mocks and examples, not what is valid.
const DOC_KEYS = new Set(["description", "summary", "title", "example", "examples", "externalDocs", "contact", "license", "termsOfService", "x-logo"]);

/** Pointers (in the head document) where two bundled documents differ, deepest first reached. */
export function rawDifferences(base: Json, head: Json, at = "#", out: string[] = []): string[] {
  if (JSON.stringify(base) === JSON.stringify(head)) return out;
  const obj = (v: Json): v is Record<string, Json> => v !== null && typeof v === "object";
  if (!obj(base) || !obj(head) || Array.isArray(base) !== Array.isArray(head)) {
    out.push(at);
    return out;
  }
  const keys = new Set([...Object.keys(base), ...Object.keys(head)]);
  for (const k of keys) rawDifferences((base as Record<string, Json>)[k], (head as Record<string, Json>)[k], joinPointer(at, k), out);
  return out;
}

const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "schemas", "parameters", "headers", "responses", "paths", "webhooks"]);

/** Splits raw differences into documentation-only ones and the rest; `info.version` is neither. */
export function classifyRawDifferences(pointers: string[]): { docs: string[]; other: string[] } {
  const docs: string[] = [];
  const other: string[] = [];
  for (const p of pointers) {
    if (p === "#/info/version") continue;
    const tokens = p.split("/");
    // A property called "description" is not documentation.
    const isDoc = tokens.some((t, i) => DOC_KEYS.has(t) && !NAME_MAPS.has(tokens[i - 1] ?? ""));
    (isDoc ? docs : other).push(p);
  }
  return { docs, other };
}
