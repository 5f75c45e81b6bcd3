/**
 * Seeded OpenAPI 3.1 documents whose every text field that can reach generated code holds hostile
 * strings (see hostile-strings.ts): title, version, descriptions, summaries, schema, property,
 * parameter and header names, operationIds, tags, enum values, patterns, defaults, examples,
 * server URLs and variables, paths, media types, security scheme names and scopes, webhook names.
 * Each comes with instances its zod schemas must accept and reject. Every third case is written
 * as YAML and also holds YAML's non-finite numbers (`.inf`, `-.inf`, `.nan`) in enums, consts,
 * bounds, defaults, examples and an extension (see addNonFinite).
 */
import { hostileNames, hostileText, literalPattern, rng, type Rng } from "./hostile-strings.js";

type Obj = Record<string, unknown>;

/** Instances a component's zod schema must accept (`valid`) and reject (`invalid`). */
export interface Expectation {
  component: string;
  valid: unknown[];
  invalid: unknown[];
}

export interface HostileCase {
  seed: number;
  document: Obj;
  expectations: Expectation[];
  /** How the test writes the document; a "yaml" one holds non-finite numbers JSON cannot carry. */
  format: "json" | "yaml";
}

/**
 * A `$ref` to a component by any name. `%` and `#` are percent-encoded besides RFC 6901's `~` and
 * `/`: both our loader and openapi-typescript (Redocly's parseRef) decode percent-escapes, and
 * Redocly splits a reference at its first `#/`.
 */
