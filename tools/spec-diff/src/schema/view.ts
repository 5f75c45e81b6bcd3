import type { IRDocument, IRSchema, JsonType, IRStringConstraints, IRNumberConstraints, IRArrayConstraints, IRDiscriminator } from "@specforge/codegen/model";

export interface PropertyView {
  schema?: IRSchema;
  required: boolean;
}

/**
 * One level of a schema as a consumer sees it: `$ref`s followed, `allOf` merged, and a `null`
 * branch of `anyOf`/`oneOf` (how `nullable` is normalised) folded into `nullable`. Subschemas stay
 * IR schemas, so comparing them is lazy and recursive schemas terminate.
 */
export interface SchemaView {
  pointer: string;
  /** Innermost named schema this level comes from, for reasons. */
  name?: string;
  /** Allowed types without "null"; undefined = unconstrained. */
  types?: Set<JsonType>;
  nullable: boolean;
  /** Allowed values without null (`const` is a one-value enum). */
  enum?: unknown[];
  string: IRStringConstraints;
  number: IRNumberConstraints;
  array: IRArrayConstraints;
  object?: {
    properties: Map<string, PropertyView>;
    additional?: IRSchema | false;
    minProperties?: number;
    maxProperties?: number;
    /** Pattern (as written) → schema of the values of matching keys. */
    patterns: Map<string, IRSchema>;
    /** Property → properties required when it is present. */
    dependentRequired: Map<string, string[]>;
  };
  /** `not` schemas in force (several when `allOf` members each have one): values matching any are rejected. */
  not: IRSchema[];
  /** `default`, wrapped so that `default: null` is representable; the one written closest wins. */
  default?: { value: unknown };
  union?: { kind: "oneOf" | "anyOf"; branches: IRSchema[]; discriminator?: IRDiscriminator };
  discriminator?: IRDiscriminator;
  readOnly: boolean;
  writeOnly: boolean;
  /** Pointer where each family of assertions was written, for reports. */
  at: Partial<Record<"types" | "nullable" | "enum" | "string" | "number" | "array" | "object" | "union" | "default", string>>;
}

/**
 * A union branch that admits only null: `type: "null"` (3.1), or the 3.0 spelling of it,
 * `{ type: string, nullable: true, enum: [null] }` (and `const: null`).
 */
const isNullBranch = (s: IRSchema) =>
  !s.ref && !s.anyOf && !s.oneOf && !s.allOf && ((s.types?.length === 1 && s.types[0] === "null") || (s.enum !== undefined && s.enum.length > 0 && s.enum.every((v) => v === null)) || (s.const !== undefined && s.const.value === null));

function empty(pointer: string): SchemaView {
  return { pointer, nullable: false, string: {}, number: {}, array: {}, not: [], readOnly: false, writeOnly: false, at: {} };
}

// Per document (weakly: tests load many), then per schema in a plain Map: the model lives as long as
// its document, and a WeakMap of hundreds of thousands of entries made every garbage collection slow.
const cache = new WeakMap<IRDocument, Map<IRSchema, SchemaView>>();

/** Flattens `s` (in `doc`) into a view. Views are cached per schema: treat them as read-only. */
export function viewOf(s: IRSchema, doc: IRDocument, depth = 0): SchemaView {
  let views = cache.get(doc);
  if (!views) cache.set(doc, (views = new Map()));
  let v = views.get(s);
  if (!v) views.set(s, (v = build(s, doc, depth)));
  return v;
}

function build(s: IRSchema, doc: IRDocument, depth: number): SchemaView {
  const v = empty(s.pointer);
  if (depth > 32) return v;
  if (s.boolean === false) {
    v.types = new Set();
    v.at.types = s.pointer;
    return v;
  }
  // Most schemas are leaves (no $ref, no composition): their own assertions are the whole view.
  if (!s.ref && !s.allOf && !s.oneOf && !s.anyOf) return own(s);
  if (s.ref && isPlainRef(s)) {
    // A bare `$ref` sees exactly its target: share the target's view rather than copy it (big
    // schemas are referenced from thousands of places, and each copy was a full merge).
    const target = doc.schemaByName.get(s.ref);
    if (target) return { ...viewOf(target.schema, doc, depth + 1), pointer: s.pointer, name: s.ref };
  }
  if (s.ref) {
    const target = doc.schemaByName.get(s.ref);
    if (target) merge(v, viewOf(target.schema, doc, depth + 1));
    v.name = s.ref;
  }
  merge(v, own(s));
  for (const m of s.allOf ?? []) merge(v, viewOf(m, doc, depth + 1));
  for (const kind of ["oneOf", "anyOf"] as const) {
    const list = s[kind];
    if (!list) continue;
    const branches = list.filter((b) => !isNullBranch(b));
    if (branches.length < list.length) [v.nullable, v.at.nullable] = [true, s.pointer];
    if (branches.length === 1 && !s.discriminator) {
      const inner = viewOf(branches[0]!, doc, depth + 1);
      merge(v, inner.types && v.nullable ? { ...inner, nullable: true } : inner);
      if (!v.name && inner.name) v.name = inner.name;
    } else if (branches.length > 0 && !v.union) {
      v.union = { kind, branches, ...(s.discriminator ? { discriminator: s.discriminator } : {}) };
      v.at.union = s.pointer;
    }
  }
  // A default written next to a `$ref` or `allOf` overrides the ones behind them.
  if (s.meta.hasDefault) [v.default, v.at.default] = [{ value: s.meta.default }, s.pointer];
  return v;
}

