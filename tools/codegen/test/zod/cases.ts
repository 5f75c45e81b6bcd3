/** Schema → accept/reject cases, one per construct (see constructs.test.ts). */
export interface Case {
  name: string;
  schema: unknown;
  /** Other component schemas the case refers to (`#/components/schemas/<name>`). */
  extra?: Record<string, unknown>;
  accept?: unknown[];
  reject?: unknown[];
  /**
   * Where Ajv itself is wrong (listed in README.md, "zod emitter"): the zod module's verdict per
   * JSON Schema, which Ajv gets the other way round (checked too, so a fixed Ajv shows up here).
   */
  ajvWrong?: { accept?: unknown[]; reject?: unknown[] };
}

/** JSON text → value (keeps keys such as `__proto__` as plain own properties, as a parser would). */
const j = (text: string): unknown => JSON.parse(text);
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const CASES_31: Case[] = [
  // strings
  { name: "string lengths count code points", schema: { type: "string", minLength: 2, maxLength: 3 }, accept: ["ab", "😀😀", "abc", "😀😀😀"], reject: ["a", "😀", "abcd", 5, null] },
  { name: "pattern is unanchored", schema: { type: "string", pattern: "b+" }, accept: ["abbc", "b"], reject: ["ac", ""] },
  { name: "pattern uses the u flag", schema: { type: "string", pattern: "^\\p{Lu}" }, accept: ["Ab", "Éa"], reject: ["ab"] },
  {
    name: "a pattern with needless escapes keeps \\p{L} a letter (AWS specs)",
    schema: { type: "string", pattern: "^[\\p{L}\\p{Z}\\@\\_.\\-]+$" },
    accept: ["Émile @x", "a_b-c", "日本"],
    reject: ["p{L}", "1", ""],
  },
  // Another engine's syntax, as real specs carry it (AWS's \p{Print}, Java's \A…\z): what its author meant.
  { name: "Java's \\p{Print} is printable text, not the text \"p{Print}\" (AWS)", schema: { type: "string", pattern: "^\\p{Print}+$" }, accept: ["hello", "Émile 1", "日本"], reject: ["", "a\u0001", "\n"] },
  { name: "Java's POSIX class inside a class", schema: { type: "string", pattern: "^[\\p{Graph}\\x20]*$" }, accept: ["a b", ""], reject: ["a\tb"] },
  { name: "\\A and \\z anchor (Java, Ruby)", schema: { type: "string", pattern: "\\Aabc\\z" }, accept: ["abc"], reject: ["xabc", "abcx", "Aabcz"] },
  { name: "a leading (?i) makes the pattern case-insensitive", schema: { type: "string", pattern: "(?i)^[a-f]+$" }, accept: ["abc", "ABC"], reject: ["abg"] },
  { name: "POSIX bracket expressions", schema: { type: "string", pattern: "^[[:alnum:]_-]+$" }, accept: ["a_b-1", "é"], reject: ["a b", ""] },
  { name: "a class escape before \"-\" is a literal dash", schema: { type: "string", pattern: "^[\\w- ]+$" }, accept: ["a-b c"], reject: ["a.b"] },
  { name: "Java's class intersection", schema: { type: "string", pattern: "^[\\w&&[^_]]+$" }, accept: ["ab1"], reject: ["a_b", "]"] },
  { name: "a pattern without an ECMA reading asserts nothing", schema: { type: "string", pattern: "^\\p{InGreek}+$" }, accept: ["abc", "]"], reject: [5] },
  { name: "patternProperties with needless escapes", schema: { type: "object", patternProperties: { "^\\p{Lu}\\_": { type: "integer" } } }, accept: [{ Ä_: 1, a_: "x" }], reject: [{ Ä_: "x" }] },
  { name: "untyped string keywords ignore other types", schema: { minLength: 2, pattern: "^x" }, accept: [5, null, {}, [], "xy"], reject: ["x", "ab"] },
  // formats (ajv-formats full)
  {
    name: "date-time (RFC 3339, offsets, lowercase t/z)",
    schema: { type: "string", format: "date-time" },
    accept: ["2024-01-02T03:04:05Z", "2024-01-02T03:04:05+02:00", "2024-01-02t03:04:05.123z", "2016-12-31T23:59:60Z"],
    reject: ["2024-01-02T03:04:05", "2024-13-02T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-02 03:04", "x"],
  },
  { name: "date", schema: { type: "string", format: "date" }, accept: ["2024-02-29"], reject: ["2023-02-29", "2024-1-1", "2024-01-02T00:00:00Z"] },
  { name: "time (needs a zone)", schema: { type: "string", format: "time" }, accept: ["03:04:05Z", "23:59:59+02:00"], reject: ["03:04:05", "24:00:00Z"] },
  { name: "email", schema: { type: "string", format: "email" }, accept: ["a.b+c@example.com"], reject: ["a@", "a b@example.com", "@example.com"] },
  { name: "uuid", schema: { type: "string", format: "uuid" }, accept: ["123e4567-e89b-12d3-a456-426614174000"], reject: ["123e4567e89b12d3a456426614174000", "x"] },
  { name: "uri (absolute)", schema: { type: "string", format: "uri" }, accept: ["https://example.com/a?b#c", "urn:isbn:0451450523"], reject: ["/relative", "not a uri"] },
  { name: "uri-reference", schema: { type: "string", format: "uri-reference" }, accept: ["/relative", "https://x.y/z", "#frag"], reject: ["\\\\bad"] },
  { name: "ipv4 / ipv6", schema: { anyOf: [{ type: "string", format: "ipv4" }, { type: "string", format: "ipv6" }] }, accept: ["10.0.0.1", "::1", "2001:db8::1"], reject: ["256.0.0.1", "1.2.3", ":::"] },
  { name: "hostname", schema: { type: "string", format: "hostname" }, accept: ["example.com", "a-b.c"], reject: ["-a.com", "a_b.com"] },
  // ajv-formats' regex carries the /gm flags: after a newline anything passed.
  { name: "byte (base64), the whole string", schema: { type: "string", format: "byte" }, accept: ["aGVsbG8=", ""], reject: ["a", "not base64!"], ajvWrong: { reject: ["AAAA\n!!!!", "!!!!\nAAAA", "AAAA\n"] } },
  // Not a JSON Schema or OpenAPI format; ajv-formats' web-URL regex refuses the dev and internal
  // addresses real APIs put in endpoint and upstream fields.
  {
    name: "url: any absolute URL with a host",
    schema: { type: "string", format: "url" },
    accept: ["https://example.com/a?b#c", "ftp://files.example.org", "https://example.com/päth😀"],
    reject: ["/relative", "example.com", "mailto:a@example.com", "http://", "http:///x", "http://a b/", "not a url"],
    ajvWrong: { accept: ["http://localhost:3000/x", "http://127.0.0.1/", "http://10.0.0.5:9000", "http://minio:9000/bucket", "http://[::1]:8080/", "s3://bucket/key", "redis://user:pw@cache:6379/0"] },
  },
  { name: "unknown formats assert nothing", schema: { type: "string", format: "x-unknown" }, accept: ["anything"], reject: [1] },
  { name: "string formats ignore other types", schema: { format: "email" }, accept: [5, null, "a@b.co"], reject: ["nope"] },
  // numbers
  { name: "integer is any whole number (2^60 too)", schema: { type: "integer" }, accept: [0, -3, 2 ** 60, 1e20, 1.0], reject: [1.5, "1", null] },
  { name: "int64 stays a JSON number", schema: { type: "integer", format: "int64" }, accept: [2 ** 60, -5], reject: ["5", 1.5] },
  { name: "int32 range", schema: { type: "integer", format: "int32" }, accept: [2147483647, -2147483648], reject: [2147483648, -2147483649] },
  { name: "number bounds inclusive", schema: { type: "number", minimum: 1, maximum: 2 }, accept: [1, 2, 1.5], reject: [0.99, 2.01] },
  { name: "number bounds exclusive (3.1 numeric form)", schema: { type: "number", exclusiveMinimum: 1, exclusiveMaximum: 2 }, accept: [1.5], reject: [1, 2] },
  { name: "multipleOf", schema: { type: "number", multipleOf: 0.5 }, accept: [1, 1.5, -2, 0], reject: [1.2, 0.25] },
  // Decided on the decimal values: Ajv's float quotient (0.3 / 0.1 = 2.9999999999999996) rejects these.
  { name: "multipleOf 0.1 is exact", schema: { type: "number", multipleOf: 0.1 }, accept: [0.2, 0.5, -7], reject: [0.25, 0.01], ajvWrong: { accept: [0.3, 0.7, 2.3] } },
  { name: "multipleOf 0.01 (money)", schema: { type: "number", multipleOf: 0.01 }, accept: [0.05, 12.5, 100], reject: [0.001, 1.005], ajvWrong: { accept: [0.07, 4.35, 19.99] } },
  { name: "multipleOf 0.25 and 1e-7", schema: { allOf: [{ type: "number", multipleOf: 0.25 }, { multipleOf: 1e-7 }] }, accept: [0.75, 1e9 + 0.25], reject: [0.3] },
  // Ajv reads the quotient 1e21 with parseInt("1e+21") = 1.
  { name: "multipleOf with a quotient past 1e21", schema: { type: "number", multipleOf: 3 }, accept: [9, 3e20], reject: [3e21 + 1e6, 10], ajvWrong: { accept: [3e21, 6e300], reject: [1e20] } },
  // null / enum / const
  { name: "type list with null", schema: { type: ["string", "null"], minLength: 1 }, accept: ["a", null], reject: ["", 1] },
  { name: "enum of mixed types, null, objects", schema: { enum: [1, "a", null, true, { a: 1, b: [2] }, [1, 2]] }, accept: [1, "a", null, true, { b: [2], a: 1 }, [1, 2]], reject: ["1", false, { a: 1 }, [2, 1], 2] },
  { name: "enum filtered by type", schema: { type: "string", enum: ["a", 1, null] }, accept: ["a"], reject: [1, null, "b"] },
  { name: "const object (deep equality)", schema: { const: { a: [1, { b: 2 }] } }, accept: [{ a: [1, { b: 2 }] }], reject: [{ a: [1, { b: 3 }] }, { a: [1, { b: 2 }], c: 1 }] },
  { name: "const null", schema: { const: null }, accept: [null], reject: [0, "", false] },
  { name: "boolean schemas", schema: { type: "object", properties: { no: false, yes: true } }, accept: [{}, { yes: [1] }], reject: [{ no: 1 }] },
  // objects
  { name: "unknown keys allowed by default", schema: { type: "object", properties: { a: { type: "string" } } }, accept: [{ a: "x", extra: 1 }, {}], reject: [{ a: 1 }, [], "x"] },
  { name: "additionalProperties: false", schema: { type: "object", properties: { a: { type: "string" } }, additionalProperties: false }, accept: [{ a: "x" }, {}], reject: [{ a: "x", b: 1 }, j('{"__proto__": 1}'), { constructor: 1 }] },
  { name: "additionalProperties schema", schema: { type: "object", properties: { a: { type: "string" } }, additionalProperties: { type: "integer" } }, accept: [{ a: "x", b: 1 }], reject: [{ a: "x", b: "y" }, j('{"__proto__": "y"}')] },
  {
    name: "patternProperties with additionalProperties: false",
    schema: { type: "object", patternProperties: { "^x-": { type: "string" } }, additionalProperties: false },
    accept: [{ "x-a": "s" }, {}],
    reject: [{ "x-a": 1 }, { y: "s" }],
  },
  { name: "required names without a property schema", schema: { type: "object", required: ["id"] }, accept: [{ id: null }], reject: [{}] },
  { name: "required despite a default", schema: { type: "object", properties: { a: { type: "string", default: "x" } }, required: ["a"] }, accept: [{ a: "y" }], reject: [{}] },
  { name: "required with additionalProperties: false and no schema", schema: { type: "object", required: ["id"], additionalProperties: false }, reject: [{}, { id: 1 }] },
  {
    name: "inherited names are ordinary properties",
    schema: { type: "object", properties: { constructor: { type: "string" }, toString: { type: "string" } }, required: ["toString"] },
    accept: [{ toString: "x" }, { toString: "x", constructor: "y" }],
    reject: [{}, { toString: "x", constructor: 1 }],
  },
  { name: "untyped object keywords ignore other types", schema: { properties: { a: { type: "string" } }, required: ["a"] }, accept: [5, "x", null, [], { a: "x" }], reject: [{}, { a: 1 }] },
  { name: "propertyNames / min / maxProperties", schema: { type: "object", propertyNames: { maxLength: 3 }, minProperties: 1, maxProperties: 2 }, accept: [{ abc: 1 }], reject: [{}, { abcd: 1 }, { a: 1, b: 2, c: 3 }] },
  { name: "dependentRequired", schema: { type: "object", dependentRequired: { card: ["cvc"] } }, accept: [{}, { card: 1, cvc: 2 }], reject: [{ card: 1 }] },
  // arrays
  { name: "array bounds and items", schema: { type: "array", items: { type: "integer" }, minItems: 1, maxItems: 2 }, accept: [[1], [1, 2]], reject: [[], [1, 2, 3], ["a"], {}] },
  { name: "uniqueItems uses deep equality", schema: { type: "array", uniqueItems: true }, accept: [[1, "1", { a: 1 }, { a: 2 }]], reject: [[{ a: 1, b: 2 }, { b: 2, a: 1 }], [1, 1]] },
  {
    name: "prefixItems (shorter arrays are fine; items: false closes)",
    schema: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false },
    accept: [[], ["a"], ["a", 1]],
    reject: [[1], ["a", 1, 2]],
  },
  { name: "prefixItems then items", schema: { type: "array", prefixItems: [{ type: "string" }], items: { type: "boolean" } }, accept: [["a", true, false]], reject: [["a", 1]] },
  { name: "contains / minContains / maxContains", schema: { type: "array", contains: { type: "string" }, minContains: 2, maxContains: 3 }, accept: [["a", "b", 1]], reject: [["a", 1], ["a", "b", "c", "d"]] },
  // composition
  {
    name: "allOf merges properties",
    schema: { allOf: [{ type: "object", properties: { a: { type: "string" } } }, { properties: { b: { type: "integer" } }, required: ["b"] }] },
    accept: [{ a: "x", b: 1, c: true }],
    reject: [{ a: "x" }, { a: 1, b: 1 }, "x"],
  },
  {
    name: "allOf with a closed member rejects the other's keys (JSON Schema, not zod intersection)",
    schema: { allOf: [ref("Closed"), { properties: { b: { type: "string" } } }] },
    extra: { Closed: { type: "object", properties: { a: { type: "string" } }, additionalProperties: false } },
    accept: [{ a: "x" }],
    reject: [{ a: "x", b: "y" }],
  },
  { name: "oneOf: exactly one (overlapping branches)", schema: { oneOf: [{ type: "integer" }, { type: "number" }] }, accept: [1.5], reject: [1, "x"] },
  {
    name: "oneOf of objects told apart by required",
    schema: { type: "object", oneOf: [{ required: ["a"] }, { required: ["b"] }] },
    accept: [{ a: 1 }, { b: 1 }],
    reject: [{ a: 1, b: 1 }, {}],
  },
  { name: "anyOf: at least one", schema: { anyOf: [{ type: "integer" }, { type: "number" }] }, accept: [1, 1.5], reject: ["x"] },
  { name: "empty-object branch accepts objects only", schema: { anyOf: [{ type: "object" }, { type: "string", maxLength: 1 }] }, accept: [{ x: 1 }, "a"], reject: ["ab", 1] },
  {
    name: "discriminator with mapping (literal values)",
    schema: { oneOf: [ref("Cat"), ref("Dog")], discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" } } },
    extra: {
      Cat: { type: "object", required: ["kind"], properties: { kind: { const: "cat" }, meow: { type: "boolean" } } },
      Dog: { type: "object", required: ["kind"], properties: { kind: { enum: ["dog"] }, bark: { type: "boolean" } } },
    },
    accept: [{ kind: "cat", meow: true }, { kind: "dog" }],
    reject: [{ kind: "cow" }, { kind: "cat", meow: 1 }, {}, "cat"],
  },
  {
    name: "discriminator without literal values: the implicit mapping (schema names) selects, other values get oneOf",
    schema: { oneOf: [ref("A"), ref("B")], discriminator: { propertyName: "t" } },
    extra: {
      A: { type: "object", required: ["t", "a"], properties: { t: { type: "string" }, a: { type: "string" } } },
      B: { type: "object", required: ["t", "b"], properties: { t: { type: "string" }, b: { type: "string" } } },
    },
    accept: [{ t: "A", a: "x" }, { t: "whatever", b: "y" }],
    reject: [{ t: "A" }, { t: "whatever", a: "x", b: "y" }],
    ajvWrong: { accept: [{ t: "A", a: "x", b: "y" }], reject: [{ t: "A", b: "y" }, { t: "B", a: "x" }] },
  },
  // OpenAPI's own example (and ory kratos' updateLoginFlowWith*Method): every member extends the
  // base, so each matches its siblings' payloads and the plain oneOf rejects all of them.
  {
    name: "discriminator mapping selects the branch (members allOf one base)",
    schema: { oneOf: [ref("MCat"), ref("MDog")], discriminator: { propertyName: "petType", mapping: { cat: "#/components/schemas/MCat", dog: "#/components/schemas/MDog" } } },
    extra: {
      MPet: { type: "object", required: ["petType"], properties: { petType: { type: "string" }, name: { type: "string" } } },
      MCat: { allOf: [ref("MPet"), { type: "object", properties: { meow: { type: "boolean" } } }] },
      MDog: { allOf: [ref("MPet"), { type: "object", properties: { bark: { type: "boolean" } } }] },
    },
    accept: [],
    reject: [{ name: "x" }, { petType: 1 }, { petType: "cow" }, "cat"],
    ajvWrong: {
      accept: [{ petType: "cat", name: "x" }, { petType: "cat", meow: true }, { petType: "dog", bark: true }, { petType: "cat", bark: true }],
      // The mapped branch alone decides: a sibling matching does not excuse it.
      reject: [{ petType: "cat", meow: 1 }, { petType: "dog", bark: "x" }],
    },
  },
  {
    name: "discriminator mapping by bare schema name (OAS allows it)",
    schema: { oneOf: [ref("BCircle"), ref("BSquare")], discriminator: { propertyName: "kind", mapping: { circle: "BCircle", square: "#/components/schemas/BSquare" } } },
    extra: {
      BShape: { type: "object", required: ["kind"], properties: { kind: { type: "string" } } },
      BCircle: { allOf: [ref("BShape"), { properties: { r: { type: "number" } } }] },
      BSquare: { allOf: [ref("BShape"), { properties: { side: { type: "number" } } }] },
    },
    reject: [{ kind: "BCircle", r: 1 }],
    ajvWrong: { accept: [{ kind: "circle", r: 1 }, { kind: "square", side: 2 }], reject: [{ kind: "circle", r: "1" }, { kind: "square", side: "1" }] },
  },
  {
    name: "discriminator mapping on anyOf: JSON Schema's anyOf decides",
    schema: { anyOf: [ref("MCat"), ref("MDog")], discriminator: { propertyName: "petType", mapping: { cat: "#/components/schemas/MCat", dog: "#/components/schemas/MDog" } } },
    accept: [{ petType: "cat", meow: true }, { petType: "cat", bark: true }],
    reject: [{ petType: "cat", meow: 1, bark: 1 }],
  },
  { name: "not", schema: { type: "object", not: { required: ["a", "b"] } }, accept: [{ a: 1 }, {}], reject: [{ a: 1, b: 2 }] },
  { name: "not (type)", schema: { not: { type: "string" } }, accept: [1, null, {}], reject: ["x"] },
  // recursion
  {
    name: "recursive tree",
    schema: ref("Node"),
    extra: { Node: { type: "object", required: ["v"], properties: { v: { type: "integer" }, children: { type: "array", items: ref("Node") } } } },
    accept: [{ v: 1, children: [{ v: 2, children: [{ v: 3 }] }] }],
    reject: [{ v: 1, children: [{ v: 2, children: [{ v: "x" }] }] }],
  },
  {
    name: "mutual recursion",
    schema: ref("Ping"),
    extra: { Ping: { type: "object", properties: { pong: ref("Pong") } }, Pong: { type: "object", properties: { ping: ref("Ping"), n: { type: "number" } } } },
    accept: [{ pong: { ping: { pong: { n: 1 } } } }],
    reject: [{ pong: { ping: { pong: { n: "1" } } } }],
  },
  { name: "$ref with siblings (3.1)", schema: { $ref: "#/components/schemas/Str", maxLength: 2 }, extra: { Str: { type: "string" } }, accept: ["ab"], reject: ["abc", 1] },
  // 2020-12 applicators (rewritten by the model into keywords every emitter implements, see ir/applicators-2020.ts)
  {
    name: "if/then/else",
    schema: { type: "object", if: { properties: { kind: { const: "a" } }, required: ["kind"] }, then: { required: ["a"] }, else: { required: ["b"] } },
    accept: [{ kind: "a", a: 1 }, { kind: "x", b: 1 }, { b: 1 }],
    reject: [{ kind: "a", b: 1 }, { kind: "x", a: 1 }, {}],
  },
  { name: "if/then without else", schema: { if: { type: "string" }, then: { minLength: 2 } }, accept: ["ab", 1, null], reject: ["a"] },
  {
    name: "dependentSchemas",
    schema: { type: "object", dependentSchemas: { card: { required: ["billing"], properties: { billing: { type: "string" } } } } },
    accept: [{}, { billing: 1 }, { card: 1, billing: "x" }],
    reject: [{ card: 1 }, { card: 1, billing: 2 }],
  },
  { name: "dependentSchemas ignores non-objects", schema: { dependentSchemas: { a: false } }, accept: ["a", 1, [1], { b: 1 }], reject: [{ a: 1 }] },
  {
    name: "unevaluatedProperties: false sees allOf members and $ref targets (a: 'x', b: 1 against properties {a})",
    schema: { allOf: [ref("UpBase")], properties: { c: { type: "integer" } }, patternProperties: { "^x-": true }, unevaluatedProperties: false },
    extra: { UpBase: { type: "object", properties: { a: { type: "string" } } } },
    accept: [{ a: "x" }, { a: "x", c: 1, "x-y": 2 }, {}],
    reject: [{ a: "x", b: 1 }, { d: null }],
  },
  {
    name: "unevaluatedProperties: false counts the oneOf branch that matches",
    schema: {
      type: "object",
      properties: { kind: { type: "string" } },
      oneOf: [
        { properties: { kind: { const: "cat" }, meow: { type: "boolean" } }, required: ["kind"] },
        { properties: { kind: { const: "dog" }, bark: { type: "boolean" } }, required: ["kind"] },
      ],
      unevaluatedProperties: false,
    },
    accept: [{ kind: "cat", meow: true }, { kind: "dog", bark: false }, { kind: "dog" }],
    reject: [{ kind: "cat", bark: true }, { kind: "dog", meow: true, bark: true }, { kind: "cat", other: 1 }],
  },
  {
    name: "unevaluatedProperties: false counts every anyOf branch that matches",
    schema: { anyOf: [{ properties: { a: { type: "integer" } } }, { properties: { b: { type: "integer" } } }], unevaluatedProperties: false },
    accept: [{ a: 1, b: 2 }, { a: 1 }, {}],
    reject: [{ a: 1, c: 3 }],
  },
  { name: "unevaluatedProperties as a schema, alone", schema: { type: "object", unevaluatedProperties: { type: "integer" } }, accept: [{ a: 1 }, {}], reject: [{ a: "x" }] },
  {
    name: "unevaluatedItems: false after prefixItems",
    schema: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], unevaluatedItems: false },
    accept: [["a", 1], ["a"], []],
    reject: [["a", 1, 2], ["a", "b"]],
  },
  {
    name: "unevaluatedItems: false counts allOf prefixes; with contains every item counts (as Ajv evaluates)",
    schema: { anyOf: [{ allOf: [{ prefixItems: [{ type: "string" }] }], unevaluatedItems: false }, { contains: { type: "integer" }, unevaluatedItems: false, maxItems: 1 }] },
    accept: [["a"], [1], []],
    reject: [["a", 1], ["a", "b"], [1, 2]],
  },
  { name: "unevaluatedItems as a schema", schema: { type: "array", prefixItems: [{ type: "string" }], unevaluatedItems: { type: "integer" } }, accept: [["a", 1, 2], ["a"]], reject: [["a", "b"]] },
];

