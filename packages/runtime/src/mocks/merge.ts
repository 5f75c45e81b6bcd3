/**
 * `allOf`, `$ref` and the branches chosen in `oneOf`/`anyOf` are conjunctions: flatten them into
 * one list of parts, then merge what the parts assert (types intersected, bounds tightened,
 * patterns collected, properties gathered per name) so a single value can satisfy them all.
 */
import type { JsonType, MockDiscriminator, MockSchema, Resolve } from "./schema.js";
import { deepEqual } from "./schema.js";
import type { StringConstraints } from "./strings.js";
import type { NumberConstraints } from "./numbers.js";

export interface Disjunction {
  kind: "oneOf" | "anyOf";
  branches: MockSchema[];
  discriminator?: MockDiscriminator;
}

export interface Conjunction {
  parts: MockSchema[];
  /** Named schemas entered through `$ref` while flattening, in order. */
  entered: string[];
  disjunctions: Disjunction[];
  /** The branch chosen in each disjunction (same index), once chosen. */
  chosen: (MockSchema | undefined)[];
  nots: MockSchema[];
  /** Discriminators without oneOf/anyOf (inheritance bases), with the name of their schema. */
  bases: { discriminator: MockDiscriminator; owner?: string }[];
  /** Property values imposed by a discriminator. */
  forced: Map<string, unknown>;
  impossible: boolean;
}

export function emptyConjunction(): Conjunction {
  return { parts: [], entered: [], disjunctions: [], chosen: [], nots: [], bases: [], forced: new Map(), impossible: false };
}

export function copyConjunction(c: Conjunction): Conjunction {
  return { parts: [...c.parts], entered: [...c.entered], disjunctions: [...c.disjunctions], chosen: [...c.chosen], nots: [...c.nots], bases: [...c.bases], forced: new Map(c.forced), impossible: c.impossible };
}

/** Adds `s` (and, recursively, its refs and allOf members) to `into`. */
export function flatten(s: MockSchema, resolve: Resolve, into: Conjunction, owner?: string): Conjunction {
  if (s.boolean === false) into.impossible = true;
  if (s.boolean !== undefined) return into;
  into.parts.push(s);
  if (s.ref !== undefined && !into.entered.includes(s.ref)) {
    into.entered.push(s.ref);
    const target = resolve(s.ref);
    if (target) flatten(target, resolve, into, s.ref);
  }
  for (const sub of s.allOf ?? []) flatten(sub, resolve, into);
  if (s.oneOf) into.disjunctions.push({ kind: "oneOf", branches: s.oneOf, ...(s.discriminator ? { discriminator: s.discriminator } : {}) });
  if (s.anyOf) into.disjunctions.push({ kind: "anyOf", branches: s.anyOf, ...(s.discriminator && !s.oneOf ? { discriminator: s.discriminator } : {}) });
  if (s.not) into.nots.push(s.not);
  if (s.discriminator && !s.oneOf && !s.anyOf) into.bases.push({ discriminator: s.discriminator, ...(owner !== undefined ? { owner } : {}) });
  return into;
}

export interface ObjectBlock {
  props: Map<string, { schema: MockSchema; required: boolean }>;
  source: NonNullable<MockSchema["object"]>;
}

export interface Constraints {
  /** Allowed types; undefined = any. */
  types: JsonType[] | undefined;
  enumValues: unknown[] | undefined;
  str: StringConstraints;
  num: NumberConstraints;
  /** Per part: its `prefixItems` and `items` (index i is governed by prefix[i], else by items). */
  arrays: { prefix: MockSchema[]; items?: MockSchema }[];
  minItems: number;
  maxItems: number;
  unique: boolean;
  contains: { schema: MockSchema; min: number; max: number }[];
  blocks: ObjectBlock[];
  /** Property names in the order they are first declared. */
  names: string[];
  required: Set<string>;
  minProps: number;
  maxProps: number;
  propertyNames: MockSchema[];
  has: { string: boolean; number: boolean; array: boolean; object: boolean };
  /** Cache of produce.ts: type preference without / with the recursion cut. */
  typeOrders: JsonType[][] | undefined;
}

const ALL: JsonType[] = ["string", "number", "integer", "boolean", "null", "array", "object"];

function admits(list: JsonType[], t: JsonType): boolean {
  return list.includes(t) || (t === "integer" && list.includes("number"));
}

export function intersectTypes(a: JsonType[] | undefined, b: JsonType[]): JsonType[] {
  if (!a) return [...b];
  const out: JsonType[] = [];
  for (const t of ALL) if (admits(a, t) && admits(b, t)) out.push(t);
  return out;
}

const NO_NAMES: string[] = [];
const NO_REQUIRED = new Set<string>();
const NONE_OF: never[] = [];

