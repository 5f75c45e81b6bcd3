import type { IRObjectConstraints, IRSchema } from "../../ir/types.js";
import type { Mode, Rendered, ZodState } from "./state.js";
import { tsObject, type TsMember } from "./ts-type.js";
import { numberLiteral, propertyKey, valueLiteral } from "../inert.js";
import { omitted } from "./variants.js";
import type { Child } from "./array.js";

/** Names an object inherits (`constructor`, `toString`, `__proto__`, …): zod's shape would see them on `{}`. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** A schema expression typed `$Z` (a component constant is wrapped), for array literals: cheap for tsc. */
export const asZ = (z: string): string => (/^[\p{L}\p{N}_]+$/u.test(z) ? `$z(${z})` : z);

const EMPTY: IRObjectConstraints = { properties: [], requiredOnly: [] };

/** Whether the object keywords only declare properties (nothing about other keys). */
export function isPlainShape(o: IRObjectConstraints): boolean {
  return (
    o.additionalProperties === undefined &&
    !o.patternProperties?.length &&
    o.propertyNames === undefined &&
    o.minProperties === undefined &&
    o.maxProperties === undefined &&
    o.dependentRequired === undefined
  );
}

/**
 * `type: object`. Unknown keys are kept (`z.looseObject`, never stripped) unless
 * `additionalProperties: false` (`z.strictObject`). Everything zod's object cannot state exactly
 * — patternProperties, an additionalProperties schema, propertyNames, min/maxProperties,
 * dependentRequired, `required` names without a property schema next to those, inherited names —
 * goes through `$obj`, which checks the raw input's own keys before the shape runs.
 * `mode` leaves readOnly (request) / writeOnly (response) properties out entirely.
 */
export function renderObject(st: ZodState, s: IRSchema, mode: Mode, child: Child): Rendered {
  const o = s.object ?? EMPTY;
  const props = o.properties.filter((p) => !omitted(st.model, p, mode));
  const patterns = (o.patternProperties ?? []).flatMap((p) => {
    const re = st.regex(p.pattern, s.pointer);
    return re ? [{ re, schema: p.schema }] : [];
  });
  const additional = o.additionalProperties;
  const keysConstrained = patterns.length > 0 || additional !== undefined;

  const shape: string[] = [];
  const shapeRequired: string[] = [];
  const own: string[] = [];
  const required: string[] = [];
  const members: TsMember[] = [];
  const zs: string[] = [];
  st.deferred++;
  for (const p of props) {
    const r = child(p.schema);
    zs.push(r.z);
    members.push({ name: p.name, type: r.ts, optional: !p.required, meta: p.schema.meta });
    if (INHERITED.has(p.name)) {
      own.push(`${propertyKey(p.name)}: ${r.z}`);
      if (p.required) required.push(p.name);
    } else {
      shape.push(`${propertyKey(p.name)}: ${r.z}`);
      if (p.required) shapeRequired.push(p.name);
    }
  }
  for (const name of o.requiredOnly) {
    zs.push("$any");
    members.push({ name, type: "unknown", optional: false });
    if (INHERITED.has(name) || keysConstrained) required.push(name);
    else {
      shape.push(`${propertyKey(name)}: $any`);
      shapeRequired.push(name);
    }
  }
  const names = o.propertyNames ? child(o.propertyNames) : undefined;
  const extra = additional ? child(additional) : undefined;
  const patternSchemas = patterns.map((p) => `[${p.re}, ${asZ(child(p.schema).z)}]`);
  st.deferred--;

  const spec: string[] = [];
  if (additional !== undefined || patterns.length) spec.push(`known: ${valueLiteral(props.map((p) => p.name))}`);
  if (required.length) spec.push(`required: ${valueLiteral(required)}`);
  if (own.length) spec.push(`own: { ${own.join(", ")} }`);
  if (patternSchemas.length) spec.push(`patterns: [${patternSchemas.join(", ")}]`);
  if (additional === false) spec.push("additional: false");
  else if (extra) spec.push(`additional: ${extra.z}`);
  if (names) spec.push(`names: ${names.z}`);
  if (o.minProperties !== undefined) spec.push(`min: ${numberLiteral(o.minProperties)}`);
  if (o.maxProperties !== undefined) spec.push(`max: ${numberLiteral(o.maxProperties)}`);
  if (o.dependentRequired) spec.push(`dependentRequired: ${valueLiteral(Object.entries(o.dependentRequired))}`);

  const body = shape.length ? `{ ${shape.join(", ")} }, ${valueLiteral(shapeRequired)}` : "{}, []";
  const simple = spec.length === 0 || (spec.length === 2 && additional === false && !patterns.length && !required.length && !own.length && !names);
  // An additionalProperties schema stays with $obj: zod's catchall skips an own `__proto__` key.
  let z: string;
  if (simple) z = !shape.length && additional === undefined ? "$rec" : `$object(${body}${additional === false ? ", true" : ""})`;
  else z = `$obj({ ${spec.join(", ")} }, ${!shape.length ? "$rec" : `$object(${body})`})`;

  // Loose objects keep unknown keys at runtime, but their type lists only the declared ones (as
  // z.object's would; an index signature would also hide typos). Maps get one.
  let index: string | undefined;
  if (members.length === 0 && extra && !patterns.length) index = extra.ts;
  else if (members.length === 0 && patterns.length) index = "unknown";
  const out: Rendered = { z, ts: st.internType(tsObject(members, index)) };
  if (simple) {
    out.obj = {
      members: members.map((m, i) => ({ name: m.name, ts: m.type, optional: m.optional, z: zs[i]! })),
      config: additional === false ? "strict" : "loose",
    };
  }
  return out;
}
