import { isObj } from "./normalize-meta.js";
import type { IRServer, IRServerVariable } from "./types.js";

const scalar = (v: unknown): v is string | number | boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/**
 * The document's servers, each with its `{variables}`: a default (the spec's, else the first
 * value of its enum) and the values its enum allows, as strings, since they go into a URL.
 */
export function parseServers(raw: unknown): IRServer[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObj).map((s) => {
    const server: IRServer = { url: String(s.url ?? "/") };
    if (typeof s.description === "string") server.description = s.description;
    if (isObj(s.variables)) {
      const variables: Record<string, IRServerVariable> = {};
      for (const [name, v] of Object.entries(s.variables)) {
        if (!isObj(v)) continue;
        const allowed = Array.isArray(v.enum) ? v.enum.filter(scalar).map(String) : undefined;
        const fallback = scalar(v.default) ? String(v.default) : allowed?.[0];
        variables[name] = {
          ...(fallback !== undefined ? { default: fallback } : {}),
          ...(allowed?.length ? { enum: allowed } : {}),
          ...(typeof v.description === "string" ? { description: v.description } : {}),
        };
      }
      if (Object.keys(variables).length) server.variables = variables;
    }
    return server;
  });
}
