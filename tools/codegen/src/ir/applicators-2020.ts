/**
 * The 2020-12 applicators the rest of the model has no field for — `if`/`then`/`else`,
 * `dependentSchemas`, `unevaluatedProperties`, `unevaluatedItems`, `$dynamicRef` — written as the
 * keywords every emitter already implements exactly (allOf, anyOf, not, propertyNames, items,
 * maxItems, $ref). One rewrite here, so zod, the fixtures and the validators all honour them the
 * same way; what has no exact rewrite is refused with a warning at its pointer, never dropped
 * silently. The rewrites (instance semantics are the same, Ajv is the referee):
 *
 * - `if: I, then: T, else: E` → `anyOf: [allOf [I, T], allOf [not I, E]]`.
 * - `dependentSchemas: {a: S}` → `anyOf: [not {type: object, required: [a]}, S]`.
 * - `unevaluatedProperties: false` → the names the schema evaluates (its properties,
 *   patternProperties, those of allOf members and $ref targets: "static") become `propertyNames`;
 *   keys evaluated only by a oneOf/anyOf branch count where that branch matches (one branch per
 *   case for oneOf, every non-empty set of branches for anyOf of at most 4).
 * - `unevaluatedItems: false | S` → items past the longest static `prefixItems` must match S;
 *   none at all when false. With `contains` Ajv counts every item as evaluated (the 2020-12 text
 *   only the matching ones); the agreement suite follows Ajv, so `contains` makes it a no-op.
 * - `$dynamicRef: "#a"` → a `$ref` to the one `$dynamicAnchor: a` of the document.
 */
import type { IRSchema } from "./types.js";
import { joinPointer } from "../load/spec-error.js";
import { isObj } from "./normalize-meta.js";
import { staticDynamicRef } from "./dynamic-anchors.mjs";

export interface ApplicatorContext {
  warn(pointer: string, message: string): void;
  /** The raw schema a local `$ref` points at (undefined when it does not resolve). */
  resolveRaw(ref: string): unknown;
  /** Pointers of every `$dynamicAnchor: name` in the document. */
  dynamicAnchors(name: string): string[];
}

type Raw = Record<string, unknown>;
type Sub = (v: unknown, ...tokens: (string | number)[]) => IRSchema;

const TRUE = (pointer: string): IRSchema => ({ pointer, boolean: true, meta: {} });

/** Extra conjuncts (allOf members) for the 2020-12 applicators of `s`. */
export function applicators2020(s: Raw, pointer: string, sub: Sub, ctx: ApplicatorContext): IRSchema[] {
  const out: IRSchema[] = [];
  if (s.if !== undefined && (s.then !== undefined || s.else !== undefined)) {
    const cond = sub(s.if, "if");
    const then = s.then !== undefined ? sub(s.then, "then") : TRUE(joinPointer(pointer, "then"));
    const other = s.else !== undefined ? sub(s.else, "else") : TRUE(joinPointer(pointer, "else"));
    const at = joinPointer(pointer, "if");
    out.push({ pointer: at, meta: {}, anyOf: [{ pointer: at, meta: {}, allOf: [cond, then] }, { pointer: at, meta: {}, allOf: [{ pointer: at, meta: {}, not: cond }, other] }] });
  }
  if (isObj(s.dependentSchemas)) {
    for (const [name, raw] of Object.entries(s.dependentSchemas)) {
      const at = joinPointer(pointer, "dependentSchemas", name);
      const present: IRSchema = { pointer: at, meta: {}, types: ["object"], object: { properties: [], requiredOnly: [name] } };
      out.push({ pointer: at, meta: {}, anyOf: [{ pointer: at, meta: {}, not: present }, sub(raw, "dependentSchemas", name)] });
    }
  }
  if (s.unevaluatedProperties !== undefined && s.unevaluatedProperties !== true) {
    const p = unevaluatedProperties(s, pointer, sub, ctx);
    if (p) out.push(p);
  }
  if (s.unevaluatedItems !== undefined && s.unevaluatedItems !== true) {
    const p = unevaluatedItems(s, pointer, sub, ctx);
    if (p) out.push(p);
  }
  return out;
}

