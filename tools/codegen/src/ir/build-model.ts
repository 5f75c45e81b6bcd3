import type { IRDocument, IRWarning, IRSecurityScheme, IRSecurityRequirement } from "./types.js";
import type { LoadedSpec } from "../load/load-spec.js";
import { NamedSchemas } from "./named-schemas.js";
import { isObj } from "./normalize-meta.js";
import { buildOperations, type BuildOptions } from "./build-operations.js";
import { specWarning } from "../load/spec-error.js";
import { parseServers } from "./servers.js";

/** Builds the normalised model from a loaded (bundled, 3.x) spec. */
export function buildModel(spec: LoadedSpec, options: BuildOptions = {}): IRDocument {
  const doc = spec.document;
  const warnings: IRWarning[] = [...(spec.warnings ?? [])];
  const warn = (pointer: string, message: string) => warnings.push(specWarning(pointer, message));
  const dialect = spec.sourceVersion === "3.1" ? "3.1" : "3.0";
  const named = new NamedSchemas(doc, spec.file, dialect, warn);

  const info = isObj(doc.info) ? doc.info : {};
  // Undefined when the document declares none (GitHub's): not the same as `security: []`, which makes every operation public.
  const globalSecurity = parseSecurity(doc.security);
  const { operations, webhooks } = buildOperations(doc, spec.file, named, globalSecurity, options);
  named.finish();

  return {
    sourceVersion: spec.sourceVersion,
    title: typeof info.title === "string" ? info.title : "API",
    version: typeof info.version === "string" ? info.version : "",
    ...(typeof info.description === "string" ? { description: info.description } : {}),
    servers: parseServers(doc.servers),
    schemas: named.list,
    schemaByName: named.byName,
    operations,
    webhooks,
    securitySchemes: parseSecuritySchemes(doc),
    warnings,
  };
}

export function parseSecurity(raw: unknown): IRSecurityRequirement[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(isObj).map((req) => ({
    schemes: Object.entries(req).map(([name, scopes]) => ({ name, scopes: Array.isArray(scopes) ? scopes.map(String) : [] })),
  }));
}

function parseSecuritySchemes(doc: Record<string, unknown>): IRSecurityScheme[] {
  const comps = isObj(doc.components) && isObj(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const out: IRSecurityScheme[] = [];
  for (const [name, raw] of Object.entries(comps)) {
    if (!isObj(raw)) continue;
    const s: IRSecurityScheme = { name, type: raw.type as IRSecurityScheme["type"] };
    if (typeof raw.scheme === "string") s.scheme = raw.scheme.toLowerCase();
    if (typeof raw.bearerFormat === "string") s.bearerFormat = raw.bearerFormat;
    if (raw.in === "header" || raw.in === "query" || raw.in === "cookie") s.in = raw.in;
    if (typeof raw.name === "string") s.paramName = raw.name;
    if (typeof raw.description === "string") s.description = raw.description;
    if (typeof raw.openIdConnectUrl === "string") s.openIdConnectUrl = raw.openIdConnectUrl;
    if (isObj(raw.flows)) {
      s.flows = {};
      for (const [flow, f] of Object.entries(raw.flows)) {
        if (!isObj(f)) continue;
        s.flows[flow] = {
          ...(typeof f.authorizationUrl === "string" ? { authorizationUrl: f.authorizationUrl } : {}),
          ...(typeof f.tokenUrl === "string" ? { tokenUrl: f.tokenUrl } : {}),
          ...(typeof f.refreshUrl === "string" ? { refreshUrl: f.refreshUrl } : {}),
          scopes: isObj(f.scopes) ? (f.scopes as Record<string, string>) : {},
        };
      }
    }
    out.push(s);
  }
  return out;
}
