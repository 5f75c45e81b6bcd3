// The JSON Schema 2020-12 keywords openapi-typescript does not read, written as keywords it does.
import "./ots-pointers.mjs";
import ts from "typescript";
import { UNKNOWN, transformSchemaObject } from "openapi-typescript";
import { dynamicAnchorIndex, staticDynamicRef } from "../../ir/dynamic-anchors.mjs";

/**
 * openapi-typescript ignores `$dynamicRef`, `if`/`then`/`else`, `dependentSchemas` and
 * `unevaluatedProperties`/`unevaluatedItems`, and types a `type: object` schema that has none of
 * the keywords it reads as `Record<string, never>`: a generic `Page` came out as `data: unknown[]`
 * and `{type: object, if, then, else}` rejected every non-empty object. The model rewrites these
 * keywords for zod and the fixtures (ir/applicators-2020.ts); this does the same for the types, on
 * the types target's own copy of the document, before openapi-typescript reads it. A TypeScript
 * type cannot say "not" nor "no other key", so where the model enforces those the types are wider
 * (zod enforces them), never narrower than the schema:
 *
 * - `$dynamicRef` with one `$dynamicAnchor` of its name (the model's rule, dynamic-anchors.mjs) →
 *   a `$ref` there (an anchor below a component is copied into components.schemas as the loader
 *   hoists deep `$ref` targets); with other keywords beside it, an allOf member.
 * - `if: I, then: T, else: E` → an allOf member `anyOf: [allOf [I, T], E]` (`not I` left out of
 *   the else case, which also gets I's property names as optional `unknown`); no constraint
 *   without `else`. Names a branch only `required` become `name: unknown` (as in the zod module).
 * - `dependentSchemas` → no constraint (`not {required: [a]}` or S: any object may lack `a`).
 * - `unevaluatedProperties: S` where nothing else evaluates a key → `additionalProperties: S`.
 * - `unevaluatedItems: S | false` where only the schema's own `prefixItems` evaluate items → an
 *   allOf member `{prefixItems: [true, …], items: S}` (`items` without a prefix), as the model
 *   has it; tuples are typed by `tupleType` below.
 * - `$defs` → removed: openapi-typescript types it as a required property `$defs` of the value
 *   (the loader has pointed every `$ref` into it at a copy in components.schemas, and the
 *   `$dynamicRef`s are resolved above).
 * - `not: {}` (or `true`): admits nothing → `never` (see admitsNothing).
 * - a `type: object` schema with no keyword openapi-typescript reads (a free-form `metadata: {type:
 *   object}`, or one whose 2020-12 keywords went above): `{ [key: string]: unknown }`, where
 *   openapi-typescript's `Record<string, never>` would reject every object a client sends, unless
 *   it admits no key at all (`additionalProperties: false`, `unevaluatedProperties: false` with
 *   nothing evaluated).
 *
 * Mutates `document`. The model reads its own copy, so zod and the fixtures are not affected.
 * @param {Record<string, unknown>} document
 */
export function rewriteKeywords2020(document) {
  const dialect2020 = !/^3\.0\./.test(String(document.openapi));
  const found = [];
  const seen = new Set();
  const collect = (root) => forEachSchema(root, (s) => found.push(s), seen);
  walkDocument(document, collect);

  // $dynamicRef first, while every pointer still names the place it named in the loaded document
  // (the anchor index is built then; rewriting if/then/else below moves schemas).
  let anchors;
  const anchorsOf = (name) => (anchors ??= dynamicAnchorIndex(document)).get(name) ?? [];
  const hoisted = new Map();
  for (let i = 0; dialect2020 && i < found.length; i++) {
    const s = found[i];
    if (typeof s.$dynamicRef !== "string" || typeof s.$ref === "string") continue;
    const { target } = staticDynamicRef(s.$dynamicRef, anchorsOf);
    delete s.$dynamicRef;
    // No target: refused by the model, with its warning; any value is accepted there.
    const ref = target === undefined ? undefined : componentRef(document, target, hoisted, collect);
    if (ref === undefined) continue;
    // Beside other keywords an allOf member (openapi-typescript reads only the `$ref` of a schema);
    // not beside a list of types, where openapi-typescript intersects allOf with each type.
    if (!Array.isArray(s.type) && Object.keys(s).some((k) => !ANNOTATIONS.has(k) && !k.startsWith("x-"))) s.allOf = [...(Array.isArray(s.allOf) ? s.allOf : []), { $ref: ref }];
    else s.$ref = ref;
  }
  // Innermost first (found is in post-order): a branch is rewritten before the schema it is in.
  for (const s of found) {
    rewriteSchema(s, dialect2020);
    splitTuple(s);
  }
}

