/**
 * What generating a schema node needs that does not depend on the context: its flattened
 * conjunction, merged constraints, whether a candidate must be validated (compositions), and how
 * many attempts to allow (one per oneOf/anyOf branch, at least six).
 */
import type { MockSchema, Resolve } from "./schema.js";
import { emptyConjunction, flatten, mergeConstraints, type Conjunction, type Constraints } from "./merge.js";

export interface Plan {
  conj: Conjunction;
  constraints: Constraints;
  impossible: boolean;
  needsCheck: boolean;
  attempts: number;
}

/** A schema every value satisfies (so `not` of it satisfies none). */
export function trivial(s: MockSchema): boolean {
  return s.boolean === true || (s.boolean === undefined && Object.keys(s).every((k) => k === "pointer" || k === "meta"));
}

export function makePlan(s: MockSchema, resolve: Resolve): Plan {
  const conj = flatten(s, resolve, emptyConjunction());
  const branches = Math.max(0, ...conj.disjunctions.map((d) => d.branches.length));
  const needsCheck = conj.disjunctions.length > 0 || conj.nots.length > 0 || conj.parts.length > 1;
  return {
    conj,
    constraints: mergeConstraints(conj.parts),
    impossible: conj.impossible || conj.nots.some(trivial),
    needsCheck,
    attempts: needsCheck ? Math.min(12, Math.max(6, branches)) : 1,
  };
}
