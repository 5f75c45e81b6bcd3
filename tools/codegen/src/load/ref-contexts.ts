/**
 * What kind of OpenAPI object sits at a place, so that a `$ref` to another file can be hoisted
 * into the right `components.<kind>` map. Only as much of the OpenAPI type tree as bundling
 * needs; unknown places have no kind and their refs are inlined.
 */
import { METHODS } from "./path-item-operations.js";

export interface Ctx {
  kind?: string;
}

export const COMPONENT_KINDS = new Set([
  "schemas",
  "parameters",
  "responses",
  "headers",
  "examples",
  "requestBodies",
  "securitySchemes",
  "links",
  "callbacks",
]);

const SCHEMA_ONE = new Set([
  "items",
  "additionalProperties",
  "not",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
  "additionalItems",
  "x-sse-event-schema",
  "contentSchema",
]);
const SCHEMA_LIST = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SCHEMA_MAP = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

// Each kind maps a child key to the kind of the child; "*" applies to every key of a map kind.
const TREE: Record<string, Record<string, string>> = {
  root: { paths: "pathItemMap", webhooks: "pathItemMap", components: "components", "x-webhooks": "pathItemMap" },
  components: {
    schemas: "schemaMap",
    parameters: "parameterMap",
    responses: "responseMap",
    headers: "headerMap",
    examples: "exampleMap",
    requestBodies: "requestBodyMap",
    securitySchemes: "securitySchemeMap",
    links: "linkMap",
    callbacks: "callbackMap",
    pathItems: "pathItemMap",
    mediaTypes: "mediaTypeMap",
  },
  pathItemMap: { "*": "pathItem" },
  callbackMap: { "*": "callbacks" },
  callbacks: { "*": "pathItem" },
  schemaMap: { "*": "schemas" },
  parameterMap: { "*": "parameters" },
  responseMap: { "*": "responses" },
  headerMap: { "*": "headers" },
  exampleMap: { "*": "examples" },
  requestBodyMap: { "*": "requestBodies" },
  securitySchemeMap: { "*": "securitySchemes" },
  linkMap: { "*": "links" },
  mediaTypeMap: { "*": "mediaType" },
  encodingMap: { "*": "encoding" },
  pathItem: { parameters: "parameterList", additionalOperations: "operationMap" },
  operationMap: { "*": "operation" },
  parameterList: { "*": "parameters" },
  operation: {
    parameters: "parameterList",
    requestBody: "requestBodies",
    responses: "responseMap",
    callbacks: "callbackMap",
  },
  parameters: { schema: "schemas", content: "mediaTypeMap", examples: "exampleMap" },
  headers: { schema: "schemas", content: "mediaTypeMap", examples: "exampleMap" },
  requestBodies: { content: "mediaTypeMap" },
  responses: { headers: "headerMap", content: "mediaTypeMap", links: "linkMap" },
  mediaType: { schema: "schemas", itemSchema: "schemas", examples: "exampleMap", encoding: "encodingMap", "x-sse-event-schema": "schemas" },
  encoding: { headers: "headerMap" },
};

export function childContext(ctx: Ctx, key: string): Ctx {
  const kind = ctx.kind;
  if (!kind) return {};
  if (kind === "pathItem" && METHODS.has(key)) return { kind: "operation" };
  if (kind === "schemas") {
    if (SCHEMA_ONE.has(key)) return { kind: "schemas" };
    if (SCHEMA_LIST.has(key)) return { kind: "schemaList" };
    if (SCHEMA_MAP.has(key)) return { kind: "schemaMap" };
    return {};
  }
  if (kind === "schemaList") return { kind: "schemas" };
  const table = Object.hasOwn(TREE, kind) ? TREE[kind]! : undefined;
  if (!table) return {};
  // Own keys only: a schema or path named `toString`, `constructor` or `__proto__` is a name.
  const next = Object.hasOwn(table, key) ? table[key] : table["*"];
  return next ? { kind: next } : {};
}

/** Keys holding literal data, by kind: an example, a default, an enum. */
const LITERAL: Record<string, Set<string>> = {
  schemas: new Set(["example", "examples", "default", "const", "enum"]),
  examples: new Set(["value", "dataValue"]),
  parameters: new Set(["example"]),
  headers: new Set(["example"]),
  mediaType: new Set(["example"]),
};

/**
 * Whether `key` of an object of this kind holds literal data, where a `$ref` is a key of the data
 * (a SCIM payload's `{"$ref": "https://…/Users/1"}` in GitHub's examples), never a reference.
 */
export function isLiteral(ctx: Ctx, key: string): boolean {
  return ctx.kind !== undefined && Object.hasOwn(LITERAL, ctx.kind) && LITERAL[ctx.kind]!.has(key);
}