/** Keys that do not constrain a value (a `$dynamicRef` beside only these becomes a plain `$ref`). */
const ANNOTATIONS = new Set(["title", "description", "$comment", "$id", "$anchor", "$dynamicAnchor", "$schema", "default", "example", "examples", "deprecated", "readOnly", "writeOnly", "externalDocs", "xml"]);
/** Keywords that evaluate an object's keys (besides unevaluatedProperties itself). */
const EVALUATES_KEYS = ["properties", "patternProperties", "additionalProperties", "$ref", "allOf", "anyOf", "oneOf", "if", "then", "else", "dependentSchemas"];
/** Keywords that evaluate an array's items besides the schema's own `prefixItems`. */
const EVALUATES_ITEMS = ["items", "additionalItems", "contains", "$ref", "allOf", "anyOf", "oneOf", "if", "then", "else"];

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const has = (s, k) => s[k] !== undefined;

function rewriteSchema(s, dialect2020) {
  if (admitsNothing(s)) return;
  const conditional = has(s, "if") || has(s, "then") || has(s, "else");
  const dependent = dialect2020 && has(s, "dependentSchemas");
  const props = dialect2020 ? s.unevaluatedProperties : undefined;
  const items = dialect2020 ? s.unevaluatedItems : undefined;
  const defs = has(s, "$defs");
  if (!conditional && !dependent && props === undefined && items === undefined && !defs) return openObject(s, false);
  // What else evaluates keys and items, read before any keyword is removed (as the model reads it).
  const keysElsewhere = EVALUATES_KEYS.some((k) => has(s, k));
  const itemsElsewhere = EVALUATES_ITEMS.some((k) => has(s, k));
  if (conditional) {
    // Not beside a list of types (see above): wider, as without the keywords.
    const conjunct = has(s, "if") && has(s, "else") && !Array.isArray(s.type) ? ifThenElse(s.if, s.then, s.else, s.type === "object") : undefined;
    delete s.if;
    delete s.then;
    delete s.else;
    if (conjunct) s.allOf = [...(Array.isArray(s.allOf) ? s.allOf : []), conjunct];
  }
  if (dependent) delete s.dependentSchemas;
  if (defs) delete s.$defs;
  if (props !== undefined) {
    delete s.unevaluatedProperties;
    if (props !== false && props !== true && !keysElsewhere) s.additionalProperties = props;
  }
  if (items !== undefined) {
    delete s.unevaluatedItems;
    const prefix = Array.isArray(s.prefixItems) ? s.prefixItems.length : 0;
    // Past the prefix, items must match: `[A?, B?, ...unknown[]] & [unknown?, unknown?]`, as the model has it.
    if (items !== true && !itemsElsewhere && prefix === 0) s.items = items;
    else if (items !== true && !itemsElsewhere && s.type === "array") s.allOf = [...(Array.isArray(s.allOf) ? s.allOf : []), { type: "array", prefixItems: Array(prefix).fill(true), items }];
  }
  // unevaluatedProperties: false admits no key only when no branch evaluated one.
  openObject(s, props === false && !conditional && !dependent);
}

/**
 * `not` of a schema every value matches (`{}`, `true`, annotations only) admits no value — what the
 * loader writes where a non-finite enum or const left none (load/non-finite.ts). openapi-typescript
 * ignores `not` (`unknown`, or the other keywords' type); typed `never` instead, as zod has it:
 * every other keyword goes, `enum: []` stays (openapi-typescript's `never`).
 */
function admitsNothing(s) {
  const not = s.not;
  if (not !== true && !(isObj(not) && Object.keys(not).every((k) => ANNOTATIONS.has(k) || k.startsWith("x-")))) return false;
  for (const k of Object.keys(s)) if (!ANNOTATIONS.has(k) && !k.startsWith("x-")) delete s[k];
  s.enum = [];
  return true;
}

