/**
 * Strongly connected components of a graph in dependency order (Tarjan: a component comes after
 * everything it references), visiting roots in the given order so the output is deterministic.
 * Iterative: reference chains in real specs are long enough to overflow a recursive walk.
 */
export function stronglyConnected<T>(roots: Iterable<T>, deps: (v: T) => readonly T[]): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const out: T[][] = [];
  let next = 0;
  for (const root of roots) {
    if (index.has(root)) continue;
    const frames: { v: T; edges: readonly T[]; i: number }[] = [];
    const open = (v: T) => {
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
        const scc: T[] = [];
        let w: T;
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

/** Members of a cycle or a self-loop. */
export function cyclic<T>(roots: Iterable<T>, deps: (v: T) => readonly T[]): Set<T> {
  const out = new Set<T>();
  for (const scc of stronglyConnected(roots, deps)) if (scc.length > 1 || deps(scc[0]!).includes(scc[0]!)) for (const v of scc) out.add(v);
  return out;
}
