import type { IRSchema, JsonType } from "../../ir/types.js";
import type { Mode, ObjInfo, Rendered, ZodState } from "./state.js";
import { ALL, K, NUMBERS, maskOfType, maskOfValue, valueHasType } from "./type-set.js";
import { hasStringConstraints, renderString } from "./string.js";
import { hasNumberConstraints, renderNumber } from "./number.js";
import { renderArray } from "./array.js";
import { renderObject } from "./object.js";
import { renderLiteral } from "./enum-const.js";
import { ANY, NEVER, conj, renderAnyOf, renderNot, renderOneOf, splitAllOf } from "./composition.js";
import { renderRef } from "./recursion.js";
import { tsIntersection, tsUnion } from "./ts-type.js";
import { propertyKey, stringLiteral, valueLiteral } from "../inert.js";

/**
 * IR schema → zod expression + TypeScript type. A schema is a conjunction (JSON Schema): its
 * `$ref`, its own typed keywords, each allOf member, anyOf, oneOf and not all apply to the same
 * instance. `narrow` is the set of instance kinds the enclosing conjunction already allows: a
 * rendering must be exact on those kinds (and reject kinds the schema itself cannot accept), which
 * lets an untyped `{properties: …}` next to `type: object` render as a plain object.
 */
export function render(st: ZodState, s: IRSchema, narrow: number, mode: Mode): Rendered {
  if (s.boolean === false) return NEVER;
  if (s.boolean === true) return ANY;
  const kinds = st.types.of(s) & narrow;
  if (kinds === 0) return NEVER;
  const child = childOf(st, kinds, mode);
  const parts: Rendered[] = [];
  if (s.ref !== undefined) parts.push(renderRef(st, s.ref, mode, s.pointer));
  const { own, rest } = splitAllOf(s);
  const o = renderOwn(st, own, kinds, mode);
  if (o) parts.push(o);
  for (const m of rest) parts.push(child(m));
  if (s.anyOf) parts.push(renderAnyOf(st, s.anyOf, kinds, mode, child, s.discriminator));
  if (s.oneOf) parts.push(renderOneOf(st, s.oneOf, kinds, mode, child, s.discriminator));
  if (s.not) parts.push(renderNot(render(st, s.not, ALL, "neutral")));
  const extended = s.anyOf || s.oneOf || s.not ? undefined : extendOf(st, parts);
  return st.intern(extended ?? conj(parts));
}

/**
 * allOf of component objects (and the schema's own properties) as `Base.extend(…)`, where that is
 * exactly the conjunction: every part a loose object (unknown keys kept), the bases exported as real
 * zod objects and already initialised. A property declared by several parts gets all their schemas
 * (`$and`): JSON Schema applies each of them, extend alone would keep the last.
 */
function extendOf(st: ZodState, parts: Rendered[]): Rendered | undefined {
  if (parts.length < 2) return undefined;
  const bases: Rendered[] = [];
  let own: Rendered | undefined;
  for (const p of parts) {
    const base = p.entity && p.z === p.entity.constName ? st.objects.get(p.entity) : undefined;
    if (base?.config === "loose") bases.push(p);
    else if (p.obj?.config === "loose" && !p.entity && !own) own = p;
    else return undefined;
  }
  if (bases.length === 0) return undefined;
  type Member = ObjInfo["members"][number];
  const merged = new Map<string, { member: Member; from: string[] }>();
  const add = (m: Member, z: string) => {
    const prev = merged.get(m.name);
    if (!prev) merged.set(m.name, { member: m, from: [z] });
    else merged.set(m.name, { member: { name: m.name, ts: tsIntersection([prev.member.ts, m.ts]), optional: prev.member.optional && m.optional, z: "" }, from: [...prev.from, z] });
  };
  for (const b of bases) for (const m of st.objects.get(b.entity!)!.members) add(m, `$prop(${b.z}, ${stringLiteral(m.name)})`);
  for (const m of own?.obj!.members ?? []) add(m, m.z);
  // What the extension adds: the own properties, and every property declared more than once.
  const added = [...merged.values()].filter((e) => e.from.length > 1 || (own?.obj!.members.includes(e.member) ?? false));
  const props = added.map((e) => `${propertyKey(e.member.name)}: ${e.from.length > 1 ? `$and(${e.from.join(", ")})` : e.from[0]}`);
  const required = added.filter((e) => !e.member.optional).map((e) => e.member.name);
  const members = [...merged.values()].map((e) => ({ ...e.member, z: e.from.length > 1 ? `$and(${e.from.join(", ")})` : e.from[0]! }));
  return { z: `$extend([${bases.map((b) => `$z(${b.z})`).join(", ")}], { ${props.join(", ")} }, ${valueLiteral(required)})`, ts: conj(parts).ts, obj: { members, config: "loose" } };
}

