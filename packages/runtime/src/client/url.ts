import { createQuerySerializer, defaultPathSerializer, serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from "openapi-fetch";
import { ValidationError } from "../errors/index.js";

type Params = Record<string, unknown> | undefined;

/**
 * The path of an operation with its parameters filled in, compiled once from the template: the
 * literal pieces and parameter names are split at creation, so a call only concatenates. Output
 * equals openapi-fetch's default path serializer (simple style, percent-encoded, a missing
 * parameter left as `{name}`); label/matrix/explode templates and non-primitive values use it.
 */
export function compilePath(template: string): (params: Params) => string {
  const parts = template.split(/\{([^{}]+)\}/);
  if (parts.length === 1) return () => template;
  if (parts.some((p, i) => i % 2 === 1 && /^[.;]|\*$/.test(p))) return (params) => (params ? defaultPathSerializer(template, params) : template);
  return (params) => {
    let path = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      const value = params?.[name];
      if (value !== null && typeof value === "object") return defaultPathSerializer(template, params!);
      path += (value === undefined || value === null ? `{${name}}` : encodeURIComponent(value as string)) + parts[i + 1];
    }
    return path;
  };
}

/**
 * The check that no path parameter filling a whole segment (`/users/{id}`, `/{id}/x`) is "", "." or
 * "..": fetch resolves dot segments (written "%2e" too, so encoding cannot help), so `id: ".."` would
 * send `DELETE /users/1/sessions/..` as `DELETE /users/1`, and "" reaches the collection instead
 * of one of its items. Undefined for a template without such parameters.
 */
export function segmentCheck(id: string, template: string): ((params: Params) => ValidationError | undefined) | undefined {
  const whole = [...template.matchAll(/\/\{([^{}]+)\}(?=\/|$)/g)].map((m) => m[1]!);
  if (!whole.length) return undefined;
  return (params) => {
    const bad = whole.filter((name) => /^\.{0,2}$/.test(params?.[name] as string));
    if (!bad.length) return undefined;
    const details = bad.map((name) => ({ field: `path.${name}`, message: `${JSON.stringify(params![name])} is not a path segment: the URL would name another path` }));
    return new ValidationError(`${id}: path parameter ${bad.join(", ")} is ${bad.map((n) => JSON.stringify(params![n])).join(", ")}, which the URL resolves to another path; nothing was sent`, { details });
  };
}

/** openapi-fetch's query serializer options, or a function of its own. */
export type QuerySerializerOption = Parameters<typeof createQuerySerializer>[0] | ((query: Record<string, unknown>) => string);

/**
 * The query of a parameter the spec gives no style (or the style openapi-fetch uses anyway): arrays
 * `form` exploded (`?a=1&a=2`), objects `deepObject` (`?f[k]=v`), as openapi-fetch sends them, but to
 * any depth (`?f[k][0][j]=v`) where openapi-fetch throws, and a Date as its ISO form.
 */
export const defaultQuery = (query: Record<string, unknown>): string => {
  const out: string[] = [];
  for (const name in query) unstyled(out, name, query[name]);
  return out.join("&");
};

function unstyled(out: string[], name: string, value: unknown): void {
  if (Array.isArray(value) && value.every(flat)) for (const v of value) add(out, name, v);
  else deep(out, name, value);
}

/** `?a=1&b=2`, or "" without parameters, as openapi-fetch builds it. */
export function queryString(query: Params, serializer: QuerySerializerOption | undefined): string {
  if (!query && !serializer) return "";
  const serialize = serializer === undefined ? defaultQuery : typeof serializer === "function" ? serializer : createQuerySerializer(serializer);
  const search = serialize(query ?? {});
  const s = search.startsWith("?") ? search.slice(1) : search;
  return s ? `?${s}` : "";
}

/**
 * A query serializer that follows the spec's style for the parameters it names (`[style, explode]`,
 * from the generated metadata) and the default above for the others.
 *
 * OpenAPI defines `deepObject` for one level of an object; deeper values and arrays are sent the
 * way qs, PHP, Rails-style parsers and Stripe read them back: `f[a][b]=v`, `expand[0]=x`, the
 * same as a form body with `deepObject` encoding. An exploded `form` object with nested values
 * sends each of its properties that way (`?k[j]=v`).
 */
export function specQuery(styles: { readonly [name: string]: readonly [style: string, explode: boolean] }): (query: Record<string, unknown>) => string {
  return (query) => {
    const out: string[] = [];
    for (const name in query) {
      const value = query[name];
      const s = styles[name];
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
      if (!s) unstyled(out, name, value);
      else if (s[0] === "deepObject") deep(out, name, value);
      else if (Array.isArray(value) && s[1] && s[0] === "form" && !value.every(flat)) deep(out, name, value);
      else if (Array.isArray(value)) out.push(serializeArrayParam(name, value.map(text), { style: s[0], explode: s[1] } as never));
      else if (flat(value)) out.push(serializePrimitiveParam(name, text(value)));
      else if (s[1] && s[0] === "form") for (const k in value as Record<string, unknown>) deep(out, encodeURIComponent(k), (value as Record<string, unknown>)[k]);
      else out.push(serializeObjectParam(name, value as Record<string, unknown>, { style: s[0], explode: s[1] } as never));
    }
    return out.filter(Boolean).join("&");
  };
}

/** A value that is not a container: serialized as text. */
const flat = (v: unknown): boolean => v === null || typeof v !== "object" || v instanceof Date;

/** A date as its ISO form (openapi-fetch would send Date's toString); anything else as String does. */
const text = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

function add(out: string[], key: string, value: unknown): void {
  if (value !== undefined && value !== null) out.push(`${key}=${encodeURIComponent(text(value))}`);
}

/** `key[k][0]=v`: objects by property, arrays by index; null and undefined leave nothing. */
function deep(out: string[], key: string, value: unknown): void {
  if (flat(value)) add(out, key, value);
  else if (Array.isArray(value)) value.forEach((v, i) => deep(out, `${key}[${i}]`, v));
  else for (const k in value as Record<string, unknown>) deep(out, `${key}[${encodeURIComponent(k)}]`, (value as Record<string, unknown>)[k]);
}
