import type { IRDiscriminator, IRMeta, IRObjectConstraints, IRProperty, IRSchema } from "../../ir/types.js";
import type { Mode, Rendered, ZodState } from "./state.js";
import { tsIntersection, tsUnion } from "./ts-type.js";
import { isPlainShape } from "./object.js";
import { allowsValue, findDispatch, separates } from "./discriminator.js";
import { stringLiteral, valueLiteral } from "../inert.js";

export const ANY: Rendered = { z: "$any", ts: "unknown" };
export const NEVER: Rendered = { z: "$never", ts: "never" };

/** All of `parts` must hold (JSON Schema conjunction): zod intersection; the input passes through unchanged. */
export function conj(parts: Rendered[]): Rendered {
  const list = parts.filter((p) => p.z !== ANY.z);
  if (list.some((p) => p.z === NEVER.z)) return NEVER;
  if (list.length === 0) return ANY;
  if (list.length === 1) return list[0]!;
  return { z: `$and(${list.map((p) => p.z).join(", ")})`, ts: tsIntersection(list.map((p) => p.ts)) };
}

const OTHER_KEYS = ["ref", "boolean", "string", "number", "array", "enum", "const", "allOf", "anyOf", "oneOf", "not"] as const;

/** An allOf member that only declares properties (loose): merging it into its parent's object is exact. */
function mergeable(m: IRSchema): boolean {
  if (!m.object || !isPlainShape(m.object)) return false;
  if (m.types && !(m.types.length === 1 && m.types[0] === "object")) return false;
  return OTHER_KEYS.every((k) => m[k] === undefined);
}

function mergeMeta(a: IRMeta, b: IRMeta): IRMeta {
  const out: IRMeta = { ...b, ...a };
  if (a.readOnly || b.readOnly) out.readOnly = true;
  if (a.writeOnly || b.writeOnly) out.writeOnly = true;
  if (a.deprecated || b.deprecated) out.deprecated = true;
  return out;
}

function mergeObjects(a: IRObjectConstraints, b: IRObjectConstraints): IRObjectConstraints {
  const props = new Map<string, IRProperty>();
  for (const p of [...a.properties, ...b.properties]) {
    const prev = props.get(p.name);
    if (!prev) props.set(p.name, p);
    else {
      const schema: IRSchema = { pointer: prev.schema.pointer, allOf: [prev.schema, p.schema], meta: mergeMeta(prev.schema.meta, p.schema.meta) };
      props.set(p.name, { name: p.name, schema, required: prev.required || p.required });
    }
  }
  const requiredOnly = new Set([...a.requiredOnly, ...b.requiredOnly]);
  for (const name of requiredOnly) {
    const p = props.get(name);
    if (p) {
      props.set(name, { ...p, required: true });
      requiredOnly.delete(name);
    }
  }
  return { ...a, properties: [...props.values()], requiredOnly: [...requiredOnly] };
}

/**
 * Splits `allOf`: members that only declare properties are merged into the schema's own object
 * keywords (when those are loose too), the rest stay separate conjuncts (references, strict
 * objects, anything else), rendered as an intersection.
 */
export function splitAllOf(s: IRSchema): { own: IRSchema; rest: IRSchema[] } {
  if (!s.allOf) return { own: s, rest: [] };
  if (s.object && !isPlainShape(s.object)) return { own: s, rest: s.allOf };
  let object = s.object;
  const rest: IRSchema[] = [];
  for (const m of s.allOf) {
    if (!mergeable(m)) {
      rest.push(m);
      continue;
    }
    object = object ? mergeObjects(object, m.object!) : m.object;
  }
  // A member typed `object` makes the instance an object: the caller's narrowing accounts for it.
  if (object === s.object) return { own: s, rest };
  return { own: { ...s, object }, rest };
}

/**
 * anyOf: at least one branch (zod union), or dispatch on a property that tells the branches apart.
 * A discriminator mapping is not applied: the union already accepts what the mapped branch accepts.
 */
export function renderAnyOf(st: ZodState, branches: IRSchema[], narrow: number, mode: Mode, child: (s: IRSchema) => Rendered, d?: IRDiscriminator): Rendered {
  return alternatives(st, branches, narrow, mode, child, d, "$union");
}

/** oneOf: exactly one branch (zod xor counts the matches), or the same dispatch when it applies. */
export function renderOneOf(st: ZodState, branches: IRSchema[], narrow: number, mode: Mode, child: (s: IRSchema) => Rendered, d?: IRDiscriminator): Rendered {
  return alternatives(st, branches, narrow, mode, child, d, "$xor");
}

function alternatives(st: ZodState, branches: IRSchema[], narrow: number, mode: Mode, child: (s: IRSchema) => Rendered, disc: IRDiscriminator | undefined, fn: string): Rendered {
  const rendered = branches.map(child);
  if (rendered.length === 1) return rendered[0]!;
  const ts = tsUnion(rendered.map((r) => r.ts));
  const d = findDispatch(st, branches, narrow, mode, disc?.propertyName);
  const plain = (): string => {
    if (d) {
      const cases = d.cases.map((c, i) => {
        const values = c.values ? valueLiteral(c.values) : "null";
        return `[${values}, ${rendered[i]!.z}${c.values && !c.required ? ", true" : ""}]`;
      });
      return `$disc(${stringLiteral(d.prop)}, ${fn === "$xor"}, ${cases.join(", ")})`;
    }
    // Branches accepting disjoint instance kinds (string | object, …) cannot both match: oneOf is
    // then anyOf, and a union stops at the first match instead of trying every branch.
    if (fn === "$xor") {
      let seen = 0;
      const disjoint = branches.every((b) => {
        const m = st.types.of(b) & narrow;
        const ok = (m & seen) === 0;
        seen |= m;
        return ok;
      });
      if (disjoint) fn = "$union";
    }
    return `${fn}(${rendered.map((r) => r.z).join(", ")})`;
  };
  // OpenAPI's discriminator, where JSON Schema's oneOf alone cannot tell the branches apart: in
  // the canonical `Cat = allOf [Pet, …]` pattern (OpenAPI's own example, ory kratos) every branch
  // matches its siblings' payloads, so the plain oneOf rejects every real one. When the branches
  // state literal values for the property that already separate them, the plain form is the same.
  const mapped = fn === "$xor" && disc && !(d && separates(d, disc.propertyName)) ? mappedCases(st, branches, rendered, disc, mode) : [];
  if (mapped.length === 0) return { z: plain(), ts };
  return { z: `$mapped(${stringLiteral(disc!.propertyName)}, [${mapped.join(", ")}], ${plain()})`, ts };
}

/** `[value, branch]` per mapping entry (explicit, or the implicit schema name) that names one of the branches and that it allows. */
function mappedCases(st: ZodState, branches: IRSchema[], rendered: Rendered[], d: IRDiscriminator, mode: Mode): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const { value, target } of d.mapping) {
    const i = branches.findIndex((b) => b.ref === target);
    if (i < 0 || seen.has(value) || !allowsValue(st, branches[i]!, d.propertyName, value, mode)) continue;
    seen.add(value);
    out.push(`[${stringLiteral(value)}, ${rendered[i]!.z}]`);
  }
  return out;
}

/** not: the instance must fail the subschema (no effect on the static type). */
export function renderNot(inner: Rendered): Rendered {
  if (inner.z === ANY.z) return NEVER;
  if (inner.z === NEVER.z) return ANY;
  return { z: `$not(${inner.z})`, ts: "unknown" };
}
