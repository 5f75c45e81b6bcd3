import type { Presence } from "../types.js";

/** What the presence walk needs of a parameter or header. */
export interface Presentable {
  required: boolean;
}

export interface PresenceWalk<T> {
  /** What the items are, for reasons: `parameter`, `header`. */
  noun: string;
  /** A removed or added item, or one whose `required` flipped; `what` is the human part of the reason. */
  presence: (p: Presence, item: T, what: string) => void;
  /** Each item in both versions (base, head), right after its own presence change. */
  kept?: (b: T, h: T) => void;
}

/**
 * Items of two versions matched by `key`: removed ones (in base order), added ones (in head
 * order), then each kept one, whose change of `required` is reported before `kept` compares it.
 */
export function presenceChanges<T extends Presentable>(before: T[], after: T[], key: (x: T) => string, walk: PresenceWalk<T>): void {
  const bm = new Map(before.map((x) => [key(x), x]));
  const hm = new Map(after.map((x) => [key(x), x]));
  const req = (x: T) => (x.required ? "required" : "optional");
  for (const [k, x] of bm) if (!hm.has(k)) walk.presence("removed", x, "removed");
  for (const [k, x] of hm) if (!bm.has(k)) walk.presence(x.required ? "added-required" : "added-optional", x, `${req(x)} ${walk.noun} added`);
  for (const [k, o] of bm) {
    const n = hm.get(k);
    if (!n) continue;
    if (o.required !== n.required) walk.presence(n.required ? "became-required" : "became-optional", n, `now ${req(n)}`);
    walk.kept?.(o, n);
  }
}
