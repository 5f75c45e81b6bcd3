/**
 * Which fixture objects become named constants in mocks.gen.ts: every component fixture (typed
 * `components["schemas"][name]`), plus any other cached component fixture (sibling variants,
 * compact ones) used more than once. Everything else is written inline where it is used.
 */
import type { FixtureSet } from "./collect.js";

export interface SharedConst {
  name: string;
  /** Original component name (its TypeScript type is components["schemas"][component]). */
  component: string;
  value: object;
}

export function sharedConstants(set: FixtureSet, roots: unknown[]): Map<object, SharedConst> {
  const origin = set.generator.origin;
  const components = new Map(set.components.map((c) => [c.name, c]));
  const count = new Map<object, number>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== "object") return;
    if (origin.has(v)) {
      const n = (count.get(v) ?? 0) + 1;
      count.set(v, n);
      if (n > 1) return;
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) visit(child);
  };
  roots.forEach(visit);
  const out = new Map<object, SharedConst>();
  for (const [value, n] of count) {
    const o = origin.get(value)!;
    const comp = components.get(o.name);
    if (!comp) continue;
    const primary = o.variant === 0 && !o.compact && !o.noExamples;
    if (!primary && n < 2) continue;
    const suffix = primary ? "" : `_${o.variant}${o.compact ? "c" : ""}${o.noExamples ? "x" : ""}`;
    out.set(value, { name: `$${comp.ident}${suffix}`, component: o.name, value });
  }
  return out;
}

/** Shared constants `value` uses directly (not through another constant). */
export function dependencies(value: unknown, shared: ReadonlyMap<object, SharedConst>, self?: object): SharedConst[] {
  const out: SharedConst[] = [];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== "object") return;
    const c = v !== self ? shared.get(v) : undefined;
    if (c) {
      out.push(c);
      return;
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) walk(child);
  };
  walk(value);
  return out;
}
