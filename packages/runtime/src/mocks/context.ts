/** Generation context and the small interface object/array generation calls back into. */
import type { Rng } from "./prng.js";
import type { NameHint } from "./names.js";
import type { MockSchema } from "./schema.js";
import type { Validator } from "./validate.js";

/** Optional properties are filled up to this object depth (deeper: only what is required). */
export const OPTIONAL_DEPTH = 3;
/** A recursive schema expands fully once per path; nested again, it is cut to its minimum. */
export const RECURSION_EXPANSIONS = 1;
/** Past this depth generation gives up (a `required` chain with no end). */
export const MAX_DEPTH = 48;

export interface Ctx {
  rng: Rng;
  depth: number;
  /** Named schemas being expanded on the current path (recursion detection). */
  stack: readonly string[];
  /** Which sibling this is (array item index…): refs use it to pick a different cached fixture. */
  variant: number;
  hint: NameHint;
  /** Recursion cut: only what `required`, `minItems`, `minProperties` demand; null when allowed. */
  minimal: boolean;
  /** Ignore spec examples (to get distinct values for `uniqueItems`). */
  noExamples: boolean;
  /** The named schema whose own body is generated at this node (component or `$ref` target). */
  self?: string;
}

/** Context of a nested value (property, item): deeper, named after the property. */
export function child(c: Ctx, name: string, variant = c.variant, noExamples = c.noExamples): Ctx {
  return { rng: c.rng, depth: c.depth + 1, stack: c.stack, variant, hint: { name, owner: c.hint.owner }, minimal: c.minimal, noExamples };
}

/** "categories" → "category", "addresses" → "address", "tags" → "tag" (hint for array items). */
export function singular(name: string): string {
  if (/ies$/.test(name)) return name.slice(0, -3) + "y";
  if (/(ss|us|is)$/.test(name)) return name;
  if (/(sh|ch|x|ss)es$/.test(name)) return name.slice(0, -2);
  if (/ses$/.test(name)) return name.slice(0, -1);
  return name.replace(/s$/, "");
}

/** What object and array generation need from the generator. */
export interface Engine {
  readonly validator: Validator;
  /** A value satisfying every schema of `schemas` (or the forced value when it does); NONE if none. */
  valueOf(schemas: MockSchema[], c: Ctx, forced?: { value: unknown }): unknown;
  patternTest(pattern: string, key: string): boolean;
}
