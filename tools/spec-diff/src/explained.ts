import { parsePointer } from "@specforge/codegen/model";

// Operations match by path template: `#/paths/~1u~1{id}` and `#/paths/~1u~1{userId}` are one place.
const template = (pointer: string) => (pointer.startsWith("#/paths/") ? pointer.replace(/\{[^}]*\}/g, "{}") : pointer);

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";

/**
 * Where a raw difference sits, as findings name places. An array that changed length has every
 * later entry shifted (a parameter removed moves the next one to its index), so a difference
 * inside it is one of the array's; an object's `required` list changes with its `properties`.
 */
function anchors(pointer: string, base: unknown, head: unknown): string[] {
  const tokens = pointer === "#" ? [] : parsePointer(pointer);
  let [b, h] = [base, head];
  let at = "#";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Unless both hold the same entry there (a parameter's name and place, a $ref): then nothing shifted it.
    if ((Array.isArray(b) || Array.isArray(h)) && (!Array.isArray(b) || !Array.isArray(h) || (b.length !== h.length && !sameEntry(b[Number(t)], h[Number(t)])))) break;
    at = pointer.split("/").slice(0, i + 2).join("/");
    [b, h] = [isObj(b) ? b[t] : undefined, isObj(h) ? h[t] : undefined];
  }
  const out = [at];
  const required = /^(.*)\/required(\/\d+)?$/.exec(at);
  // `…/properties/required` is a property called "required", not the list.
  if (required && !required[1]!.endsWith("/properties")) out.push(`${required[1]}/properties`);
  return out.map(template);
}

/** A schema's type or composition; not a property (or a named schema) that happens to be called `type`. */
const STRUCTURE = /(?<!\/(properties|patternProperties|\$defs|definitions|schemas))\/(type|oneOf|anyOf|allOf|\$ref)$/;

/** Two array entries that are the same item: a parameter by name and place, anything by its $ref. */
function sameEntry(x: unknown, y: unknown): boolean {
  if (!isObj(x) || !isObj(y)) return false;
  if (typeof x.$ref === "string") return x.$ref === y.$ref;
  return typeof x.name === "string" && x.name === y.name && x.in === y.in;
}

/**
 * Which raw differences the findings explain: a difference at a finding's place, inside it (the
 * finding covers its subtree), or above it (something under it was classified). A path or
 * component with one finding keeps its other, unclassified, differences.
 */
export function explainedBy(findingPointers: Iterable<string>, base: unknown, head: unknown): (pointer: string) => boolean {
  const exact = new Set<string>();
  const above = new Set<string>();
  for (const raw of findingPointers) {
    // A schema whose type or composition changed means something else in every keyword: the
    // finding explains the whole schema (the bounds of a type it no longer has, a sibling default).
    const f = template(raw.replace(STRUCTURE, ""));
    exact.add(f);
    for (let i = f.lastIndexOf("/"); i > 0; i = f.lastIndexOf("/", i - 1)) above.add(f.slice(0, i));
  }
  return (pointer) =>
    anchors(pointer, base, head).some((a) => {
      if (above.has(a)) return true;
      for (let p = a; ; p = p.slice(0, p.lastIndexOf("/"))) {
        if (exact.has(p)) return true;
        if (!p.includes("/")) return false;
      }
    });
}
