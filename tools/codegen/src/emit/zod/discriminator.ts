import type { IRSchema } from "../../ir/types.js";
import type { Mode, ZodState } from "./state.js";
import { omitted } from "./variants.js";
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

function litOf(st: ZodState, s: IRSchema, prop: string, depth: number, mode: Mode): Lit {
  const res: Lit = { required: false };
  if (depth > MAX_DEPTH) return res;
  const add = (l: Lit) => {
    res.values = intersect(res.values, l.values);
    res.required ||= l.required;
  };
  if (s.ref) {
    const target = st.model.schemaByName.get(s.ref);
    if (target) add(litOf(st, target.schema, prop, depth + 1, mode));
  }
  // A property the variant leaves out (readOnly in requests…) is not declared there at all.
  const p = s.object?.properties.find((x) => x.name === prop && !omitted(st.model, x, mode));
  if (p) add({ values: valuesOf(st, p.schema, depth + 1), required: p.required });
  if (s.object?.requiredOnly.includes(prop)) add({ required: true });
  for (const m of s.allOf ?? []) add(litOf(st, m, prop, depth + 1, mode));
  for (const list of [s.anyOf, s.oneOf]) {
    if (!list) continue;
    const lits = list.map((b) => litOf(st, b, prop, depth + 1, mode));
    add({
      values: lits.every((l) => l.values) ? new Set(lits.flatMap((l) => [...l.values!])) : undefined,
      required: lits.every((l) => l.required),
    });
  }
  return res;
}

/** Property names with literal values in a branch (candidates for dispatch). */
function candidates(s: IRSchema, st: ZodState, out: Set<string>, depth = 0): Set<string> {
  if (depth > 3) return out;
  for (const p of s.object?.properties ?? []) if (p.schema.enum || p.schema.const || p.schema.ref) out.add(p.name);
  if (s.ref) {
    const t = st.model.schemaByName.get(s.ref);
    if (t) candidates(t.schema, st, out, depth + 1);
  }
  for (const m of s.allOf ?? []) candidates(m, st, out, depth + 1);
  return out;
}

export interface Dispatch {
  prop: string;
  /** Per branch: the values it allows for `prop` (undefined = any) and whether it requires it. */
  cases: { values?: Primitive[]; required: boolean }[];
}

/**
 * A property that tells oneOf/anyOf branches apart: every branch is an object (within
 * `narrow`), and for a given instance only the branches allowing its value of the property
 * (or its absence) can match, so only those are tried — the same result as trying all, faster
 * and with clearer errors. Used when it leaves at most half the branches for any value.
 */
export function findDispatch(st: ZodState, branches: IRSchema[], narrow: number, mode: Mode, preferred?: string): Dispatch | undefined {
  if (branches.length < 2) return undefined;
  if (branches.some((b) => (st.types.of(b) & narrow & ~K.object) !== 0)) return undefined;
  const props = new Set<string>(preferred !== undefined ? [preferred] : []);
  for (const b of branches) candidates(b, st, props);
  let best: Dispatch | undefined;
  let bestWorst = Math.floor(branches.length / 2) + 1;
  for (const prop of props) {
    const lits = branches.map((b) => litOf(st, b, prop, 0, mode));
    const open = lits.filter((l) => !l.values).length;
    const byValue = new Map<Primitive, number>();
    for (const l of lits) for (const v of l.values ?? []) byValue.set(v, (byValue.get(v) ?? 0) + 1);
    const absent = lits.filter((l) => !l.required).length;
    const worst = Math.max(absent, open + Math.max(0, ...byValue.values()));
    if (worst < bestWorst) {
      bestWorst = worst;
      best = { prop, cases: lits.map((l) => ({ ...(l.values ? { values: [...l.values] } : {}), required: l.required })) };
    }
  }
  return best;
}

/** Whether `d` dispatches on `prop` with each value selecting one branch: then it is the discriminator's mapping already. */
export function separates(d: Dispatch, prop: string): boolean {
  if (d.prop !== prop) return false;
  const seen = new Set<Primitive>();
  for (const c of d.cases) {
    if (!c.values || !c.required) return false;
    for (const v of c.values) {
      if (seen.has(v)) return false;
      seen.add(v);
    }
  }
  return true;
}

/**
 * Whether `branch` can hold `value` in `prop` (no finite set of values stated, or one holding it).
 * A mapping entry that contradicts its branch is not followed: OpenAI's filters map implicitly by
 * schema name ("ComparisonFilter") while the branch says `type: enum [eq, ne, …]`, and the payloads
 * (`type: "eq"`) are decided by oneOf as before.
 */
export function allowsValue(st: ZodState, branch: IRSchema, prop: string, value: string, mode: Mode): boolean {
  const l = litOf(st, branch, prop, 0, mode);
  return !l.values || l.values.has(value);
}