/**
 * `if: I, then: T, else: E` as what TypeScript can say, `(I & T) | E`; undefined: no constraint.
 * In an object schema (`objects`) the branches' names are typed as object keys (see branchMember).
 */
function ifThenElse(cond, then, other, objects) {
  const branch = (list) => {
    if (list.some((x) => x === false)) return false;
    const kept = list.filter((x) => x !== true && x !== undefined).map((x) => branchMember(x, objects));
    return kept.length === 0 ? true : kept.length === 1 ? kept[0] : { allOf: kept };
  };
  // The else case may hold the names `if` reads, with other values: known names (an object
  // literal with them type-checks), typed unknown.
  if (objects && isObj(cond) && isObj(cond.properties) && isObj(other) && typeof other.$ref !== "string") addNames(other, Object.keys(cond.properties));
  const branches = [branch([cond, then]), branch([other])].filter((b) => b !== false);
  if (branches.some((b) => b === true)) return undefined;
  return { anyOf: branches.length ? branches : [false] };
}

/**
 * A branch of an object schema (or one that is an object itself): names it only `required`
 * (`{required: [b]}`) typed `b: unknown`, as in the zod module's types. Elsewhere `required`
 * also admits every non-object, so the branch is left as openapi-typescript types it.
 */
function branchMember(s, objects) {
  if (!isObj(s) || typeof s.$ref === "string") return s;
  if ((objects || s.type === "object") && Array.isArray(s.required)) addNames(s, s.required.filter((n) => typeof n === "string"));
  openObject(s, false);
  return s;
}

/** `names` not yet in `s.properties` added there as `true` (typed unknown). */
function addNames(s, names) {
  const properties = isObj(s.properties) ? s.properties : {};
  const missing = names.filter((n) => !Object.prototype.hasOwnProperty.call(properties, n));
  if (missing.length) s.properties = { ...properties, ...Object.fromEntries(missing.map((n) => [n, true])) };
}

/**
 * A `type: object` schema with nothing openapi-typescript reads is typed `Record<string, never>`:
 * `{ [key: string]: unknown }` instead, unless `closed` or other keywords admit no key.
 */
function openObject(s, closed) {
  if (!(Array.isArray(s.type) ? s.type : [s.type]).includes("object") || closed || s.additionalProperties === false || s.maxProperties === 0) return;
  const read = ["$ref", "allOf", "anyOf", "oneOf", "enum", "patternProperties"].some((k) => has(s, k)) || (isObj(s.properties) && Object.keys(s.properties).length > 0) || Boolean(s.additionalProperties);
  if (!read) s.additionalProperties = true;
}

/**
 * A tuple beside allOf/anyOf/oneOf: its own keywords moved into an allOf member, which
 * `tupleType` then types (openapi-typescript applies the hook to whole components too).
 */
function splitTuple(s) {
  if (!isTuple(s) || !["allOf", "anyOf", "oneOf"].some((k) => has(s, k))) return;
  const tuple = { type: "array" };
  for (const k of ["prefixItems", "items", "minItems", "maxItems"]) {
    if (has(s, k)) tuple[k] = s[k];
    delete s[k];
  }
  delete s.type;
  s.allOf = [tuple, ...(Array.isArray(s.allOf) ? s.allOf : [])];
}

