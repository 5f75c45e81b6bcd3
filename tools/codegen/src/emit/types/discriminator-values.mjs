// Discriminator values from the members' own `const` or one-value `enum`, for openapi-typescript.
import { eachObject } from "./each-object.mjs";
import { target } from "./read-write-flags.mjs";

/**
 * Without a `mapping`, openapi-typescript types a discriminated member's property as the member's
 * schema name, replacing the value its schema states: OpenAI's `ChatCompletionRequestMessage`
 * (`oneOf` user, system, assistant… messages, `discriminator: { propertyName: role }`) typed
 * `role` as `"ChatCompletionRequestUserMessage"`, so `{ role: "user", content }` — the request
 * every chat call sends — did not type-check, while the zod module (and the API) want "user".
 * OpenAPI's implicit mapping by schema name cannot be what such a spec means when the member says
 * `enum: [user]` itself. So each member that states one value for the property (`const`, or an
 * `enum` of one string) gets it as an explicit mapping entry, which openapi-typescript then uses;
 * members that state none or several keep the implicit name, as do values mapped already.
 * Both forms are read: `oneOf`/`anyOf` of references under the discriminator, and components that
 * extend the discriminating schema with `allOf`. Mutates `document` (a worker's own copy).
 * @param {any} document
 */
export function discriminatorValues(document) {
  const schemas = document?.components?.schemas;
  eachObject(document, (node) => {
    const d = node.discriminator;
    if (isRecord(d) && typeof d.propertyName === "string") {
      namesToRefs(d, schemas);
      for (const member of [...list(node.oneOf), ...list(node.anyOf)]) if (typeof member?.$ref === "string") map(document, d, member.$ref);
    }
  });
  // Components that extend a discriminating schema: `Cat: { allOf: [{ $ref: Pet }, { properties: { petType: { const: cat } } }] }`.
  if (isRecord(schemas)) {
    for (const [name, child] of Object.entries(schemas)) {
      for (const part of list(child?.allOf)) {
        const base = typeof part?.$ref === "string" ? target(document, part.$ref) : undefined;
        if (isRecord(base?.discriminator) && typeof base.discriminator.propertyName === "string") map(document, base.discriminator, `#/components/schemas/${escape(name)}`);
      }
    }
  }
}

/**
 * OAS allows a mapping value to be a bare schema name (`circle: Circle`); openapi-typescript reads
 * only `#/…` references, so it typed Circle's property as the name "Circle", not "circle" (and
 * `map` below took the name for an entry already made). Rewritten as the reference it names, as
 * the model reads it (src/ir/normalize-schema.ts: a value without `#` or `/` is a name).
 */
function namesToRefs(discriminator, schemas) {
  const mapping = discriminator.mapping;
  if (!isRecord(mapping) || !isRecord(schemas)) return;
  for (const [value, name] of Object.entries(mapping)) {
    if (typeof name === "string" && !name.includes("#") && !name.includes("/") && Object.hasOwn(schemas, name)) mapping[value] = `#/components/schemas/${escape(name)}`;
  }
}

const isRecord = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const list = (v) => (Array.isArray(v) ? v : []);
// A reference in URI-fragment form, as openapi-typescript reads it back (it percent-decodes: `%` must be `%25`).
const escape = (name) => name.replace(/~/g, "~0").replace(/\//g, "~1").replace(/%/g, "%25");

/** Adds `value → ref` to the discriminator's mapping when the member states one value and nothing maps it yet. */
function map(document, discriminator, ref) {
  const mapping = isRecord(discriminator.mapping) ? discriminator.mapping : undefined;
  if (mapping && Object.values(mapping).includes(ref)) return;
  const value = stated(document, target(document, ref), discriminator.propertyName, 0);
  if (value === undefined || (mapping && value in mapping)) return;
  discriminator.mapping = { ...mapping, [value]: ref };
}

/** The one string the member's property can hold (its own, or an `allOf` part's), else undefined. */
function stated(document, schema, property, depth) {
  if (!isRecord(schema) || depth > 4) return undefined;
  const own = isRecord(schema.properties) ? schema.properties[property] : undefined;
  const p = typeof own?.$ref === "string" ? target(document, own.$ref) : own;
  if (isRecord(p)) {
    if (typeof p.const === "string") return p.const;
    if (Array.isArray(p.enum) && p.enum.length === 1 && typeof p.enum[0] === "string") return p.enum[0];
  }
  for (const part of list(schema.allOf)) {
    // The discriminating base names the property without a value: only the member's own parts state one.
    const found = stated(document, typeof part?.$ref === "string" ? target(document, part.$ref) : part, property, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
