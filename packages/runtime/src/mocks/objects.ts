/**
 * Objects: every required property (and `dependentRequired` ones), optional ones while shallow
 * (not write-only, within maxProperties), properties allowed by every part (additionalProperties
 * false, patternProperties, propertyNames), extra keys up to minProperties — and one sample entry
 * in pure maps (`additionalProperties: {schema}`), which reads better than `{}`.
 */
import { NONE, hasOwn, ownValue, setOwn, type MockSchema } from "./schema.js";
import type { Constraints } from "./merge.js";
import { child, OPTIONAL_DEPTH, type Ctx, type Engine } from "./context.js";
import { stringForPattern } from "./regex-gen.js";
import { WORDS } from "./words.js";
import { normalizeName } from "./names.js";

/** The schemas the value of property `name` must satisfy, or null when some part forbids it. */
export function propertySchemas(k: Constraints, name: string, e: Engine): MockSchema[] | null {
  const out: MockSchema[] = [];
  for (const b of k.blocks) {
    let matched = false;
    const own = b.props.get(name);
    if (own) {
      out.push(own.schema);
      matched = true;
    }
    for (const pp of b.source.patternProperties ?? []) {
      if (!e.patternTest(pp.pattern, name)) continue;
      out.push(pp.schema);
      matched = true;
    }
    if (matched) continue;
    const extra = b.source.additionalProperties;
    if (extra === false) return null;
    if (extra) out.push(extra);
  }
  return out;
}

export function genObject(k: Constraints, forced: ReadonlyMap<string, unknown>, excluded: ReadonlySet<string>, e: Engine, ctx: Ctx): unknown {
  const out: Record<string, unknown> = {};
  // Properties are named after the object they belong to: its schema, or the property holding an
  // inline object ("name" inside `owner: {…}` is a person's, URLs inside `repository` say so).
  const owner = ctx.self === undefined && ctx.hint.name ? ctx.hint.name : ctx.hint.owner;
  const c: Ctx = owner === ctx.hint.owner ? ctx : { ...ctx, hint: { name: ctx.hint.name, owner } };
  const optionalOk = !c.minimal && c.depth < OPTIONAL_DEPTH;
  const wanted: string[] = [];
  // Fixtures are response-shaped: an optional writeOnly property stays out, also when a
  // discriminator would force it (a response variant of a closed object rejects it).
  for (const n of k.names) if (k.required.has(n) || (!writeOnly(k, n) && (forced.has(n) || (optionalOk && !excluded.has(n))))) wanted.push(n);
  // dependentRequired: a present key brings its dependents.
  for (let i = 0; i < wanted.length; i++) {
    for (const b of k.blocks) for (const d of ownValue(b.source.dependentRequired, wanted[i]!) ?? []) if (!wanted.includes(d)) wanted.push(d);
  }
  const dependents = new Set<string>();
  for (const b of k.blocks) if (b.source.dependentRequired) for (const w of wanted) for (const d of ownValue(b.source.dependentRequired, w) ?? []) dependents.add(d);
  if (k.required.size > k.maxProps) return NONE;
  let optionalRoom = k.maxProps - k.required.size;
  for (const name of wanted) {
    const must = k.required.has(name) || dependents.has(name);
    if (!must && optionalRoom <= 0) continue;
    const schemas = nameOk(k, name, e) ? propertySchemas(k, name, e) : null;
    const v = schemas === null ? NONE : e.valueOf(schemas, child(c, normalizeName(name)), forced.has(name) ? { value: forced.get(name) } : undefined);
    if (v === NONE) {
      if (must) return NONE;
      continue;
    }
    setOwn(out, name, v);
    if (!k.required.has(name)) optionalRoom--;
  }
  const isMap = k.names.length === 0 && k.blocks.some((b) => b.source.additionalProperties || b.source.patternProperties?.length);
  const want = Math.min(k.maxProps, Math.max(k.minProps, isMap && optionalOk ? 1 : 0));
  for (let tries = 0; Object.keys(out).length < want && tries < want * 4 + 8; tries++) {
    const key = extraKey(k, e, c, tries);
    if (key === undefined || hasOwn(out, key) || !nameOk(k, key, e)) continue;
    const schemas = propertySchemas(k, key, e);
    const v = schemas === null ? NONE : e.valueOf(schemas, child(c, normalizeName(key)));
    if (v !== NONE) setOwn(out, key, v);
  }
  return Object.keys(out).length < k.minProps ? NONE : out;
}

function writeOnly(k: Constraints, name: string): boolean {
  for (const b of k.blocks) if (b.props.get(name)?.schema.meta?.writeOnly === true) return true;
  return false;
}

function nameOk(k: Constraints, name: string, e: Engine): boolean {
  for (const s of k.propertyNames) if (!e.validator.isValid(name, s)) return false;
  return true;
}

function extraKey(k: Constraints, e: Engine, c: Ctx, tries: number): string | undefined {
  const patterns = k.blocks.flatMap((b) => (b.source.patternProperties ?? []).map((p) => p.pattern));
  const open = k.blocks.every((b) => b.source.additionalProperties !== false);
  if (patterns.length && (!open || tries % 2 === 0)) return stringForPattern(patterns[tries % patterns.length]!, c.rng, 1, 40);
  if (!open) return undefined;
  if (k.propertyNames.length) {
    const key = e.valueOf(k.propertyNames, child(c, "key"));
    return typeof key === "string" ? key : undefined;
  }
  const word = c.rng.pick(WORDS);
  return tries < 2 ? word : `${word}_${tries}`;
}
