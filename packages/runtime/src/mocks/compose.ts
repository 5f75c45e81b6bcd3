/**
 * Choosing branches of `oneOf`/`anyOf`: with a discriminator, one mapping entry (its target
 * schema joins the conjunction and the discriminator property gets the entry's value); without,
 * branches whose types can fit, in a seeded rotation — null-only branches last, or first when
 * the recursion is being cut, together with branches that do not re-enter a schema on the path.
 * The attempt number walks through the alternatives when a candidate fails validation.
 */
import type { MockSchema, Resolve, JsonType } from "./schema.js";
import { copyConjunction, flatten, intersectTypes, type Conjunction, type Disjunction } from "./merge.js";
import type { Ctx } from "./context.js";

interface Option {
  branch: MockSchema;
  forced?: { propertyName: string; value: unknown };
}

function ownTypes(s: MockSchema, resolve: Resolve): JsonType[] | undefined {
  if (s.types) return s.types;
  if (s.const) return undefined;
  return s.ref !== undefined ? resolve(s.ref)?.types : undefined;
}

function options(d: Disjunction, resolve: Resolve, types: JsonType[] | undefined): Option[] {
  const disc = d.discriminator;
  if (disc && disc.mapping.length) {
    const seen = new Set<string>();
    const out: Option[] = [];
    for (const m of disc.mapping) {
      if (seen.has(m.target)) continue;
      seen.add(m.target);
      const branch = d.branches.find((b) => b.ref === m.target) ?? { ref: m.target };
      out.push({ branch, forced: { propertyName: disc.propertyName, value: m.value } });
    }
    return out;
  }
  return d.branches
    .filter((b) => {
      const t = ownTypes(b, resolve);
      return !t || !types || intersectTypes(types, t).length > 0;
    })
    .map((branch) => ({ branch }));
}

const recursiveRefs = new WeakMap<MockSchema, boolean>();

/** True when the branch (not following refs) mentions a recursive schema: choosing it may recurse. */
function mayRecurse(s: MockSchema, recursive: ReadonlySet<string>): boolean {
  let r = recursiveRefs.get(s);
  if (r !== undefined) return r;
  recursiveRefs.set(s, false);
  const a = s.array;
  const o = s.object;
  const kids = [a?.items, ...(a?.prefixItems ?? []), ...(o?.properties.map((p) => p.schema) ?? []), o?.additionalProperties || undefined, ...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])];
  r = (s.ref !== undefined && recursive.has(s.ref)) || kids.some((k) => k !== undefined && mayRecurse(k, recursive));
  recursiveRefs.set(s, r);
  return r;
}

function cost(o: Option, c: Ctx, resolve: Resolve, recursive: ReadonlySet<string>): number {
  const t = ownTypes(o.branch, resolve);
  if (t && t.length === 1 && t[0] === "null") return 0;
  if (mayRecurse(o.branch, recursive)) return o.branch.ref !== undefined && c.stack.includes(o.branch.ref) ? 5 : 4;
  if (o.branch.ref === undefined) return o.branch.oneOf || o.branch.anyOf || o.branch.allOf ? 2 : 1;
  return 3;
}

/** The conjunction with one branch chosen in every disjunction (branches may add more). */
export function chooseBranches(base: Conjunction, resolve: Resolve, c: Ctx, attempt: number, recursive: ReadonlySet<string>): Conjunction {
  const ext = copyConjunction(base);
  for (let i = 0; i < ext.disjunctions.length && i < 64; i++) {
    const d = ext.disjunctions[i]!;
    const types = ext.parts.reduce<JsonType[] | undefined>((acc, p) => (p.types ? intersectTypes(acc, p.types) : acc), undefined);
    let opts = options(d, resolve, types);
    if (opts.length === 0) {
      ext.impossible = true;
      break;
    }
    const rotated = c.rng.rotation(opts.length).map((j) => opts[j]!);
    const costs = new Map(rotated.map((o) => [o, cost(o, c, resolve, recursive)]));
    opts = c.minimal ? rotated.sort((a, b) => costs.get(a)! - costs.get(b)!) : [...rotated.filter((o) => costs.get(o) !== 0), ...rotated.filter((o) => costs.get(o) === 0)];
    const pick = opts[attempt % opts.length]!;
    ext.chosen[i] = pick.branch;
    if (pick.forced && !ext.forced.has(pick.forced.propertyName)) ext.forced.set(pick.forced.propertyName, pick.forced.value);
    flatten(pick.branch, resolve, ext);
  }
  return ext;
}
