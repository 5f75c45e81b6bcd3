import { createQuerySerializer, defaultPathSerializer } from "openapi-fetch";

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
