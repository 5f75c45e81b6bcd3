/**
 * The one normalised model between parsing and emitting.
 *
 * Every difference between Swagger 2.0, OpenAPI 3.0 and 3.1 is resolved while building it
 * (`nullable` vs `type: [.., "null"]`, boolean vs numeric `exclusiveMinimum`, `example` vs
 * `examples`, `$ref` siblings, boolean schemas), so emitters never read the raw spec.
 *
 * A schema is kept as a conjunction of assertions, exactly like JSON Schema: `types` restricts
 * the instance type, and each per-type block constrains instances of that type only. That keeps
 * `{type: object, properties, oneOf}` and friends lossless; emitters decide how to render it.
 */

export type JsonType = "string" | "number" | "integer" | "boolean" | "null" | "array" | "object";

export interface IRStringConstraints {
  minLength?: number;
  maxLength?: number;
  /** ECMA-262 regex source, unanchored (JSON Schema semantics). */
  pattern?: string;
  format?: string;
  contentMediaType?: string;
  contentEncoding?: string;
}

export interface IRNumberConstraints {
  minimum?: number;
  maximum?: number;
  /** Always the numeric (2020-12) form; 3.0 boolean forms are converted. */
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  format?: string;
}

export interface IRArrayConstraints {
  /** Schema of items after `prefixItems` (3.1 `items`, 3.0 `items`). Absent = any. */
  items?: IRSchema;
  prefixItems?: IRSchema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  contains?: IRSchema;
  minContains?: number;
  maxContains?: number;
}

export interface IRProperty {
  /** Original property name, any string. */
  name: string;
  schema: IRSchema;
  required: boolean;
}

export interface IRObjectConstraints {
  properties: IRProperty[];
  /** Names listed in `required` that have no entry in `properties` (still required!). */
  requiredOnly: string[];
  /** undefined = not stated (allowed, any); false = forbidden; schema = each extra value. */
  additionalProperties?: IRSchema | false;
  patternProperties?: { pattern: string; schema: IRSchema }[];
  propertyNames?: IRSchema;
  minProperties?: number;
  maxProperties?: number;
  dependentRequired?: Record<string, string[]>;
}

export interface IRDiscriminator {
  propertyName: string;
  /** Value → named schema (original component name). Implicit mappings are made explicit. */
  mapping: { value: string; target: string }[];
}

export interface IRMeta {
  title?: string;
  description?: string;
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  /** `default` as written; `hasDefault` tells a `default: null` apart from none. */
  hasDefault?: boolean;
  default?: unknown;
  /** `example` and `examples` merged, in spec order. */
  examples?: unknown[];
}

export interface IRSchema {
  /** JSON pointer (with file) where this schema was written, for warnings. */
  pointer: string;
  /** `true`/`false` boolean schema; when set, no other assertion applies. */
  boolean?: boolean;
  /** Reference to a named schema (original component name). Other keys still apply (3.1). */
  ref?: string;
  /** Allowed instance types; undefined = any type. `nullable` is folded in as "null". */
  types?: JsonType[];
  string?: IRStringConstraints;
  number?: IRNumberConstraints;
  array?: IRArrayConstraints;
  object?: IRObjectConstraints;
  enum?: unknown[];
  /** `const`, wrapped so that `const: null` is representable. */
  const?: { value: unknown };
  allOf?: IRSchema[];
  anyOf?: IRSchema[];
  oneOf?: IRSchema[];
  not?: IRSchema;
  discriminator?: IRDiscriminator;
  meta: IRMeta;
}

export interface IRNamedSchema {
  /** Original name (the key under components.schemas, or one derived for an external file). */
  name: string;
  /** Deterministic valid TypeScript identifier (PascalCase), unique across the document. */
  ident: string;
  schema: IRSchema;
  /** Named schemas it references directly, for cycle detection and ordering. */
  refs: string[];
  /** Part of a reference cycle (needs lazy evaluation in emitters). */
  recursive: boolean;
}

/**
 * Lower case. OpenAPI 3.2 adds `query` (HTTP QUERY) and, through `additionalOperations`, any other
 * method token (`purge`, `link`…): those are sent upper-cased.
 */
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace" | "query" | (string & {});

export interface IRParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: IRSchema;
  description?: string;
  deprecated?: boolean;
  style?: string;
  explode?: boolean;
  /** Content-typed parameter (`content:` instead of `schema:`). */
  mediaType?: string;
  examples?: unknown[];
}

