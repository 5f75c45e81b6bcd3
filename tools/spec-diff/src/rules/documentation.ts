import { joinPointer } from "@specforge/codegen/model";

type Json = unknown;

// Keys that only document: changing them changes docs, mocks and examples, not what is valid.
const DOC_KEYS = new Set(["description", "summary", "title", "example", "examples", "externalDocs", "contact", "license", "termsOfService", "x-logo"]);

/**
 * Pointers (in the head document) where two bundled documents differ, deepest first reached. One
 * pass over both: equal subtrees are recognised on the way (comparing whole subtrees as text at
 * every level cost time in proportion to size × depth, seconds on a 13 MB spec).
 */
export function rawDifferences(base: Json, head: Json, at = "#", out: string[] = []): string[] {
  collect(base, head, [], (path) => out.push(joinPointer(at, ...path)));
  return out;
}

const obj = (v: Json): v is Record<string, Json> => v !== null && typeof v === "object";

// The path is one array pushed and popped on the way: pointers are built only where a difference is.
function collect(base: Json, head: Json, path: string[], found: (path: string[]) => void): void {
  if (base === head) return;
  if (!obj(base) || !obj(head) || Array.isArray(base) !== Array.isArray(head)) {
    found(path);
    return;
  }
  for (const k of new Set([...Object.keys(base), ...Object.keys(head)])) {
    path.push(k);
    collect((base as Record<string, Json>)[k], (head as Record<string, Json>)[k], path, found);
    path.pop();
  }
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