/** `render` of sub-schemas under one narrowing and mode (one closure per combination, reused). */
function childOf(st: ZodState, narrow: number, mode: Mode): (s: IRSchema) => Rendered {
  const key = narrow + (mode === "neutral" ? 0 : mode === "request" ? 128 : 256);
  let fn = st.renderers[key];
  if (!fn) {
    fn = (x: IRSchema) => render(st, x, narrow, mode);
    st.renderers[key] = fn;
  }
  return fn;
}

type Block = "string" | "number" | "array" | "object";

function blocksOf(s: IRSchema): Set<Block> {
  const blocks = new Set<Block>();
  if (hasStringConstraints(s)) blocks.add("string");
  if (hasNumberConstraints(s)) blocks.add("number");
  if (s.array) blocks.add("array");
  if (s.object) blocks.add("object");
  return blocks;
}

/** The schema's own type and per-type keywords (plus enum/const); undefined when it asserts nothing. */
function renderOwn(st: ZodState, s: IRSchema, kinds: number, mode: Mode): Rendered | undefined {
  const literal = s.enum ?? (s.const ? [s.const.value] : undefined);
  const anyBlock = s.object !== undefined || s.array !== undefined || hasStringConstraints(s) || hasNumberConstraints(s);
  if (!s.types && !literal && !anyBlock) return undefined;

  let typed: Rendered | undefined;
  if (s.types) typed = renderTypes(st, s, declaredTypes(s.types, kinds), mode);
  else if (anyBlock) typed = renderUntyped(st, s, kinds, blocksOf(s), mode);
  if (!literal) return typed;
  const values = literal.filter((v) => valueHasType(v, s.types) && (maskOfValue(v) & kinds) !== 0);
  const lit = renderLiteral(values);
  return anyBlock ? conj([lit, typed!]) : lit;
}

function declaredTypes(types: JsonType[], kinds: number): JsonType[] {
  const list = types.filter((t) => (maskOfType(t) & kinds) !== 0);
  return list.includes("number") ? list.filter((t) => t !== "integer") : list;
}

function renderType(st: ZodState, s: IRSchema, t: JsonType, mode: Mode): Rendered {
  const child = childOf(st, ALL, mode);
  switch (t) {
    case "string":
      return renderString(st, s);
    case "number":
    case "integer":
      return renderNumber(st, s, t === "integer");
    case "boolean":
      return { z: "$bool", ts: "boolean" };
    case "null":
      return { z: "$null", ts: "null" };
    case "array":
      return renderArray(st, s, child);
    case "object":
      return renderObject(st, s, mode, child);
  }
}

/** One or more types: `X`, `X.nullable()`, or a union (the members are disjoint). */
function renderTypes(st: ZodState, s: IRSchema, types: JsonType[], mode: Mode): Rendered {
  const parts = types.map((t) => renderType(st, s, t, mode));
  return union(parts);
}

function union(parts: Rendered[]): Rendered {
  if (parts.length === 0) return NEVER;
  if (parts.length === 1) return parts[0]!;
  const ts = tsUnion(parts.map((p) => p.ts));
  const nonNull = parts.filter((p) => p.z !== "$null");
  if (parts.length === 2 && nonNull.length === 1) return { z: `$nullable(${nonNull[0]!.z})`, ts };
  return { z: `$union(${parts.map((p) => p.z).join(", ")})`, ts };
}

const PLAIN: Record<string, Rendered> = {
  string: { z: "$str", ts: "string" },
  number: { z: "$num", ts: "number" },
  boolean: { z: "$bool", ts: "boolean" },
  null: { z: "$null", ts: "null" },
  array: { z: "$arr", ts: "unknown[]" },
  object: { z: "$rec", ts: "{ [k: string]: unknown }" },
};

/**
 * No `type`, but per-type keywords: JSON Schema applies each block to instances of its type
 * only and accepts every other type as is (`{minLength: 2}` accepts 5).
 */
function renderUntyped(st: ZodState, s: IRSchema, kinds: number, blocks: Set<Block>, mode: Mode): Rendered {
  const parts: Rendered[] = [];
  const plain: string[] = [];
  const kindList: [string, number][] = [
    ["string", K.string],
    ["number", NUMBERS],
    ["boolean", K.boolean],
    ["null", K.null],
    ["array", K.array],
    ["object", K.object],
  ];
  for (const [name, mask] of kindList) {
    if ((kinds & mask) === 0) continue;
    if (blocks.has(name as Block)) parts.push(renderType(st, s, name as JsonType, mode));
    else plain.push(name);
  }
  if (plain.length === 1) parts.push(PLAIN[plain[0]!]!);
  else if (plain.length > 1) parts.push({ z: `$kinds(${valueLiteral(plain)})`, ts: tsUnion(plain.map((p) => PLAIN[p]!.ts)) });
  const all = union(parts);
  // Only object keywords and no `type` (`{properties: …}`, common in 3.0 specs): the validator
  // accepts any other kind, as JSON Schema says, but the type is the object, as @specforge/types
  // (openapi-typescript) has it, so what `parse()` returns assigns to it. APIs send the object.
  if (blocks.size === 1 && blocks.has("object") && parts.length > 1) return { z: all.z, ts: parts[0]!.ts };
  return all;
}