export interface IRMediaContent {
  mediaType: string;
  schema: IRSchema;
  examples: { name: string; value: unknown }[];
  /** Vendor extensions of the media type object (e.g. x-sse-event-schema). */
  extensions: Record<string, unknown>;
  /** How each property of a form or multipart body is encoded (the Encoding Object's style, explode, contentType). */
  encoding?: Record<string, { style?: string; explode?: boolean; contentType?: string }>;
  /**
   * What each event's `data` holds, for text/event-stream responses: `x-sse-event-schema`, or the
   * `data` member of OpenAPI 3.2's `itemSchema` (its `contentSchema` when it declares one).
   */
  eventSchema?: IRSchema;
}

export interface IRHeader {
  name: string;
  required: boolean;
  schema: IRSchema;
  description?: string;
}

export interface IRResponse {
  /** As written in the spec: "200", "4XX", "default". */
  status: string;
  description?: string;
  content: IRMediaContent[];
  headers: IRHeader[];
}

export interface IRRequestBody {
  required: boolean;
  description?: string;
  content: IRMediaContent[];
}

export interface IRSecurityRequirement {
  /** All of these schemes together (AND); the outer array is OR. */
  schemes: { name: string; scopes: string[] }[];
}

export interface IRPagination {
  style: "page" | "offset" | "cursor" | "link";
  /** Where it was found: an `x-pagination` extension, or inferred from the parameters. */
  source: "extension" | "inferred";
  /** The query parameters that carry the cursor, the page size, the page number and the offset, when the spec names them otherwise than `cursor`, `limit`, `page` and `offset`. */
  params?: { cursor?: string; limit?: string; page?: string; offset?: string };
}

export interface IROperation {
  /** operationId, or a synthesized `METHOD path`-derived one when absent. */
  id: string;
  /** operationId as written, if any. */
  operationId?: string;
  /** camelCase identifier, unique across operations. */
  ident: string;
  method: HttpMethod;
  path: string;
  tags: string[];
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters: IRParameter[];
  requestBody?: IRRequestBody;
  responses: IRResponse[];
  /** Effective security (operation's own, else the document's); [] = public, unless securityUndeclared. */
  security: IRSecurityRequirement[];
  /** Neither the operation nor the document declares `security` (GitHub's spec): not known to be public, so a client sends what it has. */
  securityUndeclared?: boolean;
  pagination?: IRPagination;
  /** Name of the idempotency header the operation accepts, if any. */
  idempotencyHeader?: string;
  /** Its own servers (the operation's, else its path item's), where the document's do not serve it (uploads on another host). */
  servers?: IRServer[];
  /**
   * Its callbacks (what the API sends to a URL the caller gave), one per callback name, expression
   * and method, named `<callback name> <expression>`; only when the model is built with
   * `{ callbacks: true }` (spec-diff compares them; no emitter reads them).
   */
  callbacks?: IRWebhook[];
  extensions: Record<string, unknown>;
  pointer: string;
}

export interface IRWebhook {
  /** Key under `webhooks:` (e.g. "order.created"). */
  name: string;
  operation: IROperation;
}

export interface IRSecurityScheme {
  name: string;
  type: "apiKey" | "http" | "oauth2" | "openIdConnect" | "mutualTLS";
  scheme?: string;
  bearerFormat?: string;
  in?: "header" | "query" | "cookie";
  paramName?: string;
  flows?: Record<string, { authorizationUrl?: string; tokenUrl?: string; refreshUrl?: string; scopes: Record<string, string> }>;
  openIdConnectUrl?: string;
  description?: string;
}

export interface IRWarning {
  pointer: string;
  message: string;
}

/** A server of the document; `{name}` in its URL is a variable. */
export interface IRServer {
  url: string;
  description?: string;
  variables?: Record<string, IRServerVariable>;
}

export interface IRServerVariable {
  /** The spec's default, else its enum's first value; without either the caller must give one. */
  default?: string;
  /** The values the spec allows, as strings. */
  enum?: string[];
  description?: string;
}

export interface IRDocument {
  /** Version of the source document before conversion. */
  sourceVersion: "2.0" | "3.0" | "3.1";
  title: string;
  version: string;
  description?: string;
  servers: IRServer[];
  schemas: IRNamedSchema[];
  /** Lookup by original name. */
  schemaByName: Map<string, IRNamedSchema>;
  operations: IROperation[];
  webhooks: IRWebhook[];
  securitySchemes: IRSecurityScheme[];
  warnings: IRWarning[];
}
