import type { IRSchema } from "@specforge/codegen/model";
import { type Direction, type Effect, type Sink, effectBreaks, effectWord } from "../types.js";
import { PairSet, WalkGuard } from "./walk-guard.js";

/** State of one walk over the schemas of one operation in one direction. */
export interface CompareContext {
  dir: Direction;
  sink: Sink;
  /** Pairs this walk has compared: a schema shared by several places reports its change once. */
  done: PairSet;
  /** Shared by every walk of the comparison: ends recursion through `$ref` cycles and unions. */
  guard: WalkGuard;
  /** Inside a `not`: its changes count for the values the outer schema rejects (see negation.ts). */
  negated?: boolean;
}

/**
 * A walk over schemas in `dir`, reporting to `sink`. What it reports is also recorded by the
 * guard's open frames of this walk (see walk-guard.ts).
 */
export function newWalk(sink: Sink, dir: Direction, negated = false): CompareContext {
  const cx: CompareContext = { dir, sink, done: new PairSet(), guard: sink.guard, ...(negated ? { negated: true } : {}) };
  cx.sink = {
    ...sink,
    emit: (c) => {
      cx.guard.record(cx, c);
      sink.emit(c);
    },
  };
  return cx;
}

export function compareContext(sink: Sink, dir: Direction): CompareContext {
  return newWalk(sink, dir);
}

/** What a pair's place on the guard's stack and its count depend on besides the pair. */
export const walkMode = (cx: CompareContext) => `${cx.dir}${cx.negated ? "!" : ""}`;

/** A context that only counts differences ("are these two schemas the same?"), on the same guard. */
export function countingContext(cx: CompareContext): { cx: CompareContext; count: () => number } {
  let n = 0;
  const sink: Sink = { ...cx.sink, emit: () => void n++ };
  return { cx: newWalk(sink, cx.dir, cx.negated === true), count: () => n };
}

/**
 * Reports a schema-level difference. `thing` names what changed (type, enum, max-length…); the
 * rule id is `<direction>-<thing>-<narrowed|widened|changed>`. `covers`: see Finding.
 */
export function report(cx: CompareContext, effect: Effect, thing: string, pointer: string, where: string, what: string, covers?: string[]): void {
  cx.sink.emit({
    ...(covers?.length ? { covers } : {}),
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
