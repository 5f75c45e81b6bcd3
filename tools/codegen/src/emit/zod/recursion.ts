import type { IRNamedSchema } from "../../ir/types.js";
import type { Entity, Mode, Rendered, ZodState } from "./state.js";
import { ANY } from "./composition.js";
import { stronglyConnected, cyclic } from "../../ir/scc.js";

/**
 * A reference to a named schema. Every component constant carries an explicit `z.ZodType<T>`
 * type, so a reference to one not yet initialised (same cycle) is just `z.lazy(() => XSchema)`,
 * and mutual recursion type-checks without inference through the cycle.
 */
export function renderRef(st: ZodState, name: string, mode: Mode, pointer: string): Rendered {
  const e = st.entity(name, mode);
  if (!e) {
    st.warn(pointer, `reference to unknown schema ${JSON.stringify(name)}; accepted as any value`);
    return ANY;
  }
  if (st.deferred === 0 && st.current) st.directTypeRefs.add(e);
  const z = st.current && !st.emitted.has(e) ? `$lazy(() => ${e.constName})` : e.constName;
  return { z, ts: e.typeName, entity: e };
}

/**
 * The entities a named schema refers to: the model's `refs` (an over-approximation — it also
 * lists discriminator mapping targets, and every mode keeps every reference — which can only
 * add laziness, never miss an edge).
 */
export function dependencies(st: ZodState, named: IRNamedSchema, mode: Mode): Entity[] {
  const out: Entity[] = [];
  for (const r of named.refs) {
    const e = st.entity(r, mode);
    if (e) out.push(e);
  }
  return out;
}

/** Strongly connected components of the reference graph in dependency order (see ir/scc.ts). */
export function orderEntities(entities: Entity[], deps: (e: Entity) => Entity[]): Entity[][] {
  return stronglyConnected(entities, deps);
}

/**
 * Entities whose TypeScript type would be a circular alias (`type A = B | null; type B = A & …`,
 * references outside any object or array): their type is `unknown` instead.
 */
export function circularAliases(direct: Map<Entity, Set<Entity>>): Set<Entity> {
  return cyclic(direct.keys(), (e) => [...(direct.get(e) ?? [])]);
}