export const CASES_30: Case[] = [
  { name: "nullable type", schema: { type: "string", nullable: true }, accept: ["a", null], reject: [1] },
  { name: "nullable enum allows null", schema: { type: "string", enum: ["a", "b"], nullable: true }, accept: ["a", null], reject: ["c"] },
  { name: "nullable allOf $ref", schema: { nullable: true, allOf: [ref("Obj")] }, extra: { Obj: { type: "object", required: ["a"] } }, accept: [null, { a: 1 }], reject: [{}] },
  { name: "nullable $ref", schema: { $ref: "#/components/schemas/Obj2", nullable: true }, extra: { Obj2: { type: "object", required: ["a"] } }, accept: [null, { a: 1 }], reject: [{}, 1] },
  { name: "$ref siblings are ignored (3.0)", schema: { $ref: "#/components/schemas/Str3", maxLength: 1 }, extra: { Str3: { type: "string" } }, accept: ["abc"], reject: [1] },
  { name: "$ref siblings are ignored next to nullable: false (3.0)", schema: { $ref: "#/components/schemas/Str4", nullable: false, maxLength: 1 }, extra: { Str4: { type: "string" } }, accept: ["abc"], reject: [null, 1] },
  { name: "$ref siblings other than nullable are ignored (3.0)", schema: { $ref: "#/components/schemas/Str5", nullable: true, maxLength: 1 }, extra: { Str5: { type: "string" } }, accept: ["abc", null], reject: [1] },
  { name: "boolean exclusiveMinimum", schema: { type: "number", minimum: 1, exclusiveMinimum: true, maximum: 2, exclusiveMaximum: false }, accept: [1.5, 2], reject: [1, 2.5] },
  { name: "readOnly/writeOnly are annotations in components", schema: { type: "object", required: ["id", "pw"], properties: { id: { type: "string", readOnly: true }, pw: { type: "string", writeOnly: true } } }, accept: [{ id: "a", pw: "b" }], reject: [{ id: "a" }, { pw: "b" }] },
  { name: "draft-04 style tuple items", schema: { type: "array", items: [{ type: "string" }, { type: "number" }] } as unknown, accept: [["a", 1], ["a"]], reject: [[1]] },
];
