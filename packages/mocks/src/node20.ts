/**
 * msw 3 targets Node ≥ 22.12: it calls `Promise.withResolvers` and `Set.prototype.intersection` /
 * `difference`, which Node 20 lacks. Import this module once before `setupServer` (e.g. in a test
 * setup file) to run the MSW handlers on Node 20; it only fills what is missing.
 *
 * ```ts
 * import "@specforge/mocks/node20";
 * ```
 */
type SetLike<T> = { has(value: T): boolean; keys(): Iterator<T> };

const P = Promise as unknown as { withResolvers?: unknown };
if (typeof P.withResolvers !== "function") {
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const S = Set.prototype as unknown as Record<string, unknown>;
if (typeof S.intersection !== "function") {
  S.intersection = function intersection<T>(this: Set<T>, other: SetLike<T>): Set<T> {
    return new Set([...this].filter((v) => other.has(v)));
  };
}
if (typeof S.difference !== "function") {
  S.difference = function difference<T>(this: Set<T>, other: SetLike<T>): Set<T> {
    return new Set([...this].filter((v) => !other.has(v)));
  };
}
if (typeof S.union !== "function") {
  S.union = function union<T>(this: Set<T>, other: SetLike<T>): Set<T> {
    const out = new Set(this);
    const it = other.keys();
    for (let r = it.next(); !r.done; r = it.next()) out.add(r.value);
    return out;
  };
}

export {};