/** The local `$ref` for `target`: itself when it is a component schema, else its copy there. */
function componentRef(document, target, hoisted, collect) {
  const tokens = target
    .slice(2)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (tokens.length === 3 && tokens[0] === "components" && tokens[1] === "schemas") return target;
  if (hoisted.has(target)) return hoisted.get(target);
  let value = document;
  for (const t of tokens) value = value !== null && typeof value === "object" ? value[t] : undefined;
  if (!isObj(value) && typeof value !== "boolean") return undefined;
  const schemas = ((document.components ??= {}).schemas ??= {});
  // The name the model gives such a target (ir/named-schemas.ts) and the loader's hoisting uses.
  const tail = tokens[0] === "components" ? tokens.slice(2) : tokens.filter((t) => !["paths", "content", "schema"].includes(t));
  let name = tail.join("_") || "Root";
  for (let i = 2; Object.prototype.hasOwnProperty.call(schemas, name); i++) name = `${tail.join("_")}_${i}`;
  const ref = `#/components/schemas/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  hoisted.set(target, ref);
  const copy = structuredClone(value);
  Object.defineProperty(schemas, name, { value: copy, enumerable: true, writable: true, configurable: true });
  collect(copy);
  return ref;
}

/** Every Schema Object of an OpenAPI document: components.schemas and each `schema` field. */
function walkDocument(node, onSchema, isRoot = true) {
  for (const k in node) {
    const v = node[k];
    if (v === null || typeof v !== "object" || k.startsWith("x-") || k === "example" || k === "examples") continue;
    if (k === "schema" && !Array.isArray(v)) onSchema(v);
    else if (isRoot && k === "components" && isObj(v)) {
      for (const ck in v) {
        if (ck === "schemas" && isObj(v.schemas)) for (const name in v.schemas) onSchema(v.schemas[name]);
        else if (v[ck] !== null && typeof v[ck] === "object") walkDocument(v[ck], onSchema, false);
      }
    } else walkDocument(v, onSchema, false);
  }
}

/** Where a schema holds schemas: 1 one (or a list), 2 a map of them. */
const CHILDREN = new Map([
  ...["items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "not", "if", "then", "else", "contains", "propertyNames", "additionalItems", "contentSchema"].map((k) => [k, 1]),
  ...["allOf", "anyOf", "oneOf", "prefixItems"].map((k) => [k, 1]),
  ...["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"].map((k) => [k, 2]),
]);
/** The keywords rewriteSchema and the $dynamicRef pass act on. */
const KEYWORDS = new Set(["$dynamicRef", "if", "then", "else", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "$defs", "not"]);

/** Calls `fn` on each schema in `root` (`root` included) that has a keyword rewritten here, innermost first. */
function forEachSchema(root, fn, seen) {
  if (!isObj(root) || seen.has(root)) return;
  seen.add(root);
  let hit = false;
  for (const k in root) {
    hit ||= KEYWORDS.has(k);
    const kind = CHILDREN.get(k);
    const v = root[k];
    if (kind === 2 && isObj(v)) for (const n in v) forEachSchema(v[n], fn, seen);
    else if (kind === 1 && Array.isArray(v)) for (const x of v) forEachSchema(x, fn, seen);
    else if (kind === 1) forEachSchema(v, fn, seen);
  }
  if (hit || isObjectType(root) || (isTuple(root) && ["allOf", "anyOf", "oneOf"].some((k) => has(root, k)))) fn(root);
}

const isObjectType = (s) => s.type === "object" || (Array.isArray(s.type) && s.type.includes("object"));

/**
 * openapi-typescript's `transform` hook for tuples: it types `prefixItems: [A, B]` as `[A, B]`
 * whatever `minItems` and `items` say, which rejects `[]`, `[a]` and `[a, b, c]` where the schema
 * allows them. Here: `[A, B, ...unknown[]]` with the elements past `minItems` optional, the rest
 * typed by `items` (none when `items: false` or `maxItems` ends the tuple). Only for a schema that
 * is nothing else (openapi-typescript also calls this for a whole component or property, whose
 * type it then replaces); `splitTuple` makes the others so.
 * @returns {ts.TypeNode | undefined}
 */
export function tupleType(schema, options) {
  if (!isTuple(schema) || ["$ref", "allOf", "anyOf", "oneOf", "enum", "const", "nullable", "discriminator"].some((k) => has(schema, k))) return undefined;
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const min = typeof schema.minItems === "number" && schema.minItems > 0 ? schema.minItems : 0;
  const max = typeof schema.maxItems === "number" && schema.maxItems >= 0 ? Math.floor(schema.maxItems) : Infinity;
  const elements = prefix.slice(0, max).map((item, i) => {
    const t = transformSchemaObject(item, options);
    return i < min ? t : ts.factory.createOptionalTypeNode(t);
  });
  if (max > prefix.length && schema.items !== false) {
    const rest = isObj(schema.items) ? transformSchemaObject(schema.items, options) : UNKNOWN;
    elements.push(ts.factory.createRestTypeNode(ts.factory.createArrayTypeNode(rest)));
  }
  return ts.factory.createTupleTypeNode(elements);
}

const isTuple = (s) => isObj(s) && s.type === "array" && (Array.isArray(s.prefixItems) || s.items === false);
