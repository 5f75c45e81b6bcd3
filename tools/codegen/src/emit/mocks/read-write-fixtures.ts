/**
 * Fixtures in the form that goes over the wire. The mock engine builds response-shaped values (and a
 * spec's example is often a response copied into a request), so a request fixture carried the
 * readOnly `id` and timestamps the server assigns, and a response fixture a required writeOnly
 * `password`. `overTheWire` drops those properties, following the value through the schema, as the
 * types' `$request` / `$response` forms and the zod module's `X_Request` / `X_Response` do.
 */
import type { IRSchema } from "../../ir/types.js";

export type WireForm = "request" | "response";

const DROPS = { request: "readOnly", response: "writeOnly" } as const;
/** Deeper than any real fixture; a guard against cyclic values, not a limit that bites. */
const MAX_DEPTH = 64;

/** `value` without the properties `form` leaves out; the same object when there are none (fixtures are shared by identity). */
export function overTheWire(value: unknown, schema: IRSchema, form: WireForm, named: ReadonlyMap<string, IRSchema>): unknown {
  return strip(value, [schema], DROPS[form], named, 0);
}

function strip(value: unknown, schemas: IRSchema[], flag: "readOnly" | "writeOnly", named: ReadonlyMap<string, IRSchema>, depth: number): unknown {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value;
  const all = applying(schemas, named);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item, i) => {
      const itemSchemas = all.flatMap((s) => {
        const prefix = s.array?.prefixItems?.[i];
        return prefix ? [prefix] : s.array?.items ? [s.array.items] : [];
      });
      const next = itemSchemas.length ? strip(item, itemSchemas, flag, named, depth + 1) : item;
      changed ||= next !== item;
      return next;
    });
    return changed ? out : value;
  }
  let out: Record<string, unknown> | undefined;
  for (const [key, v] of Object.entries(value)) {
    const props = all.flatMap((s) => s.object?.properties.filter((p) => p.name === key).map((p) => p.schema) ?? []);
    if (props.some((p) => flagged(p, flag, named))) {
      out ??= { ...(value as Record<string, unknown>) };
      delete out[key];
      continue;
    }
    const next = props.length ? strip(v, props, flag, named, depth + 1) : v;
    if (next !== v) (out ??= { ...(value as Record<string, unknown>) })[key] = next;
  }
  return out ?? value;
}

/** The schemas that apply to a value: each one, what it references and its allOf, anyOf and oneOf branches. */
function applying(schemas: IRSchema[], named: ReadonlyMap<string, IRSchema>): IRSchema[] {
  const out: IRSchema[] = [];
  const seen = new Set<IRSchema>();
  const visit = (s: IRSchema | undefined) => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    out.push(s);
    if (s.ref !== undefined) visit(named.get(s.ref));
    for (const branch of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) visit(branch);
  };
  schemas.forEach(visit);
  return out;
}

/** A property schema marked with `flag`: its own, its `$ref` target's or an allOf member's (the zod module's rule). */
function flagged(schema: IRSchema, flag: "readOnly" | "writeOnly", named: ReadonlyMap<string, IRSchema>): boolean {
  const own = (x: IRSchema) => x.meta?.[flag] === true || (x.ref !== undefined && named.get(x.ref)?.meta?.[flag] === true);
  return own(schema) || (schema.allOf ?? []).some(own);
}
