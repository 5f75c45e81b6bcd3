import type { IRSchema } from "@specforge/codegen/src/ir/types.js";

/** A set of (base, head) schema pairs, by identity (each IR schema is one place in its document). */
export class PairSet {
  private readonly byBase = new Map<IRSchema, Set<IRSchema>>();

  has(b: IRSchema, h: IRSchema): boolean {
    return this.byBase.get(b)?.has(h) === true;
  }

  /** Adds the pair; false when it was there already. */
  add(b: IRSchema, h: IRSchema): boolean {
    let set = this.byBase.get(b);
    if (!set) this.byBase.set(b, (set = new Set()));
    if (set.has(h)) return false;
    set.add(h);
    return true;
  }

  delete(b: IRSchema, h: IRSchema): void {
    this.byBase.get(b)?.delete(h);
  }
}

/**
 * The recursion guard every schema walk of one comparison shares: the reporting walk, the counting
 * walks that pair union branches, `not` schemas and renamed properties, and the reversed walk inside
 * a `not`. A pair already on the stack, in the same mode (direction, negation), is taken as equal —
 * a recursive schema is compared once, by the outermost visit — so a walk through `$ref` cycles and
 * unions ends whichever walk re-enters it. Each walk keeping its own guard is how a union inside a
 * recursive schema recursed until the stack overflowed.
 */
export class WalkGuard {
  private readonly active = new Map<string, PairSet>();
  /** Differences counted per pair and mode: a pair of branches is scored once, not once per visit. */
  private readonly counts = new Map<string, Map<IRSchema, Map<IRSchema, number>>>();

  /** Enters (b, h) in `mode`; false when it is already being compared (recursion). */
  enter(mode: string, b: IRSchema, h: IRSchema): boolean {
    let set = this.active.get(mode);
    if (!set) this.active.set(mode, (set = new PairSet()));
    return set.add(b, h);
  }

  leave(mode: string, b: IRSchema, h: IRSchema): void {
    this.active.get(mode)?.delete(b, h);
  }

  count(mode: string, b: IRSchema, h: IRSchema): number | undefined {
    return this.counts.get(mode)?.get(b)?.get(h);
  }

  remember(mode: string, b: IRSchema, h: IRSchema, n: number): void {
    let byB = this.counts.get(mode);
    if (!byB) this.counts.set(mode, (byB = new Map()));
    let byH = byB.get(b);
    if (!byH) byB.set(b, (byH = new Map()));
    byH.set(h, n);
  }
}
