import type { SchemaView, PropertyView } from "./view.js";
import { visibleIn } from "./view.js";
import { type CompareContext, report, child, fmt } from "./context.js";
import { compareSchemas, equivalent } from "./schema-compat.js";
import { presenceBreaks, type Direction, type Presence } from "../types.js";
import type { IRDocument, IRSchema } from "@specforge/codegen/model";
import { compareDependentRequired, comparePatternProperties } from "./object-keywords.js";

const NONE = new Map<string, PropertyView>();

/** The properties that flow in `dir`. */
function visible(v: SchemaView, dir: Direction, doc: IRDocument): Map<string, PropertyView> {
  const out = new Map<string, PropertyView>();
  for (const [name, p] of v.object?.properties ?? NONE) if (visibleIn(dir, p, doc)) out.set(name, p);
  return out;
}

const same = (x: PropertyView, y: PropertyView, cx: CompareContext) => x.required === y.required && equivalent(x.schema, y.schema, cx);

/**
 * The added property that `name` was renamed to: the one added property with the same schema (and
 * `required`), when `name` is also the one removed property with that schema. Objects of many
 * alike properties (permission levels, flags) lose one and gain another: that is no rename.
 */
function renameOf(name: string, removed: string[], added: string[], bp: Map<string, PropertyView>, hp: Map<string, PropertyView>, cx: CompareContext): string | undefined {
  const b = bp.get(name)!;
  const candidates = added.filter((a) => same(b, hp.get(a)!, cx));
  if (candidates.length !== 1) return undefined;
  const back = removed.filter((r) => same(bp.get(r)!, hp.get(candidates[0]!)!, cx));
  return back.length === 1 ? candidates[0] : undefined;
}

const objAt = (v: SchemaView) => v.at.object ?? v.pointer;

/**
 * The `required` list that makes `name` required in `s` (in `doc`), looked for where the view
 * (view.ts) gathers properties from: the schema itself, its `$ref`, its `allOf` members and a
 * union's one non-null branch. A merged view's object sits where its first `properties` are,
 * which need not be where `required` is (`allOf: [Base, {required: [model]}]`).
 */
function requiredAt(s: IRSchema | undefined, doc: IRDocument, name: string, depth = 0, seen = new Set<IRSchema>()): string | undefined {
  if (!s || depth > 32 || seen.has(s)) return undefined;
  seen.add(s);
  const o = s.object;
  if (o && (o.requiredOnly.includes(name) || o.properties.some((p) => p.name === name && p.required))) return `${s.pointer}/required`;
  const next = [
    ...(s.ref ? [doc.schemaByName.get(s.ref)?.schema] : []),
    ...(s.allOf ?? []),
    ...(["oneOf", "anyOf"] as const).flatMap((k) => {
      const branches = (s[k] ?? []).filter((b) => !(b.types?.length === 1 && b.types[0] === "null") && !(b.enum?.length && b.enum.every((x) => x === null)) && b.const?.value !== null);
      return branches.length === 1 && !s.discriminator ? branches : [];
    }),
  ];
  for (const m of next) {
    const at = requiredAt(m, doc, name, depth + 1, seen);
    if (at) return at;
  }
  return undefined;
}
const propAt = (v: SchemaView, name: string, p?: PropertyView) => p?.schema?.pointer || `${objAt(v)}/properties/${name}`;

/**
 * Properties of an object, as they flow in the context's direction: readOnly properties are not
 * part of requests and writeOnly ones not part of responses, so a property turning readOnly
 * disappears from requests.
 */
export function compareObjects(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext, bs?: IRSchema, hs?: IRSchema): void {
  if (!bv.object && !hv.object) return;
  const { dir, sink } = cx;
  // Where `name` is listed as required: in the base for a name dropped, in the head for one added.
  const requiredIn = (side: "base" | "head", name: string) =>
    side === "base" ? (requiredAt(bs, sink.base, name) ?? `${objAt(bv)}/required`) : (requiredAt(hs, sink.head, name) ?? `${objAt(hv)}/required`);
  const bp = visible(bv, dir, sink.base);
  const hp = visible(hv, dir, sink.head);
  const presence = (p: Presence, pointer: string, name: string, what: string) =>
    sink.emit({ rule: `${dir}-property-${p}`, breaking: presenceBreaks(dir, p), pointer, reason: `${child(where, name)}: ${what}` });

  const removed = [...bp.keys()].filter((n) => !hp.has(n));
  const added = [...hp.keys()].filter((n) => !bp.has(n));
  for (const name of removed) {
    const hidden = hv.object?.properties.get(name);
    if (hidden) {
      const flag = dir === "request" ? "readOnly" : "writeOnly";
      presence("removed", propAt(hv, name, hidden), name, `property ${fmt(name)} is now ${flag}, so no longer part of the ${dir}`);
      continue;
    }
    const b = bp.get(name)!;
    // Only named in `required`, with no schema of its own: dropping the name relaxes the object.
    if (!b.schema) {
      presence("became-optional", requiredIn("base", name), name, `property ${fmt(name)} is no longer required`);
      continue;
    }
    const renamed = renameOf(name, removed, added, bp, hp, cx);
    if (renamed) {
      sink.emit({
        rule: `${dir}-property-renamed`,
        breaking: true,
        pointer: propAt(hv, renamed, hp.get(renamed)),
        reason: `${child(where, name)}: property ${fmt(name)} renamed to ${fmt(renamed)} (same schema)`,
        covers: [propAt(bv, name, b)],
      });
    } else presence("removed", propAt(bv, name, b), name, `property ${fmt(name)} removed`);
  }
  for (const name of added) {
    const h = hp.get(name)!;
    const pointer = propAt(hv, name, h);
    const strict = dir === "response" && bv.object?.additional === false;
    const what = `${h.required ? "required" : "optional"} property ${fmt(name)} added`;
    if (strict) {
      sink.emit({ rule: "response-property-added-to-closed-object", breaking: true, pointer, reason: `${child(where, name)}: ${what} to an object with additionalProperties: false` });
    } else presence(h.required ? "added-required" : "added-optional", pointer, name, what);
  }
  for (const [name, b] of bp) {
    const h = hp.get(name);
    if (!h) continue;
    if (b.required !== h.required) {
      presence(h.required ? "became-required" : "became-optional", requiredIn(h.required ? "head" : "base", name), name, `property ${fmt(name)} is now ${h.required ? "required" : "optional"}`);
    }
    if (b.schema || h.schema) compareSchemas(b.schema, h.schema, child(where, name), cx);
  }
  compareAdditional(bv, hv, where, cx);
  comparePatternProperties(bv, hv, where, cx);
  compareDependentRequired(bv, hv, where, cx);
}

function compareAdditional(bv: SchemaView, hv: SchemaView, where: string, cx: CompareContext): void {
  const b = bv.object?.additional;
  const h = hv.object?.additional;
  const pointer = `${hv.at.object ?? bv.at.object ?? hv.pointer}/additionalProperties`;
  if (b === false && h !== false) report(cx, "widen", "additional-properties", pointer, where, "additional properties now allowed");
  else if (h === false && b !== false) report(cx, "narrow", "additional-properties", pointer, where, "additional properties no longer allowed");
  else if (b && h) compareSchemas(b, h, `${where}[*]`, cx);
  else if (b || h) compareSchemas(b || undefined, h || undefined, `${where}[*]`, cx);
}
