import type { IRNamedSchema } from "../../ir/types.js";
import type { Entity, Mode, Rendered, ZodState } from "./state.js";
import { ANY } from "./composition.js";

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
  return { z, ts: e.typeName };
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

/**
 * Strongly connected components of the reference graph in dependency order (Tarjan: a component
 * comes after everything it references), starting from the entities in the given order, so the
 * output is deterministic and every non-cyclic reference points at an initialised constant.
 */
export function orderEntities(entities: Entity[], deps: (e: Entity) => Entity[]): Entity[][] {
  const index = new Map<Entity, number>();
  const low = new Map<Entity, number>();
  const onStack = new Set<Entity>();
  const stack: Entity[] = [];
  const out: Entity[][] = [];
  let next = 0;
  for (const root of entities) {
    if (index.has(root)) continue;
    // Iterative DFS: reference chains can be long.
    const frames: { v: Entity; edges: Entity[]; i: number }[] = [];
    const open = (v: Entity) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      frames.push({ v, edges: deps(v), i: 0 });
    };
    open(root);
    while (frames.length) {
      const f = frames[frames.length - 1]!;
      if (f.i < f.edges.length) {
        const w = f.edges[f.i++]!;
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(f.v, Math.min(low.get(f.v)!, index.get(w)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(f.v)!));
      if (low.get(f.v) === index.get(f.v)) {
        const scc: Entity[] = [];
        let w: Entity;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== f.v);
        out.push(scc.reverse());
      }
    }
  }
  return out;
}

/**
 * Entities whose TypeScript type would be a circular alias (`type A = B | null; type B = A & …`,
 * references outside any object or array): their type is `unknown` instead.
 */
export function circularAliases(direct: Map<Entity, Set<Entity>>): Set<Entity> {
  const all = [...direct.keys()];
  const sccs = orderEntities(all, (e) => [...(direct.get(e) ?? [])]);
  const out = new Set<Entity>();
  for (const scc of sccs) {
    if (scc.length > 1 || direct.get(scc[0]!)?.has(scc[0]!)) for (const e of scc) out.add(e);
  }
  return out;
}
