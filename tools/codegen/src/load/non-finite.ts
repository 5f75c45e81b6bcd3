import type { IRWarning } from "../ir/types.js";
import { joinPointer, specWarning } from "./spec-error.js";
import { childContext, type Ctx } from "./ref-contexts.js";

/**
 * YAML has numbers JSON has not: `.inf`, `-.inf` and `.nan` (and a JSON literal past the double
 * range, `1e999`, parses as Infinity too). No JSON document can carry one, so no instance a
 * validator sees can equal it and no example can be sent; written into code they became
 * `N: Infinity | -Infinity | 1` and `M: NaN` in the types (tsc rejects both) and `null` in zod
 * (JSON.stringify's rendering, which then accepted `null`). The rule is decided here, once, on the
 * loaded document every target reads (the model, zod, mocks, client, and openapi-typescript's copy):
 *
 * - an `enum` member holding one is dropped (no JSON value can equal it); an enum left with no
 *   member admits nothing, as it says (`not: {}`);
 * - a `const` holding one admits nothing too (the same rule: `const: x` is `enum: [x]`);
 * - a `default`, `example`, `examples` member (schemas), parameter/header/media-type `example` or
 *   Example Object `value` holding one is dropped whole (not a value any document can carry; the
 *   fixtures generate one instead);
 * - a bound (`minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`, the
 *   length, item, property and contains counts) that is one is no bound;
 * - anywhere else (extensions, link values…) the number itself is dropped.
 *
 * Each with a warning at its JSON pointer. Nothing non-finite is left for an emitter to print.
 * Mutates `document`; returns the warnings (none, and no walk past the first check, for a document
 * without such numbers: nearly every spec).
 */
export function dropNonFinite(document: Record<string, unknown>): IRWarning[] {
  if (!containsNonFinite(document)) return [];
  const warnings: IRWarning[] = [];
  // One line each whoever prints them (the pointers pass through the spec's keys).
  const warn = (pointer: string, message: string) => warnings.push(specWarning(pointer, message));
  const seen = new Set<object>();

  const walk = (node: unknown, at: string, ctx: Ctx): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node); // a YAML alias: one object at many places, cleaned at the first
    if (Array.isArray(node)) {
      // An array of schemas (`items: [A, B]`) stays one; elsewhere the kind is the tree's.
      const member = ctx.kind === "schemas" || ctx.kind === "schemaList" ? { kind: "schemas" } : childContext(ctx, "*");
      let kept = 0;
      for (let i = 0; i < node.length; i++) {
        const x: unknown = node[i];
        if (isNonFinite(x)) {
          warn(joinPointer(at, i), `${show(x)} is a non-finite number, which JSON cannot carry; dropped`);
          continue;
        }
        walk(x, joinPointer(at, i), member);
        node[kept++] = x;
      }
      node.length = kept;
      return;
    }
    const obj = node as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const v = obj[key];
      const here = joinPointer(at, key);
      if (ctx.kind === "schemas" && schemaKeyword(obj, key, here, warn)) continue;
      if (VALUE_KEYS[ctx.kind ?? ""] === key) {
        if (containsNonFinite(v)) {
          warn(here, `${key} ${show(v)} holds a non-finite number, which JSON cannot carry (no document can hold this value); dropped`);
          delete obj[key];
        }
        continue;
      }
      if (isNonFinite(v)) {
        warn(here, `${show(v)} is a non-finite number, which JSON cannot carry; dropped`);
        delete obj[key];
      } else walk(v, here, childContext(ctx, key));
    }
  };
  walk(document, "#", { kind: "root" });
  return warnings;
}

/** The key of an OpenAPI object that holds one literal value, by kind (see ref-contexts.ts). */
const VALUE_KEYS: Record<string, string> = { parameters: "example", headers: "example", mediaType: "example", examples: "value" };

/** Keywords whose value is a number bounding the instance. */
const BOUNDS = new Set([
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "minContains",
  "maxContains",
]);

/** Applies the rule to one keyword of a schema; true when it was a keyword holding a value (handled here, not walked). */
function schemaKeyword(s: Record<string, unknown>, key: string, at: string, warn: (pointer: string, message: string) => void): boolean {
  const v = s[key];
  if (BOUNDS.has(key)) {
    if (!isNonFinite(v)) return false;
    warn(at, `${key} ${show(v)} is a non-finite number, which JSON cannot carry; ignored (no bound)`);
    delete s[key];
    return true;
  }
  if ((key === "enum" || key === "examples") && Array.isArray(v)) {
    const bad = v.map((member) => containsNonFinite(member));
    const kept = v.filter((_, i) => !bad[i]);
    const last = bad.lastIndexOf(true);
    v.forEach((member, i) => {
      if (!bad[i]) return;
      warn(
        joinPointer(at, i),
        key === "enum"
          ? `enum member ${show(member)} holds a non-finite number, which JSON cannot carry (no JSON value can equal it); dropped${kept.length === 0 && i === last ? "; no member is left, so no value is valid" : ""}`
          : `example ${show(member)} holds a non-finite number, which JSON cannot carry (no document can hold this value); dropped`,
      );
    });
    if (kept.length === v.length) return true;
    if (key === "enum" && kept.length === 0) {
      delete s.enum;
      admitNothing(s);
    } else s[key] = kept;
    return true;
  }
  if (key === "const") {
    if (!containsNonFinite(v)) return true;
    warn(at, `const ${show(v)} holds a non-finite number, which JSON cannot carry (no JSON value can equal it); no value is valid (not: {})`);
    delete s.const;
    admitNothing(s);
    return true;
  }
  if (key === "default" || key === "example") {
    if (containsNonFinite(v)) {
      warn(at, `${key} ${show(v)} holds a non-finite number, which JSON cannot carry (no document can hold this value); dropped`);
      delete s[key];
    }
    return true;
  }
  return false;
}

const isNonFinite = (v: unknown): v is number => typeof v === "number" && !Number.isFinite(v);

/**
 * Makes `s` admit no value: `not: {}`, which every validator reads (an empty `enum` is valid
 * 2020-12 but Ajv, and so Prism serving the mock spec, refuses to compile it). The types target
 * types it `never` (emit/types/keywords-2020.mjs), zod `z.never()`, the mocks leave it without a fixture.
 */
function admitNothing(s: Record<string, unknown>): void {
  if (s.not === undefined) s.not = {};
  else s.allOf = [...(Array.isArray(s.allOf) ? s.allOf : []), { not: {} }];
}

/** Whether `v` is or holds a non-finite number (Object.values: twice as fast as for…in on big specs). */
function containsNonFinite(v: unknown): boolean {
  if (typeof v === "number") return !Number.isFinite(v);
  if (typeof v !== "object" || v === null) return false;
  const values = Object.values(v);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x === "object" ? containsNonFinite(x) : typeof x === "number" && !Number.isFinite(x)) return true;
  }
  return false;
}

/** A value as the YAML that wrote it (`.inf`, `-.inf`, `.nan`), shortened. */
function show(v: unknown): string {
  const text = render(v, 0);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function render(v: unknown, depth: number): string {
  if (typeof v === "number" && !Number.isFinite(v)) return Number.isNaN(v) ? ".nan" : v > 0 ? ".inf" : "-.inf";
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? String(v);
  if (depth > 3) return Array.isArray(v) ? "[…]" : "{…}";
  if (Array.isArray(v)) return `[${v.map((x) => render(x, depth + 1)).join(", ")}]`;
  return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${render(x, depth + 1)}`).join(", ")}}`;
}
