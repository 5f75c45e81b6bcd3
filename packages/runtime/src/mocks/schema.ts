/**
 * The schema shape the mock engine reads: a structural subset of the codegen model's `IRSchema`
 * (same field names and meaning, see tools/codegen/src/ir/types.ts), so the model can be handed
 * in directly at generation time and a compact JSON copy of it at run time.
 *
 * This folder is self-contained (no imports from outside it): generated mocks import it as
 * `@specforge/runtime/mocks`, so `make*({}, { seed })` factories build fresh fixtures at run time
 * with exactly the algorithm that produced the committed ones, and the generator compiles it into
 * its own build (tools/codegen/scripts/build.mjs).
 */

import { compilePattern } from "./compile-pattern.js";

export type JsonType = "string" | "number" | "integer" | "boolean" | "null" | "array" | "object";

export interface MockProperty {
  name: string;
  schema: MockSchema;
  required: boolean;
}

export interface MockDiscriminator {
  propertyName: string;
  mapping: { value: string; target: string }[];
}

export interface MockSchema {
  /** Where the schema is written (JSON pointer); only used in warnings. */
  pointer?: string;
  boolean?: boolean;
  /** Name of a named schema. Other keys still apply. */
  ref?: string;
  types?: JsonType[];
  string?: { minLength?: number; maxLength?: number; pattern?: string; format?: string };
  number?: { minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number; multipleOf?: number; format?: string };
  array?: {
    items?: MockSchema;
    prefixItems?: MockSchema[];
    minItems?: number;
    maxItems?: number;
    uniqueItems?: boolean;
    contains?: MockSchema;
    minContains?: number;
    maxContains?: number;
  };
  object?: {
    properties: MockProperty[];
    requiredOnly: string[];
    additionalProperties?: MockSchema | false;
    patternProperties?: { pattern: string; schema: MockSchema }[];
    propertyNames?: MockSchema;
    minProperties?: number;
    maxProperties?: number;
    dependentRequired?: Record<string, string[]>;
  };
  enum?: unknown[];
  const?: { value: unknown };
  allOf?: MockSchema[];
  anyOf?: MockSchema[];
  oneOf?: MockSchema[];
  not?: MockSchema;
  discriminator?: MockDiscriminator;
  meta?: { examples?: unknown[]; readOnly?: boolean; writeOnly?: boolean };
}

/** Looks a named schema up by its original name. */
export type Resolve = (name: string) => MockSchema | undefined;

/** Marks "no value can satisfy this schema" (a `false` schema, conflicting constraints). */
export const NONE: unique symbol = Symbol("none");
export type Gen = unknown | typeof NONE;

/**
 * Own properties only: names and formats come from the spec, and `constructor`, `toString` or
 * `__proto__` must not find what every object inherits.
 */
export function ownValue<T>(o: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return o !== undefined && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

export function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Sets an own property, also one named `__proto__` (an assignment would set the prototype instead). */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** JSON equality, key order ignored (what `enum`, `const` and `uniqueItems` compare with). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a);
  const bo = b as Record<string, unknown>;
  if (ka.length !== Object.keys(bo).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && deepEqual((a as Record<string, unknown>)[k], bo[k]));
}

/** String length in code points, like JSON Schema (and Ajv) count it. */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    n++;
  }
  return n;
}

/** First `n` code points of `s`. */
export function sliceCodePoints(s: string, n: number): string {
  return Array.from(s).slice(0, n).join("");
}

const regexCache = new Map<string, RegExp | null>();

/** `pattern` as the generated validators compile it (see compile-pattern.ts); null when it has no ECMA reading. */
export function patternRegExp(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    const c = compilePattern(pattern);
    re = c ? new RegExp(c.source, c.flags) : null;
    regexCache.set(pattern, re);
  }
  return re;
}

/** True when the schema asserts nothing beside a `$ref` (annotations aside). */
export function isPureRef(s: MockSchema): boolean {
  return (
    s.ref !== undefined &&
    s.types === undefined &&
    s.string === undefined &&
    s.number === undefined &&
    s.array === undefined &&
    s.object === undefined &&
    s.enum === undefined &&
    s.const === undefined &&
    s.allOf === undefined &&
    s.anyOf === undefined &&
    s.oneOf === undefined &&
    s.not === undefined &&
    s.discriminator === undefined
  );
}