/** `$dynamicRef` as the `$ref` it resolves to, or undefined (warned) when that depends on the dynamic scope. */
export function dynamicRefTarget(ref: string, pointer: string, ctx: ApplicatorContext): string | undefined {
  const { target, anchors } = staticDynamicRef(ref, (name) => ctx.dynamicAnchors(name));
  if (target) return target;
  ctx.warn(
    joinPointer(pointer, "$dynamicRef"),
    `keyword $dynamicRef ${JSON.stringify(ref)} is not enforced: ${anchors.length === 0 ? "no $dynamicAnchor of that name" : `${anchors.length} $dynamicAnchors of that name (${anchors.join(", ")}), chosen by the dynamic scope, which this generator does not follow`}; any value is accepted there`,
  );
  return undefined;
}

interface KeySet {
  all: boolean;
  names: Set<string>;
  patterns: string[];
  /** Keys evaluated only where a branch (anyOf/oneOf/if/dependentSchemas) matches. */
  dynamic: boolean;
}

/** The keys a raw schema evaluates whatever the instance (see header). */
function keySet(raw: unknown, ctx: ApplicatorContext, seen = new Set<unknown>()): KeySet {
  const k: KeySet = { all: false, names: new Set(), patterns: [], dynamic: false };
  if (!isObj(raw) || seen.has(raw)) return k;
  seen.add(raw);
  const merge = (o: KeySet) => {
    k.all ||= o.all;
    k.dynamic ||= o.dynamic;
    o.names.forEach((n) => k.names.add(n));
    k.patterns.push(...o.patterns);
  };
  if (raw.additionalProperties !== undefined || raw.unevaluatedProperties !== undefined) k.all = true;
  if (isObj(raw.properties)) Object.keys(raw.properties).forEach((n) => k.names.add(n));
  if (isObj(raw.patternProperties)) k.patterns.push(...Object.keys(raw.patternProperties));
  if (typeof raw.$ref === "string") merge(keySet(ctx.resolveRaw(raw.$ref), ctx, seen));
  if (Array.isArray(raw.allOf)) for (const m of raw.allOf) merge(keySet(m, ctx, seen));
  const branches = [...(Array.isArray(raw.anyOf) ? raw.anyOf : []), ...(Array.isArray(raw.oneOf) ? raw.oneOf : []), raw.if, raw.then, raw.else, ...(isObj(raw.dependentSchemas) ? Object.values(raw.dependentSchemas) : [])];
  for (const b of branches) {
    const o = keySet(b, ctx, new Set(seen));
    if (o.all || o.names.size || o.patterns.length || o.dynamic) k.dynamic = true;
  }
  return k;
}

function namesSchema(k: KeySet, pointer: string): IRSchema {
  const options: IRSchema[] = [];
  if (k.names.size) options.push({ pointer, meta: {}, enum: [...k.names] });
  for (const p of k.patterns) options.push({ pointer, meta: {}, string: { pattern: p } });
  const names: IRSchema = options.length === 0 ? { pointer, boolean: false, meta: {} } : options.length === 1 ? options[0]! : { pointer, meta: {}, anyOf: options };
  return { pointer, meta: {}, object: { properties: [], requiredOnly: [], propertyNames: names } };
}