/** Nothing next to the `$ref` that changes what is valid or how it flows (descriptions may be there). */
function isPlainRef(s: IRSchema): boolean {
  for (const k in s) if (k !== "pointer" && k !== "ref" && k !== "meta") return false;
  return !s.meta.readOnly && !s.meta.writeOnly && !s.meta.hasDefault;
}

/** The assertions written on `s` itself (not behind its ref or composition). */
function own(s: IRSchema): SchemaView {
  const v = empty(s.pointer);
  const at = s.pointer;
  if (s.types) {
    v.types = new Set(s.types.filter((t) => t !== "null"));
    v.nullable = s.types.includes("null");
    v.at.types = at;
    if (v.nullable) v.at.nullable = at;
  }
  const values = s.const ? [s.const.value] : s.enum;
  if (values) {
    if (values.includes(null)) [v.nullable, v.at.nullable] = [true, at];
    v.enum = values.filter((x) => x !== null);
    v.at.enum = at;
    // Only null: 3.0's `{ type: string, nullable: true, enum: [null] }` is 3.1's `type: "null"`.
    if (values.length && !v.enum.length) [v.types, v.at.types, v.enum] = [new Set(), at, undefined];
  }
  if (s.string) [v.string, v.at.string] = [{ ...s.string }, at];
  if (s.number) [v.number, v.at.number] = [{ ...s.number }, at];
  if (s.array) [v.array, v.at.array] = [{ ...s.array }, at];
  if (s.object) {
    const properties = new Map<string, PropertyView>();
    for (const p of s.object.properties) properties.set(p.name, { schema: p.schema, required: p.required });
    for (const r of s.object.requiredOnly) properties.set(r, { required: true });
    v.object = {
      properties,
      additional: s.object.additionalProperties,
      minProperties: s.object.minProperties,
      maxProperties: s.object.maxProperties,
      patterns: new Map((s.object.patternProperties ?? []).map((p) => [p.pattern, p.schema])),
      dependentRequired: new Map(Object.entries(s.object.dependentRequired ?? {}).filter(([, deps]) => Array.isArray(deps))),
    };
    v.at.object = at;
  }
  if (s.discriminator) v.discriminator = s.discriminator;
  if (s.not) v.not = [s.not];
  if (s.meta.hasDefault) [v.default, v.at.default] = [{ value: s.meta.default }, at];
  v.readOnly = s.meta.readOnly === true;
  v.writeOnly = s.meta.writeOnly === true;
  return v;
}

const tighter = (a: number | undefined, b: number | undefined, pick: (x: number, y: number) => number) =>
  a === undefined ? b : b === undefined ? a : pick(a, b);

