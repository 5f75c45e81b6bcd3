import { createQuerySerializer, defaultPathSerializer, serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from "openapi-fetch";

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

/** openapi-fetch's query serializer options, or a function of its own. */
export type QuerySerializerOption = Parameters<typeof createQuerySerializer>[0] | ((query: Record<string, unknown>) => string);

/** openapi-fetch's default: arrays `form` exploded, objects `deepObject`, values percent-encoded. */
const defaultQuery = createQuerySerializer();

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
 * from the generated metadata) and openapi-fetch's default for the others.
 */
export function specQuery(styles: { readonly [name: string]: readonly [style: string, explode: boolean] }): (query: Record<string, unknown>) => string {
  return (query) => {
    const out: string[] = [];
    for (const name in query) {
      const value = query[name];
      const s = styles[name];
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
      const options = s && { style: s[0], explode: s[1] };
      const part = !options
        ? defaultQuery({ [name]: value })
        : Array.isArray(value)
          ? serializeArrayParam(name, value, options as Parameters<typeof serializeArrayParam>[2])
          : typeof value === "object"
            ? serializeObjectParam(name, value as Record<string, unknown>, options as Parameters<typeof serializeObjectParam>[2])
            : serializePrimitiveParam(name, value as string);
      if (part) out.push(part);
    }
    return out.join("&");
  };
}
