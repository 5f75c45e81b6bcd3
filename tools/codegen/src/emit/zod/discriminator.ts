import type { IRSchema } from "../../ir/types.js";
import type { ZodState } from "./state.js";
import { K } from "./type-set.js";

type Primitive = string | number | boolean | null;
const isPrimitive = (v: unknown): v is Primitive => v === null || ["string", "number", "boolean"].includes(typeof v);

/** What a schema says about one property: the finite set of values it allows, and whether it is required. */
interface Lit {
  values?: Set<Primitive>;
  required: boolean;
}

const MAX_DEPTH = 12;

function intersect(a: Set<Primitive> | undefined, b: Set<Primitive> | undefined): Set<Primitive> | undefined {
  if (!a) return b;
  if (!b) return a;
  return new Set([...a].filter((v) => b.has(v)));
}

/** Values a schema restricts an instance to (enum/const, through refs and compositions), if finite. */
function valuesOf(st: ZodState, s: IRSchema, depth: number): Set<Primitive> | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let out: Set<Primitive> | undefined;
  if (s.const) out = isPrimitive(s.const.value) ? new Set([s.const.value]) : undefined;
  if (s.enum && s.enum.every(isPrimitive)) out = intersect(out, new Set(s.enum as Primitive[]));
  if (s.ref) {
    const target = st.model.schemaByName.get(s.ref);
    if (target) out = intersect(out, valuesOf(st, target.schema, depth + 1));
  }
  for (const m of s.allOf ?? []) out = intersect(out, valuesOf(st, m, depth + 1));
  for (const list of [s.anyOf, s.oneOf]) {
    if (!list) continue;
    const sets = list.map((b) => valuesOf(st, b, depth + 1));
    if (sets.every((x) => x !== undefined)) out = intersect(out, new Set(sets.flatMap((x) => [...x!])));
  }
  return out;
}

function litOf(st: ZodState, s: IRSchema, prop: string, depth: number): Lit {
  const res: Lit = { required: false };
  if (depth > MAX_DEPTH) return res;
  const add = (l: Lit) => {
    res.values = intersect(res.values, l.values);
    res.required ||= l.required;
  };
  if (s.ref) {
    const target = st.model.schemaByName.get(s.ref);
    if (target) add(litOf(st, target.schema, prop, depth + 1));
  }
  const p = s.object?.properties.find((x) => x.name === prop);
  if (p) add({ values: valuesOf(st, p.schema, depth + 1), required: p.required });
  if (s.object?.requiredOnly.includes(prop)) add({ required: true });
  for (const m of s.allOf ?? []) add(litOf(st, m, prop, depth + 1));
  for (const list of [s.anyOf, s.oneOf]) {
    if (!list) continue;
    const lits = list.map((b) => litOf(st, b, prop, depth + 1));
    add({
      values: lits.every((l) => l.values) ? new Set(lits.flatMap((l) => [...l.values!])) : undefined,
      required: lits.every((l) => l.required),
    });
  }
  return res;
}

/** Properties the branch requires with literal values (candidates for dispatch). */
function candidates(s: IRSchema, st: ZodState): string[] {
  const out: string[] = [];
  const visit = (x: IRSchema, depth: number) => {
    if (depth > 3) return;
    for (const p of x.object?.properties ?? []) if (p.required && (p.schema.enum || p.schema.const || p.schema.ref)) out.push(p.name);
    if (x.ref) {
      const t = st.model.schemaByName.get(x.ref);
      if (t) visit(t.schema, depth + 1);
    }
    for (const m of x.allOf ?? []) visit(m, depth + 1);
  };
  visit(s, 0);
  return [...new Set(out)];
}

/**
 * A property on which oneOf/anyOf branches can be told apart exactly: every branch is an object
 * (within `narrow`), requires the property and allows only literal values no other branch allows.
 * Then at most one branch can match and trying only that one is equivalent. Returns the
 * property and each branch's values, or undefined.
 */
export function findDispatch(st: ZodState, branches: IRSchema[], narrow: number, preferred?: string): { prop: string; values: Primitive[][] } | undefined {
  if (branches.length < 2) return undefined;
  if (branches.some((b) => (st.types.of(b) & narrow & ~K.object) !== 0)) return undefined;
  const props = preferred !== undefined ? [preferred, ...candidates(branches[0]!, st)] : candidates(branches[0]!, st);
  for (const prop of new Set(props)) {
    const lits = branches.map((b) => litOf(st, b, prop, 0));
    if (!lits.every((l) => l.required && l.values && l.values.size > 0)) continue;
    const seen = new Set<Primitive>();
    let disjoint = true;
    for (const l of lits) {
      for (const v of l.values!) {
        if (seen.has(v)) disjoint = false;
        seen.add(v);
      }
    }
    if (disjoint) return { prop, values: lits.map((l) => [...l.values!]) };
  }
  return undefined;
}
