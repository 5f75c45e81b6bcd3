/**
 * Fixtures in the form that goes over the wire. The mock engine builds response-shaped values (and a
 * spec's example is often a response copied into a request), so a request fixture carried the
 * readOnly `id` and timestamps the server assigns, and a response fixture a required writeOnly
 * `password`. `overTheWire` drops those properties, following the value through the schema, as the
 * types' `$request` / `$response` forms and the zod module's `X_Request` / `X_Response` do.
 */
import type { IRDocument, IRSchema } from "../../ir/types.js";
import { omitted } from "../../ir/read-write.js";

export type WireForm = "request" | "response";

/** Deeper than any real fixture; a guard against cyclic values, not a limit that bites. */
const MAX_DEPTH = 64;

/**
 * `value` without the properties `form` leaves out (the zod module's rule, ir/read-write.ts); the same object
 * when there are none (fixtures are shared by identity).
 */
export function overTheWire(value: unknown, schema: IRSchema, form: WireForm, doc: IRDocument): unknown {
  return strip(value, [schema], form, doc, 0);
}

function strip(value: unknown, schemas: IRSchema[], form: WireForm, doc: IRDocument, depth: number): unknown {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value;
  const all = applying(schemas, doc);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item, i) => {
      const itemSchemas = all.flatMap((s) => {
        const prefix = s.array?.prefixItems?.[i];
        return prefix ? [prefix] : s.array?.items ? [s.array.items] : [];
      });
      const next = itemSchemas.length ? strip(item, itemSchemas, form, doc, depth + 1) : item;
      changed ||= next !== item;
      return next;
    });
    return changed ? out : value;
  }
  let out: Record<string, unknown> | undefined;
  for (const [key, v] of Object.entries(value)) {
    const props = all.flatMap((s) => s.object?.properties.filter((p) => p.name === key) ?? []);
    if (props.some((p) => omitted(doc, p, form))) {
      out ??= { ...(value as Record<string, unknown>) };
      delete out[key];
      continue;
    }
    const next = props.length ? strip(v, props.map((p) => p.schema), form, doc, depth + 1) : v;
    if (next !== v) (out ??= { ...(value as Record<string, unknown>) })[key] = next;
  }
  return out ?? value;
}

/** The schemas that apply to a value: each one, what it references and its allOf, anyOf and oneOf branches. */
function applying(schemas: IRSchema[], doc: IRDocument): IRSchema[] {
  const out: IRSchema[] = [];
  const seen = new Set<IRSchema>();
  const visit = (s: IRSchema | undefined) => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    out.push(s);
    if (s.ref !== undefined) visit(doc.schemaByName.get(s.ref)?.schema);
    for (const branch of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) visit(branch);
  };
  schemas.forEach(visit);
  return out;
}
