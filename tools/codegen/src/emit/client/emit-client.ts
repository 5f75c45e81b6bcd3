import type { IROperation, IRSecurityScheme } from "../../ir/types.js";
import { generatedHeader, type Emitter } from "../emitter.js";
import { surfaceGroups } from "./surface-names.js";
import { jsDoc, propertyKey, stringLiteral, valueLiteral } from "../inert.js";

const ROOT_MEMBERS = ["raw", "runtime", "options"];

/**
 * The typed client: openapi-fetch underneath (`api.raw`, the non-throwing style), and an
 * operation-named surface (`api.users.list(init)`) that throws typed errors, runs through the
 * runtime (retries, auth, idempotency keys) and, for list operations, paginates (`.all()`).
 */
export const emitClient: Emitter = (ctx) => {
  const { model, options } = ctx;
  const out: string[] = [generatedHeader(ctx, `Typed client of ${model.title} ${model.version}.`)];
  const needsComponents = model.operations.some((o) => streamEventType(o)?.startsWith("components"));
  out.push(`import type { ${needsComponents ? "components, " : ""}paths } from ${stringLiteral(options.typesImport)};`);
  // From a types package (not a sibling module), the client re-exports its types, so the client
  // package's hand-written entry never names that package (the config may rename it).
  if (!options.typesImport.startsWith(".")) out.push(`export type { components, operations, paths, webhooks } from ${stringLiteral(options.typesImport)};`);
  // Only the surface types in use: consumers compiling with noUnusedLocals must not trip on ours.
  const used = new Set(["ApiCore", "ApiOptions", "OperationMeta", ...model.operations.map((o) => surfaceCall(o).type.split("<")[0]!)]);
  out.push(`import { createApiCore, ${[...used].sort().map((t) => `type ${t}`).join(", ")} } from "@specforge/runtime/client";`);
  out.push("");
  out.push(`/** What the spec says about each operation; the runtime reads it (idempotency, pagination, auth). */`);
  out.push(`export const operationMeta = {`);
  const kinds = new Map(model.securitySchemes.map((sc) => [sc.name, credentialKind(sc)]));
  for (const op of model.operations) out.push(`  ${propertyKey(op.id)}: ${metaLiteral(op, kinds)},`);
  out.push(`} as const satisfies Record<string, OperationMeta>;`);
  out.push("");
  out.push(`/** Security schemes of the spec, by name. */`);
  out.push(`export const securitySchemes = ${valueLiteral(Object.fromEntries(model.securitySchemes.map((s) => [s.name, { type: s.type, ...(s.scheme ? { scheme: s.scheme } : {}), ...(s.in ? { in: s.in, name: s.paramName } : {}) }])))} as const;`);
  out.push("");
  const servers = model.servers.map((s) => s.url);
  out.push(`/** Servers listed in the spec; the first is the default base URL. */`);
  out.push(`export const servers = ${valueLiteral(servers)} as const;`);
  out.push("");
  const groups = surfaceGroups(model.operations, ROOT_MEMBERS);
  // An explicit interface: cheap for the compiler (no inference through every operation) and
  // portable in declaration files.
  out.push(jsDoc([`The client of ${model.title}: one method per operation, grouped by tag.`], ""));
  out.push(`export interface Api {`);
  out.push(`  /** The openapi-fetch client: \`{ data, error, response }\`, never throws on HTTP errors. */`);
  out.push(`  raw: ApiCore<paths>["client"];`);
  out.push(`  /** The runtime: rate-limit state, cache, hooks. */`);
  out.push(`  runtime: ApiCore<paths>["runtime"];`);
  out.push(`  /** The options the client was created with. */`);
  out.push(`  options: ApiOptions;`);
  for (const g of groups) {
    const indent = g.name ? "    " : "  ";
    if (g.name) out.push(`  ${propertyKey(g.name)}: {`);
    for (const m of g.members) {
      const doc = opDoc(m.op);
      if (doc.length) out.push(jsDoc(doc, indent));
      out.push(`${indent}${propertyKey(m.name)}: ${surfaceCall(m.op).type};`);
    }
    if (g.name) out.push(`  };`);
  }
  out.push(`}`);
  out.push("");
  out.push(jsDoc([`Creates a client of ${model.title}.`, "", "@example", `const api = createApi({ baseUrl: ${stringLiteral(servers[0] ?? "https://api.example.com")} });`], ""));
  out.push(`export function createApi(options: ApiOptions = {}): Api {`);
  out.push(servers.length ? `  const core = createApiCore<paths>({ baseUrl: servers[0], ...options });` : `  const core = createApiCore<paths>(options);`);
  out.push(`  return {`);
  out.push(`    raw: core.client,`);
  out.push(`    runtime: core.runtime,`);
  out.push(`    options: core.options,`);
  for (const g of groups) {
    const indent = g.name ? "      " : "    ";
    if (g.name) out.push(`    ${propertyKey(g.name)}: {`);
    for (const m of g.members) out.push(`${indent}${propertyKey(m.name)}: core.${surfaceCall(m.op).factory}(operationMeta[${stringLiteral(m.op.id)}]),`);
    if (g.name) out.push(`    },`);
  }
  out.push(`  };`);
  out.push(`}`);
  out.push("");
  return [{ path: "client.gen.ts", content: out.join("\n") + "\n" }];
};

