import type { Effect } from "../types.js";

/**
 * Formats whose values nest: every int32 is an int64, every float a double. Moving up a chain
 * admits more values (widens), down fewer (narrows); any other change of format is a change.
 */
const CHAINS: string[][] = [
  ["int32", "int64"],
  ["float", "double"],
];

/** The effect of a format going from `b` to `h` (both set and different). */
export function formatEffect(b: string, h: string): Effect {
  for (const chain of CHAINS) {
    const [i, j] = [chain.indexOf(b), chain.indexOf(h)];
    if (i >= 0 && j >= 0) return j > i ? "widen" : "narrow";
  }
  return "change";
}
