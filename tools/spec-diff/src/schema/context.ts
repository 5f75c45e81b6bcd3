import type { IRSchema } from "@specforge/codegen/src/ir/types.js";
import { type Direction, type Effect, type Sink, effectBreaks, effectWord } from "../types.js";

/** State of comparing the schemas of one operation in one direction. */
export interface CompareContext {
  dir: Direction;
  sink: Sink;
  /** Pairs already compared: stops recursive schemas and repeats of a shared schema. */
  seen: Map<IRSchema, Set<IRSchema>>;
  /** Inside a `not`: its changes count for the values the outer schema rejects (see negation.ts). */
  negated?: boolean;
}

export function compareContext(sink: Sink, dir: Direction): CompareContext {
  return { dir, sink, seen: new Map() };
}

/** A context that only counts differences: "are these two schemas the same?" */
export function countingContext(cx: CompareContext): { cx: CompareContext; count: () => number } {
  let n = 0;
  const sink: Sink = { ...cx.sink, emit: () => void n++ };
  return { cx: { dir: cx.dir, sink, seen: new Map(), ...(cx.negated ? { negated: true } : {}) }, count: () => n };
}

/** First visit of the pair (b, h)? Marks it visited. */
export function firstVisit(cx: CompareContext, b: IRSchema, h: IRSchema): boolean {
  let set = cx.seen.get(b);
  if (!set) cx.seen.set(b, (set = new Set()));
  if (set.has(h)) return false;
  set.add(h);
  return true;
}

/**
 * Reports a schema-level difference. `thing` names what changed (type, enum, max-length…); the
 * rule id is `<direction>-<thing>-<narrowed|widened|changed>`.
 */
export function report(cx: CompareContext, effect: Effect, thing: string, pointer: string, where: string, what: string): void {
  cx.sink.emit({
    rule: `${cx.dir}-${thing}-${effectWord[effect]}`,
    breaking: effectBreaks(cx.dir, effect),
    pointer,
    reason: `${where}: ${what}`,
  });
}

export const fmt = (v: unknown) => JSON.stringify(v);
export const fmtList = (vs: unknown[]) => vs.map(fmt).join(", ");

/** `body.data` + `role` → `body.data.role`; odd names are quoted. */
export function child(where: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${where}.${name}` : `${where}[${fmt(name)}]`;
}
