import type { HttpMethod, IROperation, IRParameter, IRResponse, IRMediaContent, IRHeader, IRWebhook, IRSecurityRequirement, IRPagination, IRSchema } from "./types.js";
import type { NamedSchemas } from "./named-schemas.js";
import { SpecError, getAtPointer, joinPointer, parsePointer } from "../load/spec-error.js";
import { isObj } from "./normalize-meta.js";
import { camelCase, IdentifierPool } from "./naming.js";
import { parseSecurity } from "./build-model.js";
import { pathItemOperations } from "../load/path-item-operations.js";
import { parseServers } from "./servers.js";

type Obj = Record<string, unknown>;

/** What a model holds beyond what the emitters read. */
export interface BuildOptions {
  /** Each operation's `callbacks` (spec-diff compares them). Default: false. */
  callbacks?: boolean;
}

/** Operations of `paths` and of `webhooks` (3.1; `x-webhooks` too), in document order. */
export function buildOperations(doc: Obj, file: string, named: NamedSchemas, globalSecurity: IRSecurityRequirement[] | undefined, options: BuildOptions = {}) {
  const pool = new IdentifierPool();
  const deref = (node: unknown, at: string): { value: Obj; at: string } => {
    let cur = node;
    let where = at;
    for (let hops = 0; isObj(cur) && typeof cur.$ref === "string"; hops++) {
      if (hops > 32) throw new SpecError(file, at, "$ref chain too long or circular");
      const ref = cur.$ref;
      where = ref;
      cur = getAtPointer(doc, parsePointer(ref));
      if (cur === undefined) throw new SpecError(file, at, `$ref target not found: ${ref}`);
    }
    if (!isObj(cur)) throw new SpecError(file, at, "expected an object");
    return { value: cur, at: where };
  };

  const media = (content: unknown, at: string): IRMediaContent[] =>
    isObj(content)
      ? Object.entries(content).map(([mediaType, raw]) => {
          const m = isObj(raw) ? raw : {};
          const mAt = joinPointer(at, mediaType);
          const examples: IRMediaContent["examples"] = [];
          if ("example" in m) examples.push({ name: "default", value: m.example });
          if (isObj(m.examples)) {
            for (const [name, ex] of Object.entries(m.examples)) {
              const { value } = deref(ex, joinPointer(mAt, "examples", name));
              // OpenAPI 3.2 writes the data as `dataValue` (beside `serializedValue`, the same on the wire).
              if ("dataValue" in value) examples.push({ name, value: value.dataValue });
              else if ("value" in value) examples.push({ name, value: value.value });
            }
          }
          const extensions = Object.fromEntries(Object.entries(m).filter(([k]) => k.startsWith("x-")));
          const out: IRMediaContent = {
            mediaType,
            schema: m.schema === undefined ? { pointer: mAt, meta: {} } : named.normalize(m.schema, joinPointer(mAt, "schema")),
            examples,
            extensions,
          };
          if (isObj(m.encoding)) {
            const encoding: NonNullable<IRMediaContent["encoding"]> = {};
            for (const [name, e] of Object.entries(m.encoding)) {
              if (!isObj(e)) continue;
              encoding[name] = {
                ...(typeof e.style === "string" ? { style: e.style } : {}),
                ...(typeof e.explode === "boolean" ? { explode: e.explode } : {}),
                ...(typeof e.contentType === "string" ? { contentType: e.contentType } : {}),
              };
            }
            out.encoding = encoding;
          }
          if (m["x-sse-event-schema"] !== undefined) out.eventSchema = named.normalize(m["x-sse-event-schema"], joinPointer(mAt, "x-sse-event-schema"));
          else if (m.itemSchema !== undefined && /^text\/event-stream\b/i.test(mediaType)) {
            const data = eventData(m.itemSchema, joinPointer(mAt, "itemSchema"));
            if (data) out.eventSchema = data;
          } else if (/^text\/event-stream\b/i.test(mediaType) && structured(out.schema)) {
            // OpenAI (chat completions, responses…) writes the schema of each event's data as the
            // stream's schema: the body is text, and that schema is what every `data:` decodes to.
            out.eventSchema = out.schema;
            out.schema = { pointer: out.schema.pointer, types: ["string"], meta: {} };
          }
          return out;
        })
      : [];

  /** A schema no text body can match: an object, an array, or a reference or composition of them. */
  const structured = (s: IRSchema): boolean =>
    s.types ? s.types.some((t) => t === "object" || t === "array") : s.ref !== undefined || s.object !== undefined || s.array !== undefined || [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].some(structured);

  /**
   * OpenAPI 3.2 describes an event stream by `itemSchema`: one schema per event, whose `data` member
   * is a string that may declare what it decodes to (`contentMediaType` + `contentSchema`).
   */
  const eventData = (item: unknown, at: string) => {
    const { value, at: iAt } = deref(item, at);
    const props = isObj(value.properties) ? value.properties : undefined;
    if (!props || props.data === undefined) return undefined;
    const dAt = joinPointer(iAt, "properties", "data");
    const { value: data, at: dataAt } = deref(props.data, dAt);
    return data.contentSchema !== undefined ? named.normalize(data.contentSchema, joinPointer(dataAt, "contentSchema")) : named.normalize(props.data, dAt);
  };

  const parameter = (raw: unknown, at: string): IRParameter => {
    const { value: p, at: pAt } = deref(raw, at);
    const location = p.in as IRParameter["in"];
    if (!["path", "query", "header", "cookie"].includes(location)) throw new SpecError(file, pAt, `parameter has invalid "in": ${JSON.stringify(p.in)}`);
    const content = isObj(p.content) ? media(p.content, joinPointer(pAt, "content"))[0] : undefined;
    const out: IRParameter = {
      name: String(p.name),
      in: location,
      required: location === "path" ? true : p.required === true,
      schema: content ? content.schema : p.schema !== undefined ? named.normalize(p.schema, joinPointer(pAt, "schema")) : { pointer: pAt, types: ["string"], meta: {} },
    };
    if (content) out.mediaType = content.mediaType;
    if (typeof p.description === "string") out.description = p.description;
    if (p.deprecated === true) out.deprecated = true;
    if (typeof p.style === "string") out.style = p.style;
    if (typeof p.explode === "boolean") out.explode = p.explode;
    const ex: unknown[] = [];
    if ("example" in p) ex.push(p.example);
    if (isObj(p.examples)) for (const e of Object.values(p.examples)) if (isObj(e) && ("dataValue" in e || "value" in e)) ex.push("dataValue" in e ? e.dataValue : e.value);
    if (ex.length) out.examples = ex;
    return out;
  };

  const headers = (raw: unknown, at: string): IRHeader[] =>
    isObj(raw)
      ? Object.entries(raw).map(([name, h]) => {
          const { value, at: hAt } = deref(h, joinPointer(at, name));
          const schema = value.schema !== undefined ? named.normalize(value.schema, joinPointer(hAt, "schema")) : (media(value.content, joinPointer(hAt, "content"))[0]?.schema ?? { pointer: hAt, meta: {} });
          return { name, required: value.required === true, schema, ...(typeof value.description === "string" ? { description: value.description } : {}) };
        })
      : [];

  // OpenAPI requires operationIds to be unique across the document: clients, mocks and docs key on them.
  const operationIds = new Map<string, string>();
  const operation = (path: string, method: HttpMethod, rawOp: Obj, pathParams: unknown[], at: string, basePath: string): IROperation => {
    if (typeof rawOp.operationId === "string") {
      const first = operationIds.get(rawOp.operationId);
      if (first) throw new SpecError(file, joinPointer(at, "operationId"), `operationId ${JSON.stringify(rawOp.operationId)} is already used by ${first}`);
      operationIds.set(rawOp.operationId, `${method.toUpperCase()} ${path} (${at})`);
    }
    if (rawOp.parameters !== undefined && !Array.isArray(rawOp.parameters)) throw new SpecError(file, joinPointer(at, "parameters"), "parameters must be an array");
    if (rawOp.responses !== undefined && !isObj(rawOp.responses)) throw new SpecError(file, joinPointer(at, "responses"), "responses must be an object keyed by status code");
    const params = new Map<string, IRParameter>();
    pathParams.forEach((p, i) => {
      const ir = parameter(p, joinPointer(basePath, "parameters", i));
      params.set(`${ir.in}:${ir.name}`, ir);
    });
    (Array.isArray(rawOp.parameters) ? rawOp.parameters : []).forEach((p, i) => {
      const ir = parameter(p, joinPointer(at, "parameters", i));
      params.set(`${ir.in}:${ir.name}`, ir);
    });
    const responses: IRResponse[] = isObj(rawOp.responses)
      ? Object.entries(rawOp.responses).map(([status, r]) => {
          const { value, at: rAt } = deref(r, joinPointer(at, "responses", status));
          return {
            status: String(status),
            ...(typeof value.description === "string" ? { description: value.description } : {}),
            content: media(value.content, joinPointer(rAt, "content")),
            headers: headers(value.headers, joinPointer(rAt, "headers")),
          };
        })
      : [];
    const op: IROperation = {
      id: typeof rawOp.operationId === "string" ? rawOp.operationId : `${method.toUpperCase()} ${path}`,
      ident: pool.claim(camelCase(typeof rawOp.operationId === "string" ? rawOp.operationId : `${method} ${path.replace(/\{([^}]+)\}/g, "by $1")}`)),
      method,
      path,
      tags: Array.isArray(rawOp.tags) ? rawOp.tags.map(String) : [],
      parameters: [...params.values()],
      responses,
      security: parseSecurity(rawOp.security) ?? globalSecurity ?? [],
      extensions: Object.fromEntries(Object.entries(rawOp).filter(([k]) => k.startsWith("x-"))),
      pointer: at,
    };
    if (rawOp.security === undefined && globalSecurity === undefined) op.securityUndeclared = true;
    if (typeof rawOp.operationId === "string") op.operationId = rawOp.operationId;
    if (typeof rawOp.summary === "string") op.summary = rawOp.summary;
    if (typeof rawOp.description === "string") op.description = rawOp.description;
    if (rawOp.deprecated === true) op.deprecated = true;
    if (rawOp.requestBody !== undefined) {
      const { value, at: bAt } = deref(rawOp.requestBody, joinPointer(at, "requestBody"));
      op.requestBody = {
        required: value.required === true,
        content: media(value.content, joinPointer(bAt, "content")),
        ...(typeof value.description === "string" ? { description: value.description } : {}),
      };
    }
    const pagination = detectPagination(op);
    if (pagination) op.pagination = pagination;
    const idem = op.parameters.find((p) => p.in === "header" && /^idempotency-key$/i.test(p.name));
    if (idem) op.idempotencyHeader = idem.name;
    return op;
  };

  // The raw operation of each built one, for its callbacks (read after every operation and webhook is built).
  const raws = new Map<IROperation, Obj>();
  const fromPathItems = (items: unknown, root: string) => {
    const out: { key: string; op: IROperation }[] = [];
    if (!isObj(items)) return out;
    for (const [key, rawItem] of Object.entries(items)) {
      // Specification extensions: a path starts with "/", and vendors tag their webhook maps too
      // (apideck's `x-webhooks` carries `x-sdk-exclude: true` beside its webhooks).
      if (key.startsWith("x-")) continue;
      const itemAt = joinPointer(root, key);
      const { value: item, at: base } = deref(rawItem, itemAt);
      const shared = Array.isArray(item.parameters) ? item.parameters : [];
      for (const { method, op: rawOp, keys } of pathItemOperations(item, file, base)) {
        if (!isObj(rawOp)) continue;
        const op = operation(key, method as HttpMethod, rawOp, shared, joinPointer(base, ...keys), base);
        const servers = parseServers(rawOp.servers ?? item.servers);
        if (servers.length) op.servers = servers;
        if (options.callbacks) raws.set(op, rawOp);
        out.push({ key, op });
      }
    }
    return out;
  };

  const operations = fromPathItems(doc.paths, "#/paths").map((o) => o.op);
  const webhooks: IRWebhook[] = fromPathItems(doc.webhooks ?? doc["x-webhooks"], doc.webhooks ? "#/webhooks" : "#/x-webhooks").map((o) => ({ name: o.key, operation: o.op }));
  // Last, so the identifiers the operations and webhooks claim stay what they are without callbacks.
  if (options.callbacks) {
    for (const op of [...operations, ...webhooks.map((w) => w.operation)]) {
      const raw = raws.get(op)?.callbacks;
      if (!isObj(raw)) continue;
      const callbacks: IRWebhook[] = [];
      for (const [name, rawCallback] of Object.entries(raw)) {
        if (name.startsWith("x-")) continue;
        const { value, at } = deref(rawCallback, joinPointer(op.pointer, "callbacks", name));
        for (const o of fromPathItems(value, at)) callbacks.push({ name: `${name} ${o.key}`, operation: o.op });
      }
      if (callbacks.length) op.callbacks = callbacks;
    }
  }
  return { operations, webhooks };
}

