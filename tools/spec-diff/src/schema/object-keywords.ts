import { joinPointer } from "@specforge/codegen/model";
import type { SchemaView } from "./view.js";
import { type CompareContext, report, fmt, fmtList } from "./context.js";
import { compareSchemas } from "./schema-compat.js";

const objAt = (bv: SchemaView, hv: SchemaView) => hv.at.object ?? bv.at.object ?? hv.pointer;
const keys = (pattern: string) => `keys matching /${pattern}/`;

/**
 * `patternProperties`, per pattern. Keys a pattern matches are checked against its schema instead
 * of `additionalProperties`: a new pattern constrains them (narrowing), or, next to
 * `additionalProperties: false`, lets them in (widening); a removed pattern is the reverse. The
 * schema of a pattern in both versions is compared like a property's.
 */
export function comparePatternProperties(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const bp = bv.object?.patterns ?? new Map();
  const hp = hv.object?.patterns ?? new Map();
  if (!bp.size && !hp.size) return;
  const at = (pattern: string) => joinPointer(`${objAt(bv, hv)}/patternProperties`, pattern);
  for (const [pattern, b] of bp) {
    const h = hp.get(pattern);
    if (h) compareSchemas(b, h, `${where}[/${pattern}/]`, cx);
    else if (hv.object?.additional === false) report(cx, "narrow", "pattern-properties", b.pointer || at(pattern), where, `pattern property /${pattern}/ removed: ${keys(pattern)} no longer allowed (additionalProperties: false)`);
    else if (hv.object?.additional) report(cx, "change", "pattern-properties", b.pointer || at(pattern), where, `pattern property /${pattern}/ removed: ${keys(pattern)} now checked against additionalProperties`);
    else report(cx, "widen", "pattern-properties", b.pointer || at(pattern), where, `pattern property /${pattern}/ removed: ${keys(pattern)} no longer constrained`);
  }
  for (const [pattern, h] of hp) {
    if (bp.has(pattern)) continue;
    if (bv.object?.additional === false) report(cx, "widen", "pattern-properties", h.pointer || at(pattern), where, `pattern property /${pattern}/ added: ${keys(pattern)} now allowed despite additionalProperties: false`);
    else if (bv.object?.additional) report(cx, "change", "pattern-properties", h.pointer || at(pattern), where, `pattern property /${pattern}/ added: ${keys(pattern)} now checked against it instead of additionalProperties`);
    else report(cx, "narrow", "pattern-properties", h.pointer || at(pattern), where, `pattern property /${pattern}/ added: values of ${keys(pattern)} must match its schema`);
  }
}

/** `dependentRequired`: a property that requires others when present; more requirements narrow. */
export function compareDependentRequired(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const bd = bv.object?.dependentRequired ?? new Map<string, string[]>();
  const hd = hv.object?.dependentRequired ?? new Map<string, string[]>();
  if (!bd.size && !hd.size) return;
  const at = (name: string) => joinPointer(`${objAt(bv, hv)}/dependentRequired`, name);
  for (const name of new Set([...bd.keys(), ...hd.keys()])) {
    const b = bd.get(name) ?? [];
    const h = hd.get(name) ?? [];
    const added = h.filter((x) => !b.includes(x));
    const removed = b.filter((x) => !h.includes(x));
    const s = (list: string[]) => (list.length > 1 ? "s" : "");
    if (added.length) report(cx, "narrow", "dependent-required", at(name), where, `when ${fmt(name)} is present, propert${s(added) ? "ies" : "y"} ${fmtList(added)} now required too`);
    if (removed.length) report(cx, "widen", "dependent-required", at(name), where, `when ${fmt(name)} is present, propert${s(removed) ? "ies" : "y"} ${fmtList(removed)} no longer required`);
  }
}
