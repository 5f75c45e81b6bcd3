// Object schemas with an `enum` of non-objects, made into what openapi-typescript can type.
import { eachObject } from "./each-object.mjs";

/**
 * openapi-typescript reads the `enum` of a `type: object` schema as `oneOf` schemas and throws
 * ("Expected SchemaObject, received string") on any value that is not an object — so one such
 * schema (mercedes-benz.com's `ProductGroup`: `type: object`, `properties`, `enum: ["PKW", …]`)
 * stopped the whole types target. By JSON Schema only the enum's objects (and `null` where
 * nullable) can be valid there. When that leaves no object, the schema is rewritten to that enum
 * alone: `never` when nothing is left, as the zod module types it (with its warning, "no value
 * satisfies the schema"), `null` when only null is. Enums with objects keep openapi-typescript's
 * reading. Mutates `document` (a worker's own copy).
 * @param {unknown} document
 */
export function fixObjectEnums(document) {
  eachObject(document, (node) => {
    if (node.type === "object" && Array.isArray(node.enum)) rewrite(node);
  });
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function rewrite(schema) {
  const kept = schema.enum.filter((v) => isObject(v) || (v === null && schema.nullable === true));
  if (kept.length === schema.enum.length || kept.some(isObject)) {
    if (kept.length !== schema.enum.length) schema.enum = kept;
    return;
  }
  // Nothing but null (or nothing): openapi-typescript types a bare enum as the union of its values.
  for (const k of ["type", "properties", "additionalProperties", "required", "nullable"]) delete schema[k];
  schema.enum = kept;
}