/** `mergeConstraints([s])` for a leaf (scalar constraints only), with fewer allocations. */
export function leafConstraints(s: MockSchema): Constraints {
  const st = s.string;
  const n = s.number;
  return {
    str: { minLength: st?.minLength ?? 0, maxLength: st?.maxLength ?? Infinity, patterns: st?.pattern !== undefined ? [st.pattern] : NO_NAMES, format: st?.format, compiled: undefined },
    num: { minimum: n?.minimum, maximum: n?.maximum, exclusiveMinimum: n?.exclusiveMinimum, exclusiveMaximum: n?.exclusiveMaximum, multipleOf: n?.multipleOf !== undefined ? [n.multipleOf] : NONE_OF, format: n?.format },
    arrays: NONE_OF, minItems: 0, maxItems: Infinity, unique: false, contains: NONE_OF,
    blocks: NONE_OF, names: NO_NAMES, required: NO_REQUIRED, minProps: 0, maxProps: Infinity, propertyNames: NONE_OF,
    has: { string: st !== undefined, number: n !== undefined, array: false, object: false },
    types: s.types,
    enumValues: s.const ? [s.const.value] : s.enum,
    typeOrders: undefined,
  };
}

export function mergeConstraints(parts: MockSchema[]): Constraints {
  const k: Constraints = {
    // Every field present from the start: one object shape for the hot paths that read them.
    str: { minLength: 0, maxLength: Infinity, patterns: [], format: undefined, compiled: undefined },
    num: { minimum: undefined, maximum: undefined, exclusiveMinimum: undefined, exclusiveMaximum: undefined, multipleOf: [], format: undefined },
    arrays: [], minItems: 0, maxItems: Infinity, unique: false, contains: [],
    blocks: [], names: [], required: new Set(), minProps: 0, maxProps: Infinity, propertyNames: [],
    has: { string: false, number: false, array: false, object: false },
    types: undefined,
    enumValues: undefined,
    typeOrders: undefined,
  };
  for (const p of parts) {
    if (p.types) k.types = intersectTypes(k.types, p.types);
    const values = p.const ? [p.const.value] : p.enum;
    if (values) k.enumValues = k.enumValues ? k.enumValues.filter((v) => values.some((w) => deepEqual(v, w))) : [...values];
    if (p.string) {
      const s = p.string;
      k.has.string = true;
      if (s.minLength !== undefined) k.str.minLength = Math.max(k.str.minLength, s.minLength);
      if (s.maxLength !== undefined) k.str.maxLength = Math.min(k.str.maxLength, s.maxLength);
      if (s.pattern !== undefined && !k.str.patterns.includes(s.pattern)) k.str.patterns.push(s.pattern);
      if (s.format !== undefined) k.str.format ??= s.format;
    }
    if (p.number) {
      const n = p.number;
      k.has.number = true;
      if (n.minimum !== undefined) k.num.minimum = Math.max(k.num.minimum ?? -Infinity, n.minimum);
      if (n.maximum !== undefined) k.num.maximum = Math.min(k.num.maximum ?? Infinity, n.maximum);
      if (n.exclusiveMinimum !== undefined) k.num.exclusiveMinimum = Math.max(k.num.exclusiveMinimum ?? -Infinity, n.exclusiveMinimum);
      if (n.exclusiveMaximum !== undefined) k.num.exclusiveMaximum = Math.min(k.num.exclusiveMaximum ?? Infinity, n.exclusiveMaximum);
      if (n.multipleOf !== undefined && !k.num.multipleOf.includes(n.multipleOf)) k.num.multipleOf.push(n.multipleOf);
      if (n.format !== undefined) k.num.format ??= n.format;
    }
    if (p.array) {
      const a = p.array;
      k.has.array = true;
      k.arrays.push({ prefix: a.prefixItems ?? [], ...(a.items ? { items: a.items } : {}) });
      if (a.minItems !== undefined) k.minItems = Math.max(k.minItems, a.minItems);
      if (a.maxItems !== undefined) k.maxItems = Math.min(k.maxItems, a.maxItems);
      if (a.uniqueItems) k.unique = true;
      if (a.contains) k.contains.push({ schema: a.contains, min: a.minContains ?? 1, max: a.maxContains ?? Infinity });
    }
    if (p.object) {
      const o = p.object;
      k.has.object = true;
      const props = new Map<string, { schema: MockSchema; required: boolean }>();
      for (const prop of o.properties) {
        props.set(prop.name, { schema: prop.schema, required: prop.required });
        if (!k.names.includes(prop.name)) k.names.push(prop.name);
        if (prop.required) k.required.add(prop.name);
      }
      for (const r of o.requiredOnly) {
        k.required.add(r);
        if (!k.names.includes(r)) k.names.push(r);
      }
      k.blocks.push({ props, source: o });
      if (o.minProperties !== undefined) k.minProps = Math.max(k.minProps, o.minProperties);
      if (o.maxProperties !== undefined) k.maxProps = Math.min(k.maxProps, o.maxProperties);
      if (o.propertyNames) k.propertyNames.push(o.propertyNames);
    }
  }
  return k;
}

