import type { IRSchema } from "@specforge/codegen/model";
import type { SchemaView } from "./view.js";
import type { Direction, Effect, Sink } from "../types.js";
import { effectWord } from "../types.js";
import { type CompareContext, newWalk, report, fmt, fmtList } from "./context.js";
import { compareSchemas, equivalent } from "./schema-compat.js";

const flip: Record<Direction, Direction> = { request: "response", response: "request" };

/** A short description of what a `not` rejects, for reasons. */
function rejects(s: IRSchema): string {
  if (s.ref) return `values matching ${s.ref}`;
  if (s.const) return `the value ${fmt(s.const.value)}`;
  if (s.enum) return `the values ${fmtList(s.enum)}`;
  if (s.types) return `values of type ${s.types.join(" | ")}`;
  return "values matching its schema";
}

const reversedOf = new WeakMap<CompareContext, CompareContext>();

/**
 * The context comparing the inside of a `not`. `not` turns accept into reject, so a schema that
 * accepts more inside rejects more outside: the inner schemas are compared in the reversed
 * direction, whose verdict (breaking or not) is the outer one. Each inner change is reported as a
 * change of the values the outer schema accepts: `<dir>-not-narrowed|widened|changed`, at the
 * pointer of the inner change. A `not` inside a `not` cancels out: its context is the outer one.
 */
function reversed(cx: CompareContext): CompareContext {
  let r = reversedOf.get(cx);
  if (r) return r;
  const outer = cx.dir;
  const effect = (rule: string, breaking: boolean): Effect =>
    rule.endsWith("-changed") ? "change" : breaking === (outer === "request") ? "narrow" : "widen";
  const sink: Sink = {
    ...cx.sink,
    emit: (c) => {
      const e = effect(c.rule, c.breaking);
      cx.sink.emit({ rule: `${outer}-not-${effectWord[e]}`, breaking: c.breaking, pointer: c.pointer, reason: `${c.reason} (inside not: accepted values ${effectWord[e]})` });
    },
  };
  r = newWalk(sink, flip[outer], true);
  reversedOf.set(cx, r);
  reversedOf.set(r, cx);
  return r;
}

/**
 * `not`: adding one rejects values that were valid (narrowing), removing one accepts them again
 * (widening), and a changed one is compared in the reversed direction. Several `not`s (from
 * `allOf` members) pair by identical content, then by position.
 */
export function compareNot(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  if (!bv.not.length && !hv.not.length) return;
  const inner = reversed(cx);
  const freeB = [...bv.not];
  const freeH = [...hv.not];
  for (const b of [...freeB]) {
    const i = freeH.findIndex((h) => equivalent(b, h, inner));
    if (i < 0) continue;
    freeB.splice(freeB.indexOf(b), 1);
    freeH.splice(i, 1);
  }
  while (freeB.length && freeH.length) compareSchemas(freeB.shift(), freeH.shift(), `${where}<not>`, inner);
  for (const b of freeB) report(cx, "widen", "not", b.pointer, where, `not constraint removed: ${rejects(b)} now accepted`);
  for (const h of freeH) report(cx, "narrow", "not", h.pointer, where, `not constraint added: ${rejects(h)} now rejected`);
}
