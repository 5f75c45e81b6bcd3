import type { IROperation, IRSchema } from "../../ir/types.js";

/** A query parameter's serialization: OpenAPI `style` and `explode`. */
export type QueryStyle = readonly [style: string, explode: boolean];

/**
 * How the spec serializes an operation's parameters, where the runtime's default (openapi-fetch's
 * path `simple`; query arrays `form` exploded, objects `deepObject`) would send something else.
 * A path gets a template with RFC 6570 markers, which openapi-fetch's path serializer reads (`{.x}`
 * label, `{;x}` matrix, `{x*}` explode); query parameters get their style by name. An operation
 * with defaults only gets neither, so its metadata stays as short as before.
 *
 * Per OpenAPI, a query parameter is `form` exploded unless it says otherwise, objects too
 * (`?a=1&b=2`, not openapi-fetch's `?filter[a]=1`), and `explode: false` joins an array with
 * commas (`?ids=1,2,3`), spaces or pipes; a server reading either form sees something else.
 */
export function paramStyles(op: IROperation, schemaOf: (name: string) => IRSchema | undefined): { template?: string; query?: Record<string, QueryStyle> } {
  let template = op.path;
  const query: Record<string, QueryStyle> = {};
  for (const p of op.parameters) {
    if (p.mediaType) continue; // content-typed: serialized as its media type, not by style
    if (p.in === "path") {
      const style = p.style ?? "simple";
      const explode = p.explode ?? false;
      if (style === "simple" && !explode) continue;
      const marker = `${style === "label" ? "." : style === "matrix" ? ";" : ""}${p.name}${explode ? "*" : ""}`;
      template = template.replace(`{${p.name}}`, `{${marker}}`);
    } else if (p.in === "query") {
      const style = p.style ?? "form";
      const explode = p.explode ?? style === "form";
      const { array, object } = shapes(p.schema, schemaOf, new Set());
      // A primitive reads the same in every style; for the rest, what the runtime does anyway: form
      // exploded for arrays, deepObject for objects. A deepObject array is indexed (`expand[0]=a`,
      // as Stripe and qs read it), not the form default's `expand=a`.
      if ((!array && !object) || (style === "form" && explode && !object) || (style === "deepObject" && explode && !array)) continue;
      query[p.name] = [style, explode];
    }
  }
  return { ...(template !== op.path ? { template } : {}), ...(Object.keys(query).length ? { query } : {}) };
}

/** Whether a value of the schema can be an array, an object (through references and compositions). */
function shapes(s: IRSchema, schemaOf: (name: string) => IRSchema | undefined, seen: Set<string>): { array: boolean; object: boolean } {
  if (s.types) return { array: s.types.includes("array"), object: s.types.includes("object") };
  const out = { array: !!s.array, object: !!s.object };
  const parts = [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])];
  if (s.ref && !seen.has(s.ref)) {
    seen.add(s.ref);
    const target = schemaOf(s.ref);
    if (target) parts.push(target);
  }
  for (const x of parts) {
    const sub = shapes(x, schemaOf, seen);
    out.array ||= sub.array;
    out.object ||= sub.object;
  }
  // No type stated anywhere (`schema: {}`): any value, so the spec's style decides.
  const untyped = !s.ref && !parts.length && !s.string && !s.number && !s.enum && !s.const && s.boolean === undefined;
  return untyped ? { array: true, object: true } : out;
}