/** Conjunction of two views (`allOf`, `$ref` + siblings): intersect types, union properties. */
function merge(into: SchemaView, from: SchemaView): void {
  if (from.types) {
    const nullable = from.nullable && (into.types ? into.nullable : true);
    if (!into.types) into.types = new Set(from.types);
    else {
      const both = new Set<JsonType>();
      for (const t of into.types) if (from.types.has(t) || (t === "integer" && from.types.has("number"))) both.add(t);
      for (const t of from.types) if (t === "integer" && into.types.has("number")) both.add(t);
      into.types = both;
    }
    into.nullable = nullable;
    into.at.types ??= from.at.types;
  } else if (from.nullable) into.nullable = into.types ? into.nullable : true;
  if (from.enum) {
    into.enum = into.enum ? into.enum.filter((x) => from.enum!.some((y) => same(x, y))) : from.enum;
    into.at.enum ??= from.at.enum;
  }
  // A family with no assertion in `from` has nothing to merge (and most views have one family at most).
  if (from.at.string !== undefined) {
    const s = from.string;
    into.string = {
      ...into.string,
      ...s,
      minLength: tighter(into.string.minLength, s.minLength, Math.max),
      maxLength: tighter(into.string.maxLength, s.maxLength, Math.min),
    };
  }
  if (from.at.number !== undefined) {
    const n = from.number;
    into.number = {
      ...into.number,
      ...n,
      minimum: tighter(into.number.minimum, n.minimum, Math.max),
      maximum: tighter(into.number.maximum, n.maximum, Math.min),
      exclusiveMinimum: tighter(into.number.exclusiveMinimum, n.exclusiveMinimum, Math.max),
      exclusiveMaximum: tighter(into.number.exclusiveMaximum, n.exclusiveMaximum, Math.min),
    };
  }
  if (from.at.array !== undefined) {
    const a = from.array;
    into.array = {
      items: a.items ?? into.array.items,
      prefixItems: a.prefixItems ?? into.array.prefixItems,
      minItems: tighter(into.array.minItems, a.minItems, Math.max),
      maxItems: tighter(into.array.maxItems, a.maxItems, Math.min),
      uniqueItems: a.uniqueItems || into.array.uniqueItems,
      contains: a.contains ?? into.array.contains,
      minContains: tighter(into.array.minContains, a.minContains, Math.max),
      maxContains: tighter(into.array.maxContains, a.maxContains, Math.min),
    };
  }
  for (const k of ["string", "number", "array", "nullable"] as const) into.at[k] ??= from.at[k];
  if (from.object) {
    const o: NonNullable<SchemaView["object"]> = (into.object ??= { properties: new Map(), patterns: new Map(), dependentRequired: new Map() });
    for (const [name, p] of from.object.properties) {
      const prev = o.properties.get(name);
      o.properties.set(name, { schema: p.schema ?? prev?.schema, required: p.required || (prev?.required ?? false) });
    }
    if (from.object.additional === false || o.additional === undefined) o.additional = from.object.additional ?? o.additional;
    o.minProperties = tighter(o.minProperties, from.object.minProperties, Math.max);
    o.maxProperties = tighter(o.maxProperties, from.object.maxProperties, Math.min);
    for (const [pattern, schema] of from.object.patterns) if (!o.patterns.has(pattern)) o.patterns.set(pattern, schema);
    for (const [name, deps] of from.object.dependentRequired) o.dependentRequired.set(name, [...new Set([...(o.dependentRequired.get(name) ?? []), ...deps])]);
    into.at.object ??= from.at.object;
  }
  if (from.union && !into.union) [into.union, into.at.union] = [from.union, from.at.union];
  into.discriminator ??= from.discriminator;
  into.not = [...into.not, ...from.not];
  if (!into.default && from.default) [into.default, into.at.default] = [from.default, from.at.default];
  into.readOnly ||= from.readOnly;
  into.writeOnly ||= from.writeOnly;
  if (!into.name && from.name) into.name = from.name;
}

/** Accepts any value: no type, value, keyword, composition or negation. */
export function unconstrained(v: SchemaView): boolean {
  const none = (o: object) => Object.values(o).every((x) => x === undefined);
  return !v.types && !v.nullable && !v.enum && !v.object && !v.union && !v.not.length && none(v.string) && none(v.number) && none(v.array);
}

/** Structural equality of JSON values (enum members). */
export function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a property is part of what flows in `dir` (readOnly is never sent, writeOnly never returned). */
export function visibleIn(dir: "request" | "response", p: PropertyView, doc: IRDocument): boolean {
  if (!p.schema) return true;
  const f = flowFlags(p.schema, doc);
  return dir === "request" ? !f.readOnly : !f.writeOnly;
}

const flagCache = new WeakMap<IRDocument, Map<IRSchema, Flags>>();
type Flags = { readOnly: boolean; writeOnly: boolean };

/**
 * readOnly and writeOnly as the view would merge them (own, `$ref` target, `allOf` members, the one
 * branch of a nullable union), without building the view: every property of every compared object
 * is asked, and most are never compared further.
 */
function flowFlags(s: IRSchema, doc: IRDocument, depth = 0): Flags {
  let cache = flagCache.get(doc);
  if (!cache) flagCache.set(doc, (cache = new Map()));
  const known = cache.get(s);
  if (known) return known;
  const f = { readOnly: s.meta.readOnly === true, writeOnly: s.meta.writeOnly === true };
  if (depth <= 32 && s.boolean !== false) {
    const target = s.ref ? doc.schemaByName.get(s.ref) : undefined;
    if (target) addFlags(f, flowFlags(target.schema, doc, depth + 1));
    if (s.allOf) for (const m of s.allOf) addFlags(f, flowFlags(m, doc, depth + 1));
    for (const list of [s.oneOf, s.anyOf]) {
      const branches = list?.filter((b) => !isNullBranch(b)) ?? [];
      if (branches.length === 1 && !s.discriminator) addFlags(f, flowFlags(branches[0]!, doc, depth + 1));
    }
  }
  cache.set(s, f);
  return f;
}

function addFlags(into: Flags, from: Flags): void {
  into.readOnly ||= from.readOnly;
  into.writeOnly ||= from.writeOnly;
}