// Query parameters of list operations by role, most common first: ours and Slack's `cursor`,
// Stripe's `starting_after`, Google's `pageToken`, GitHub's `per_page`, …
const CURSOR_PARAMS = ["cursor", "starting_after", "page_token", "pageToken", "after"];
const LIMIT_PARAMS = ["limit", "per_page", "page_size", "pageSize", "max_results", "maxResults"];
// Spotify's and most offset APIs' `offset`, Jira's `startAt`, OData's and Strapi's `skip`.
const OFFSET_PARAMS = ["offset", "startAt", "skip"];

/** `x-pagination: { style }` wins; otherwise the query parameters and headers tell. */
function detectPagination(op: IROperation): IRPagination | undefined {
  const ext = op.extensions["x-pagination"];
  const q = new Set(op.parameters.filter((p) => p.in === "query").map((p) => p.name));
  const found = (names: string[]) => names.find((n) => q.has(n));
  const cursor = found(CURSOR_PARAMS);
  const limit = found(LIMIT_PARAMS);
  const offset = found(OFFSET_PARAMS);
  const withParams = (p: IRPagination): IRPagination => {
    const params = {
      ...(cursor && cursor !== "cursor" && p.style === "cursor" ? { cursor } : {}),
      ...(limit && limit !== "limit" ? { limit } : {}),
      ...(offset && offset !== "offset" && p.style === "offset" ? { offset } : {}),
    };
    return Object.keys(params).length ? { ...p, params } : p;
  };
  if (isObj(ext) && (ext.style === "page" || ext.style === "offset" || ext.style === "cursor" || ext.style === "link")) return withParams({ style: ext.style, source: "extension" });
  if (op.method !== "get") return undefined;
  if (cursor) return withParams({ style: "cursor", source: "inferred" });
  const linkHeader = op.responses.some((r) => r.status.startsWith("2") && r.headers.some((h) => h.name.toLowerCase() === "link"));
  if (linkHeader) return withParams({ style: "link", source: "inferred" });
  if (q.has("page")) return withParams({ style: "page", source: "inferred" });
  // An offset with a page size: a paging offset, not any parameter that happens to be called so.
  if (offset && limit) return withParams({ style: "offset", source: "inferred" });
  return undefined;
}