export function componentRef(name: string): Obj {
  const token = name.replace(/~/g, "~0").replace(/\//g, "~1").replace(/%/g, "%25").replace(/#/g, "%23");
  return { $ref: `#/components/schemas/${token}` };
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;


/** Names every object inherits: each case has a component named after one of them, in turn. */
const INHERITED = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];

export function hostileSpec(seed: number): HostileCase {
  const r = rng(seed);
  const text = () => hostileText(r);
  const names = (count: number, taken?: Set<string>) => hostileNames(r, count, taken);
  const expectations: Expectation[] = [];
  // Redocly's parseRef also drops empty pointer segments, so a component named "" cannot be
  // referenced by openapi-typescript's types: component names are non-empty.
  const componentNames = names(4 + r.int(3), new Set([""]));
  // One name every object inherits, in every case: lookups by name must find own properties only.
  const inherited = INHERITED[seed % INHERITED.length]!;
  if (!componentNames.includes(inherited)) componentNames[r.int(componentNames.length)] = inherited;
  // Built as entries: an assignment to `schemas["__proto__"]` would set the prototype instead.
  // The inherited name gets a schema that only its own definition satisfies (a lookup that finds
  // Object.prototype's member instead is then caught by the expectations).
  const schemas: Obj = Object.fromEntries(
    componentNames.map((name, i) => [name, componentSchema(r, name, componentNames.slice(0, i), expectations, name === inherited ? r.pick(["enum", "const", "pattern"] as const) : undefined)]),
  );
  const [tagA, tagB] = hostileNames(r, 2);
  const schemeNames = hostileNames(r, 3);
  const scope = text();
  const securitySchemes: Obj = {
    [schemeNames[0]!]: { type: "http", scheme: "bearer", description: text() },
    [schemeNames[1]!]: { type: "apiKey", in: "header", name: text(), description: text() },
    [schemeNames[2]!]: { type: "oauth2", flows: { clientCredentials: { tokenUrl: text(), scopes: { [scope]: text() } } } },
  };
  const objects = componentNames.filter((n) => (schemas[n] as Obj).type === "object");
  const body = () => componentRef(r.pick(objects.length ? objects : componentNames));

  const paths: Obj = {};
  const operationIds = new Set<string>();
  for (const key of names(2 + r.int(2))) {
    const [param] = names(1);
    const path = `/${key}/{${param}}`;
    const item: Obj = { summary: text(), description: text() };
    for (const method of new Set([r.pick(METHODS), r.pick(METHODS)])) {
      const op: Obj = {
        summary: text(),
        description: text(),
        tags: r.chance(0.7) ? [r.pick([tagA!, tagB!])] : [],
        parameters: [
          { name: param, in: "path", required: true, description: text(), schema: { type: "string" } },
          ...names(1 + r.int(2)).map((name) => parameter(r, name)),
        ],
        responses: {
          "200": {
            description: text(),
            headers: Object.fromEntries(names(1).map((h) => [h, { description: text(), schema: { type: "string", description: text() } }])),
            content: { "application/json": { schema: body() } },
          },
          "4XX": { description: text(), content: { "application/json": { schema: { type: "object", properties: Object.fromEntries(names(2).map((p) => [p, { type: "string", description: text() }])) } } } },
          default: { description: text() },
        },
        ...(r.chance(0.6) ? { security: [{ [r.pick(schemeNames)]: r.chance(0.5) ? [scope] : [] }, {}] } : {}),
      };
      if (r.chance(0.8)) {
        const [id] = names(1, operationIds);
        op.operationId = id;
      }
      if (method !== "get" && method !== "delete") {
        op.requestBody = { description: text(), required: r.chance(0.5), content: { "application/json": { schema: body() }, [`application/${text()}+json`]: { schema: { type: "string" } } } };
      }
      if (r.chance(0.3)) op.deprecated = true;
      item[method] = op;
    }
    paths[path] = item;
  }

  const webhooks = Object.fromEntries(
    names(1 + r.int(2)).map((name) => [
      name,
      { post: { summary: text(), description: text(), requestBody: { content: { "application/json": { schema: body() } } }, responses: { "200": { description: text() } } } },
    ]),
  );

  const [variable] = hostileNames(r, 1);
  const document: Obj = {
    openapi: "3.1.0",
    info: { title: text(), version: text(), description: text(), summary: text() },
    servers: [{ url: `${text()}{${variable}}`, description: text(), variables: { [variable!]: { default: text(), enum: [text()], description: text() } } }],
    tags: [tagA, tagB].map((name) => ({ name, description: text() })),
    security: [{ [schemeNames[0]!]: [] }],
    paths,
    webhooks,
    components: { schemas, securitySchemes },
  };
  // The server variable's default must be one of its values.
  const v = ((document.servers as Obj[])[0]!.variables as Obj)[variable!] as { default: string; enum: string[] };
  v.enum.push(v.default);
  // Its own stream: the JSON cases stay what they were.
  const format = seed % 3 === 0 ? "yaml" : "json";
  if (format === "yaml") addNonFinite(rng(seed * 7919 + 17), document, expectations);
  return { seed, document, expectations, format };
}

/**
 * YAML's non-finite numbers wherever a number can be: no JSON value can equal them, so the loader
 * drops them with a warning (load/non-finite.ts) — enum members and values dropped, a const with
 * nothing left admits nothing, bounds are no bounds — and no target may print `Infinity` or `NaN`.
 */
function addNonFinite(r: Rng, document: Obj, out: Expectation[]): void {
  const text = () => hostileText(r);
  const schemas = (document.components as { schemas: Obj }).schemas;
  const [numberName, objectName, prop, other] = hostileNames(r, 4, new Set(["", ...Object.keys(schemas)]));
  const shuffled = <T>(list: T[]) => list.map((x) => [r.next(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  const entry = (name: string, schema: Obj): [string, Obj] => [name, schema];
  // Defined, not assigned: `schemas["__proto__"] = …` (what Object.assign does) sets the prototype.
  for (const [name, schema] of [
    entry(numberName!, {
      type: "number",
      description: text(),
      enum: shuffled([Infinity, -Infinity, NaN, 1.5, 2]),
      minimum: -Infinity,
      maximum: Infinity,
      ...(r.chance(0.5) ? { multipleOf: NaN } : { exclusiveMaximum: Infinity }),
      default: NaN,
      examples: [Infinity, 2],
    }),
    // An optional property whose const is NaN admits nothing: left out of every fixture.
    entry(objectName!, {
      type: "object",
      description: text(),
      properties: {
        [prop!]: { const: r.pick([NaN, Infinity, -Infinity]), description: text() },
        [other!]: { type: "array", items: { type: "number", maximum: Infinity }, maxItems: Infinity, default: [1, -Infinity], example: [NaN] },
      },
      example: { [prop!]: Infinity },
    }),
  ])
    Object.defineProperty(schemas, name, { value: schema, enumerable: true, writable: true, configurable: true });
  out.push({ component: numberName!, valid: [1.5, 2], invalid: [3, null, "2"] });
  out.push({ component: objectName!, valid: [{}, { [other!]: [1e300] }], invalid: [{ [prop!]: null }, { [prop!]: 0 }] });

  document.info = { ...(document.info as Obj), "x-limits": { max: Infinity, min: -Infinity, ratio: NaN, [text()]: [NaN, text()] } };
  // A query parameter of the first operation: enum, default, bound and example.
  const item = Object.values(document.paths as Obj)[0] as Obj;
  const op = Object.values(item).find((v): v is Obj => typeof v === "object" && v !== null && Array.isArray((v as Obj).parameters))!;
  const params = op.parameters as Obj[];
  const [param] = hostileNames(r, 1, new Set(params.map((p) => p.name as string)));
  params.push({ name: param, in: "query", description: text(), schema: { type: "number", enum: [Infinity, 1], default: -Infinity, maximum: Infinity }, example: NaN });
  const ok = (op.responses as Obj)["200"] as { content: Record<string, Obj> };
  ok.content["application/json"]!.examples = { [text()]: { summary: text(), value: { [text()]: Infinity } } };
}

/** A query, header or cookie parameter with a hostile name, description, default and example. */
function parameter(r: Rng, name: string): Obj {
  const value = hostileText(r);
  const schema: Obj = r.chance(0.5)
    ? { type: "string", enum: [value, hostileText(r)], default: value, description: hostileText(r) }
    : { type: "string", pattern: literalPattern(value), default: value, description: hostileText(r) };
  return { name, in: r.pick(["query", "header", "cookie"]), description: hostileText(r), schema, example: value, ...(r.chance(0.2) ? { deprecated: true } : {}) };
}

/** One component: an object, an enum, a literal pattern, a raw pattern, a const, a union, an array or a map. */
type Kind = "object" | "enum" | "pattern" | "raw-pattern" | "const" | "union" | "array" | "map";

function componentSchema(r: Rng, name: string, earlier: string[], out: Expectation[], forced?: Kind): Obj {
  const text = () => hostileText(r);
  const names = (count: number, taken?: Set<string>) => hostileNames(r, count, taken);
  const meta = { title: text(), description: text(), ...(r.chance(0.2) ? { deprecated: true } : {}) };
  const kind = forced ?? r.pick<Kind>(["object", "object", "enum", "pattern", "raw-pattern", "const", "union", "array", "map"]);
  switch (kind) {
    case "object": {
      const keys = names(2 + r.int(3));
      const required = keys.filter(() => r.chance(0.5));
      const closed = r.chance(0.4);
      const properties = Object.fromEntries(
        keys.map((p) => {
          const value = text();
          const schema: Obj = { type: "string", description: text(), title: text(), default: value, examples: [value] };
          // Optional only: a required writeOnly property of a closed object cannot be in any response.
          if (!required.includes(p) && r.chance(0.2)) schema[r.pick(["readOnly", "writeOnly"])] = true;
          return [p, schema];
        }),
      );
      // An optional reference to an earlier component (left out of the instances below).
      if (earlier.length && r.chance(0.5)) properties[`${text()}#ref`] = componentRef(r.pick(earlier));
      const filled: unknown = Object.fromEntries(required.map((p) => [p, "x"]));
      out.push({ component: name, valid: [filled], invalid: required.length ? [{}] : closed ? [{ [`${keys.join("|")}#`]: 1 }] : [] });
      return { type: "object", ...meta, properties, required, ...(closed ? { additionalProperties: false } : {}) };
    }
    case "enum": {
      const values = hostileNames(r, 1 + r.int(4));
      out.push({ component: name, valid: values, invalid: [values.join("|") + "#", 5] });
      return { type: "string", ...meta, enum: values, default: values[0] };
    }
    case "pattern": {
      const value = text();
      out.push({ component: name, valid: [value], invalid: [value + "#", 1] });
      return { type: "string", ...meta, pattern: literalPattern(value), example: value };
    }
    case "raw-pattern": {
      // Often not a valid regex (ignored with a warning), or one no string matches: on an optional
      // property, so the component keeps a fixture either way.
      const [key] = names(1);
      return { type: "object", ...meta, properties: { [key!]: { type: "string", pattern: text(), format: text(), description: text() } } };
    }
    case "const": {
      const value = text();
      out.push({ component: name, valid: [value], invalid: [value + "#"] });
      return { ...meta, const: value };
    }
    case "union": {
      if (!earlier.length) return { type: "string", ...meta };
      const [prop] = names(1);
      const targets = [...new Set([r.pick(earlier), r.pick(earlier)])];
      const mapping = Object.fromEntries(hostileNames(r, targets.length).map((v, i) => [v, componentRef(targets[i]!).$ref]));
      return { ...meta, anyOf: targets.map(componentRef), discriminator: { propertyName: prop, mapping } };
    }
    case "array":
      return { type: "array", ...meta, items: earlier.length && r.chance(0.5) ? componentRef(r.pick(earlier)) : { type: "string", description: text() }, maxItems: 3, default: [] };
    case "map": {
      const key = text();
      const [dependent] = names(1, new Set([key]));
      out.push({ component: name, valid: [{}, { [key]: "x" }], invalid: [{ [`${key}#`]: "x" }] });
      return {
        type: "object",
        ...meta,
        patternProperties: { [literalPattern(key)]: { type: "string", description: text() } },
        additionalProperties: false,
        dependentRequired: { [dependent!]: [key] },
      };
    }
  }
}