/** The surface type of an operation and the core factory that builds it. */
function surfaceCall(op: IROperation): { type: string; factory: string } {
  const opType = `paths[${stringLiteral(op.path)}][${stringLiteral(op.method)}]`;
  const event = streamEventType(op);
  if (event !== undefined) return { type: `StreamFn<${opType}, ${event}>`, factory: `stream<${opType}, ${event}>` };
  if (op.pagination) return { type: `PaginatedFn<${opType}>`, factory: `paginated<${opType}>` };
  return { type: `OperationFn<${opType}>`, factory: `op<${opType}>` };
}

/** Event type of a `text/event-stream` operation: its `x-sse-event-schema` component, else unknown. */
function streamEventType(op: IROperation): string | undefined {
  const media = op.responses.flatMap((r) => (r.status.startsWith("2") ? r.content : [])).find((c) => c.mediaType === "text/event-stream");
  if (!media) return undefined;
  const ref = media.eventSchema?.ref;
  return ref ? `components["schemas"][${stringLiteral(ref)}]` : "unknown";
}

/** The runtime credential a security scheme is satisfied by. */
function credentialKind(s: IRSecurityScheme): "bearer" | "apiKey" | "basic" | undefined {
  if (s.type === "oauth2" || s.type === "openIdConnect" || (s.type === "http" && s.scheme === "bearer")) return "bearer";
  if (s.type === "http" && s.scheme === "basic") return "basic";
  if (s.type === "apiKey" && s.in === "header") return "apiKey";
  return undefined;
}

function metaLiteral(op: IROperation, kinds: Map<string, ReturnType<typeof credentialKind>>): string {
  const m: Record<string, unknown> = { id: op.id, method: op.method, path: op.path };
  if (op.idempotencyHeader) m.idempotencyHeader = op.idempotencyHeader;
  if (op.pagination) m.pagination = op.pagination.style;
  // Always present: an empty list means a public operation (the runtime then sends no credentials).
  m.security = op.security.map((r) => r.schemes.map((s) => s.name));
  // Alternatives that need one credential kind only; AND-combinations are left to the caller.
  const single = op.security.filter((r) => r.schemes.length === 1).map((r) => kinds.get(r.schemes[0]!.name));
  if (single.length && single.every((k) => k !== undefined)) m.credentials = [...new Set(single)];
  if (op.tags.length) m.tags = op.tags;
  const stream = op.responses.some((r) => r.content.some((c) => c.mediaType === "text/event-stream"));
  if (stream) m.stream = true;
  return valueLiteral(m);
}

function opDoc(op: IROperation): string[] {
  const lines: string[] = [];
  if (op.summary) lines.push(op.summary);
  if (op.description && op.description !== op.summary) lines.push(...(lines.length ? [""] : []), op.description.trim());
  lines.push(...(lines.length ? [""] : []), `\`${op.method.toUpperCase()} ${op.path}\` (${op.operationId ?? "no operationId"})`);
  if (op.deprecated) lines.push("@deprecated");
  return lines;
}