function unevaluatedProperties(s: Raw, pointer: string, sub: Sub, ctx: ApplicatorContext): IRSchema | undefined {
  const at = joinPointer(pointer, "unevaluatedProperties");
  if (s.unevaluatedProperties !== false) {
    // A schema for the unevaluated values: exact only when nothing else is evaluated.
    const { anyOf: _a, oneOf: _o, unevaluatedProperties: _u, ...rest } = s;
    const k = keySet(rest, ctx);
    if (!k.all && !k.dynamic && k.names.size === 0 && k.patterns.length === 0 && !s.anyOf && !s.oneOf) {
      return { pointer: at, meta: {}, object: { properties: [], requiredOnly: [], additionalProperties: sub(s.unevaluatedProperties, "unevaluatedProperties") } };
    }
    ctx.warn(at, "keyword unevaluatedProperties (a schema) is not enforced next to properties evaluated elsewhere; unevaluatedProperties: false is");
    return undefined;
  }
  const { anyOf, oneOf, unevaluatedProperties: _u, ...rest } = s;
  const base = keySet(rest, ctx);
  if (base.all) return undefined;
  if (base.dynamic) {
    ctx.warn(at, "keyword unevaluatedProperties is not enforced: properties are evaluated inside if/then/else, dependentSchemas or nested anyOf/oneOf");
    return undefined;
  }
  const list = (Array.isArray(oneOf) ? oneOf : Array.isArray(anyOf) ? anyOf : undefined) as unknown[] | undefined;
  if (Array.isArray(oneOf) && Array.isArray(anyOf)) {
    ctx.warn(at, "keyword unevaluatedProperties is not enforced next to both anyOf and oneOf");
    return undefined;
  }
  const branches = (list ?? []).map((b) => keySet(b, ctx));
  if (branches.some((b) => b.dynamic)) {
    ctx.warn(at, "keyword unevaluatedProperties is not enforced: a branch evaluates properties inside its own branches");
    return undefined;
  }
  const contributing = branches.some((b) => b.all || b.names.size || b.patterns.length);
  if (!contributing) return namesSchema(base, at);
  const key = Array.isArray(oneOf) ? "oneOf" : "anyOf";
  const with_ = (idx: number[]): IRSchema => {
    const k: KeySet = { all: base.all, names: new Set(base.names), patterns: [...base.patterns], dynamic: false };
    for (const i of idx) {
      const b = branches[i]!;
      k.all ||= b.all;
      b.names.forEach((n) => k.names.add(n));
      k.patterns.push(...b.patterns);
    }
    const members = idx.map((i) => sub(list![i], key, i));
    return { pointer: at, meta: {}, allOf: k.all ? members : [...members, namesSchema(k, at)] };
  };
  if (key === "oneOf") return { pointer: at, meta: {}, anyOf: branches.map((_, i) => with_([i])) };
  if (branches.length > 4) {
    ctx.warn(at, `keyword unevaluatedProperties is not enforced next to anyOf of ${branches.length} branches that evaluate properties (at most 4)`);
    return undefined;
  }
  // anyOf: the evaluated keys are those of every branch that matches: one case per non-empty set.
  const cases: IRSchema[] = [];
  for (let mask = 1; mask < 1 << branches.length; mask++) cases.push(with_(branches.map((_, i) => i).filter((i) => mask & (1 << i))));
  return { pointer: at, meta: {}, anyOf: cases };
}

interface ItemSet {
  all: boolean;
  prefix: number;
  dynamic: boolean;
}

function itemSet(raw: unknown, ctx: ApplicatorContext, seen = new Set<unknown>()): ItemSet {
  const k: ItemSet = { all: false, prefix: 0, dynamic: false };
  if (!isObj(raw) || seen.has(raw)) return k;
  seen.add(raw);
  if (raw.items !== undefined || raw.unevaluatedItems !== undefined || raw.additionalItems !== undefined || raw.contains !== undefined) k.all = true;
  if (Array.isArray(raw.prefixItems)) k.prefix = raw.prefixItems.length;
  const merge = (o: ItemSet) => {
    k.all ||= o.all;
    k.dynamic ||= o.dynamic;
    k.prefix = Math.max(k.prefix, o.prefix);
  };
  if (typeof raw.$ref === "string") merge(itemSet(ctx.resolveRaw(raw.$ref), ctx, seen));
  if (Array.isArray(raw.allOf)) for (const m of raw.allOf) merge(itemSet(m, ctx, seen));
  const branches = [...(Array.isArray(raw.anyOf) ? raw.anyOf : []), ...(Array.isArray(raw.oneOf) ? raw.oneOf : []), raw.if, raw.then, raw.else];
  for (const b of branches) {
    const o = itemSet(b, ctx, new Set(seen));
    if (o.all || o.prefix || o.dynamic) k.dynamic = true;
  }
  return k;
}

function unevaluatedItems(s: Raw, pointer: string, sub: Sub, ctx: ApplicatorContext): IRSchema | undefined {
  const at = joinPointer(pointer, "unevaluatedItems");
  const { unevaluatedItems: u, ...rest } = s;
  const k = itemSet(rest, ctx);
  if (k.all) return undefined;
  if (k.dynamic) {
    ctx.warn(at, "keyword unevaluatedItems is not enforced: items are evaluated inside anyOf/oneOf/if");
    return undefined;
  }
  const items: IRSchema = u === false ? { pointer: at, boolean: false, meta: {} } : sub(u, "unevaluatedItems");
  const prefixItems = Array.from({ length: k.prefix }, () => TRUE(at));
  return { pointer: at, meta: {}, array: { ...(prefixItems.length ? { prefixItems } : {}), items } };
}
