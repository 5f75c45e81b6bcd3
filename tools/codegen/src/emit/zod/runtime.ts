import { FORMATS, FORMAT_SUPPORT } from "./formats.js";

/**
 * Helpers emitted at the top of `zod.gen.ts` (only those used). Generated schemas are built
 * through them rather than through zod's fluent API so that the type checker only ever sees one
 * type, `$Z`: relating each concrete zod class to `ZodType` costs tsc about 40 ms per schema,
 * which made GitHub's module take 40 s to check. At runtime they are plain zod schemas.
 *
 * Names start with `$` (no identifier derived from a spec name can) and the helpers mention no
 * global type by name (a component called `Record` or `RegExp` would shadow it).
 */
interface Helper {
  code: string;
  deps?: string[];
}

const H: Record<string, Helper> = {
  $Z: {
    code: `/**
 * A zod schema inside this module. Typed \`unknown\` on purpose: tsc then never instantiates zod's
 * types per schema (the exported constants carry the real \`z.ZodType<T>\` types).
 */
type $Z = unknown;
type $Re = { test(s: string): boolean; source: string; lastIndex: number };
type $Key = string | number | symbol;
const $z = (s: unknown): $Z => s as $Z;
/** Shared subschemas (\`$cN()\`), built on first use. */
const $m: $Z[] = [];
/** Inside the helpers zod's API is used untyped (\`any\`): its generic types cost tsc seconds. */
const $t = (s: $Z): any => s;`,
  },
  $schema: {
    deps: ["$Z"],
    code: `/**
 * Wraps every exported schema: a validator never throws, whatever the input (a stack overflow on
 * absurdly deep input becomes an issue). Its static type is the generated TypeScript type.
 */
function $schema<T>(schema: $Z): z.ZodType<T> {
  const inner = $t(schema);
  const outer = z.lazy(() => inner);
  const run: z.ZodType["_zod"]["run"] = (payload, ctx) => {
    try {
      return inner._zod.run(payload, ctx);
    } catch {
      payload.issues.push({ code: "custom", message: "Input too deeply nested or not validatable", input: payload.value, path: [] });
      return payload;
    }
  };
  outer._zod.parse = run;
  outer._zod.run = run;
  return outer as unknown as z.ZodType<T>;
}`,
  },
  $any: { deps: ["$Z"], code: `const $any = $z(z.unknown());` },
  $never: { deps: ["$Z"], code: `const $never = $z(z.never());` },
  $bool: { deps: ["$Z"], code: `const $bool = $z(z.boolean());` },
  $null: { deps: ["$Z"], code: `const $null = $z(z.null());` },
  $str: { deps: ["$Z"], code: `const $str = $z(z.string());` },
  $num: { deps: ["$Z"], code: `const $num = $z(z.number());` },
  $arr: { deps: ["$Z"], code: `const $arr = $z(z.array(z.unknown()));` },
  $rec: { deps: ["$Z"], code: `const $rec = $z(z.looseObject({}));` },
  $undefined: { deps: ["$Z"], code: `const $undefined = $z(z.undefined());` },
  $opt: { deps: ["$Z"], code: `const $opt = (s: $Z): $Z => $t(s).optional();` },
  $nullable: { deps: ["$Z"], code: `const $nullable = (s: $Z): $Z => $z($t(s).nullable());` },
  $lazy: { deps: ["$Z"], code: `const $lazy = (get: () => $Z): $Z => $z(z.lazy(() => $t(get())));` },
  $union: { deps: ["$Z"], code: `/** anyOf: at least one branch. */\nconst $union = (...options: $Z[]): $Z => $z(z.union(options.map($t)));` },
  $xor: { deps: ["$Z"], code: `/** oneOf: exactly one branch (zod counts the matches). */\nconst $xor = (...options: $Z[]): $Z => $z(z.xor(options.map($t)));` },
  $custom: {
    deps: ["$Z"],
    code: `type $Issue = { path?: $Key[] };
/**
 * A zod schema whose parse is \`check\`: it returns the issues of the raw input (which passes
 * through unchanged). Sub-schemas run with the same parse context (\`$run\`).
 */
const $custom = (check: (value: unknown, ctx: unknown) => $Issue[]): $Z => {
  const s = $t(z.lazy(() => z.never()));
  const run = (payload: { value: unknown; issues: unknown[] }, ctx: unknown) => {
    for (const issue of check(payload.value, ctx)) payload.issues.push(issue);
    return payload;
  };
  s._zod.parse = run;
  s._zod.run = run;
  return s;
};
/** The issues of \`s\` on \`value\`, with \`prefix\` prepended to their paths. */
const $run = (s: $Z, value: unknown, ctx: unknown, prefix: $Key[] = []): $Issue[] => {
  const issues: $Issue[] = $t(s)._zod.run({ value, issues: [] }, ctx).issues;
  return prefix.length ? issues.map((i) => ({ ...i, path: [...prefix, ...(i.path ?? [])] })) : issues;
};`,
  },
  $and: {
    deps: ["$custom"],
    code: `/**
 * allOf: every part must accept the input (JSON Schema conjunction). Not z.intersection: that
 * lets one side's known keys excuse the other's additionalProperties: false, and throws when
 * the two outputs cannot be merged.
 */
const $and = (...parts: $Z[]): $Z => $custom((v, ctx) => parts.flatMap((p) => $run(p, v, ctx)));`,
  },
  $object: {
    deps: ["$Z"],
    code: `/**
 * type: object with \`properties\` (\`required\` lists the names that must be present). Unknown keys
 * are kept (loose), or rejected when \`strict\` (additionalProperties: false); never stripped.
 */
const $object = (properties: { [k: string]: $Z }, required: string[], strict?: true): $Z => {
  const shape: { [k: string]: any } = {};
  const must = new Set(required);
  for (const k of Object.keys(properties)) {
    const value = must.has(k) ? properties[k] : $t(properties[k]).optional();
    Object.defineProperty(shape, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return strict ? (z as any).strictObject(shape) : (z as any).looseObject(shape);
};`,
  },
  $enum: {
    deps: ["$Z"],
    code: `/** enum/const of primitive members (compared with ===, JSON equality for primitives). */
const $enum = (values: (string | number | boolean | null)[]): $Z => {
  if (values.length !== 1) return $z(z.literal(values));
  if (values[0] === null) return $z(z.null());
  return $z(z.literal(values[0]!));
};`,
  },
  $isObj: {
    code: `const $isObj = (v: unknown): v is { [k: string]: unknown } => typeof v === "object" && v !== null && !Array.isArray(v);`,
  },
  $has: { code: `const $has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);` },
  $len: {
    code: `/** Length in Unicode code points (a surrogate pair counts once), as JSON Schema and Ajv count it. */
const $len = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; n++) {
    const c = s.charCodeAt(i++);
    if (c >= 0xd800 && c <= 0xdbff && i < s.length && (s.charCodeAt(i) & 0xfc00) === 0xdc00) i++;
  }
  return n;
};`,
  },
  $string: {
    deps: ["$Z", "$len"],
    code: `/** type: string. Lengths in code points; \`pattern\` unanchored with the u flag (as Ajv); \`format\` as ajv-formats. */
const $string = (o: { minLength?: number; maxLength?: number; pattern?: $Re; format?: [(s: string) => boolean, string] }): $Z => {
  let s: any = z.string();
  const { minLength: min, maxLength: max, pattern: re, format: f } = o;
  if (min !== undefined) s = s.refine((v: string) => v.length >= min && (v.length >= 2 * min || $len(v) >= min), \`Too short: expected at least \${min} characters\`);
  if (max !== undefined) s = s.refine((v: string) => v.length <= max || $len(v) <= max, \`Too long: expected at most \${max} characters\`);
  if (re) s = s.refine((v: string) => {
    re.lastIndex = 0;
    return re.test(v);
  }, \`Must match the pattern /\${re.source}/\`);
  if (f) s = s.refine(f[0], \`Invalid \${f[1]}\`);
  return s;
};`,
  },
  $number: {
    deps: ["$Z"],
    code: `/**
 * type: number/integer. JSON Schema's integer is any number without a fraction (2^60 too, so not
 * zod's safe-integer int()); int64 stays a number; multipleOf uses Ajv's quotient test.
 */
const $number = (o: { integer?: true; minimum?: number; exclusiveMinimum?: number; maximum?: number; exclusiveMaximum?: number; multipleOf?: number; format?: [(v: number) => boolean, string] }): $Z => {
  let s: any = z.number();
  if (o.integer) s = s.refine((v: number) => Number.isInteger(v), "Expected an integer");
  if (o.minimum !== undefined) s = s.gte(o.minimum);
  if (o.exclusiveMinimum !== undefined) s = s.gt(o.exclusiveMinimum);
  if (o.maximum !== undefined) s = s.lte(o.maximum);
  if (o.exclusiveMaximum !== undefined) s = s.lt(o.exclusiveMaximum);
  const m = o.multipleOf;
  if (m !== undefined) s = s.refine((v: number) => {
    const q = v / m;
    return q === parseInt(String(q));
  }, \`Expected a multiple of \${m}\`);
  if (o.format) s = s.refine(o.format[0], \`Invalid \${o.format[1]}\`);
  return s;
};`,
  },
  $eq: {
    code: `/** Structural equality of JSON values (object key order does not matter). */
const $eq = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!$eq(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !$eq((a as { [k: string]: unknown })[k], (b as { [k: string]: unknown })[k])) return false;
  return true;
};`,
  },
  $arrayChecks: {
    deps: ["$Z", "$eq"],
    code: `type $ArrayOpts = { minItems?: number; maxItems?: number; uniqueItems?: true; contains?: [$Z, number, number] };
const $arrayChecks = (s: any, o: $ArrayOpts): $Z => {
  const { minItems: min, maxItems: max, contains: c } = o;
  if (min !== undefined) s = s.refine((a: unknown[]) => a.length >= min, \`Too few items: expected at least \${min}\`);
  if (max !== undefined) s = s.refine((a: unknown[]) => a.length <= max, \`Too many items: expected at most \${max}\`);
  if (o.uniqueItems) s = s.refine((a: unknown[]) => {
    try {
      for (let i = a.length; i--; ) for (let j = i; j--; ) if ($eq(a[i], a[j])) return false;
      return true;
    } catch {
      return false;
    }
  }, "Items must be unique (deep equality)");
  if (c) s = s.refine((a: unknown[]) => {
    let n = 0;
    const inner = $t(c[0]);
    for (const x of a) if (inner.validate(x)) n++;
    return n >= c[1] && n <= c[2];
  }, \`Expected \${c[1]} to \${c[2]} items matching "contains"\`);
  return s;
};`,
  },
  $array: {
    deps: ["$arrayChecks"],
    code: `/** type: array with \`items\`. */
const $array = (items: $Z, o: $ArrayOpts = {}): $Z => $arrayChecks(z.array($t(items)), o);`,
  },
  $tuple: {
    deps: ["$arrayChecks"],
    code: `/** prefixItems: a shorter array is fine (each element optional); then \`rest\` (false = no more items). */
const $tuple = (prefix: $Z[], rest: $Z | false, o: $ArrayOpts = {}): $Z => {
  const items = prefix.map((p) => $t(p).optional());
  const tuple: any = z.tuple;
  return $arrayChecks(rest === false ? tuple(items) : tuple(items, $t(rest)), o);
};`,
  },
  $in: {
    deps: ["$Z", "$eq"],
    code: `/** enum/const with object or array members: deep equality, as JSON Schema says. */
const $in = (values: unknown[]): $Z => $z(z.unknown().refine((v) => {
  try {
    return values.some((x) => $eq(x, v));
  } catch {
    return false;
  }
}, "Invalid enum value"));`,
  },
  $kinds: {
    deps: ["$Z"],
    code: `/** Accepts values of the given JSON types only (what an untyped schema leaves unconstrained). */
const $kinds = (kinds: string[]): $Z => $z(z.unknown().refine((v) => {
  const t = v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
  return kinds.includes(t);
}, \`Expected one of: \${kinds.join(", ")}\`));`,
  },
  $not: {
    deps: ["$Z"],
    code: `/** not: the value must fail \`s\`. */
const $not = (s: $Z): $Z => {
  const inner = $t(s);
  return $z(z.unknown().refine((v) => v !== undefined && !inner.validate(v), 'Must not match the "not" schema'));
};`,
  },
  $obj: {
    deps: ["$custom", "$isObj", "$has"],
    code: `interface $ObjSpec {
  /** Names declared in \`properties\` (not additional). */
  known?: string[];
  /** Required names checked here (those the shape cannot hold). */
  required?: string[];
  /** Declared properties checked as own properties (names such as \`constructor\`). */
  own?: { [k: string]: $Z };
  patterns?: [$Re, $Z][];
  /** false: no other key allowed; a schema: every other value must match it. */
  additional?: $Z | false;
  names?: $Z;
  min?: number;
  max?: number;
  dependentRequired?: [string, string[]][];
}
/**
 * The object keywords zod's object cannot state exactly (patternProperties, additionalProperties
 * next to them or as a schema, propertyNames, min/maxProperties, dependentRequired, inherited
 * names like \`constructor\`): checked on the raw input's own keys, then \`shape\` runs.
 */
const $obj = (spec: $ObjSpec, shape: $Z): $Z => {
  const known = new Set(spec.known ?? []);
  const issue = (message: string, input: unknown, path: $Key[]) => ({ code: "custom", message, input, path });
  return $custom((o, ctx) => {
    if (!$isObj(o)) return $run(shape, o, ctx);
    const out: $Issue[] = [];
    for (const k of spec.required ?? []) if (!$has(o, k)) out.push(issue(\`Missing required property \${JSON.stringify(k)}\`, o, [k]));
    const own = spec.own ?? {};
    for (const k of Object.keys(own)) if ($has(o, k)) out.push(...$run(own[k]!, o[k], ctx, [k]));
    const keys = Object.keys(o);
    if (spec.min !== undefined && keys.length < spec.min) out.push(issue(\`Expected at least \${spec.min} properties\`, o, []));
    if (spec.max !== undefined && keys.length > spec.max) out.push(issue(\`Expected at most \${spec.max} properties\`, o, []));
    for (const [k, needs] of spec.dependentRequired ?? []) {
      if ($has(o, k)) for (const n of needs) if (!$has(o, n)) out.push(issue(\`Property \${JSON.stringify(n)} is required with \${JSON.stringify(k)}\`, o, [n]));
    }
    for (const k of keys) {
      if (spec.names) out.push(...$run(spec.names, k, ctx, [k]));
      let matched = known.has(k);
      for (const [re, s] of spec.patterns ?? []) {
        re.lastIndex = 0;
        if (!re.test(k)) continue;
        matched = true;
        out.push(...$run(s, o[k], ctx, [k]));
      }
      if (matched || spec.additional === undefined) continue;
      if (spec.additional === false) out.push(issue(\`Unrecognized key \${JSON.stringify(k)}\`, o, [k]));
      else out.push(...$run(spec.additional, o[k], ctx, [k]));
    }
    return [...out, ...$run(shape, o, ctx)];
  });
};`,
  },
  $disc: {
    deps: ["$custom", "$isObj", "$has"],
    code: `/**
 * oneOf (\`exclusive\`) or anyOf dispatched on a property: a case is \`[values, schema]\` (the
 * branch requires \`prop\` to be one of \`values\`), \`[values, schema, true]\` (\`prop\` optional) or
 * \`[null, schema]\` (any value). Only branches that allow the instance's value (or its absence)
 * can match, so only those are tried: same result as trying all, clearer errors.
 */
const $disc = (prop: string, exclusive: boolean, ...cases: [unknown[] | null, $Z, true?][]): $Z => {
  const entries = cases.map(([values, schema, optional]) => ({ values: values && new Set(values), schema, required: values !== null && !optional }));
  const allowed = [...new Set(cases.flatMap(([v]) => v ?? []))].map((v) => JSON.stringify(v)).join(", ");
  return $custom((o, ctx) => {
    const present = $isObj(o) && $has(o, prop);
    const value = present ? (o as { [k: string]: unknown })[prop] : undefined;
    const candidates = $isObj(o) ? entries.filter((e) => (present ? !e.values || e.values.has(value) : !e.required)) : [];
    if (candidates.length === 0) {
      const message = $isObj(o) ? \`Expected \${JSON.stringify(prop)} to be one of \${allowed}\` : "Expected an object";
      return [{ code: "custom", message, input: o, path: $isObj(o) ? [prop] : [] } as $Issue];
    }
    if (candidates.length === 1) return $run(candidates[0]!.schema, o, ctx);
    let matches = 0;
    let first: $Issue[] | undefined;
    for (const c of candidates) {
      const issues = $run(c.schema, o, ctx);
      if (issues.length === 0) {
        matches++;
        if (!exclusive) return [];
      } else first ??= issues;
    }
    if (matches === 1) return [];
    if (matches > 1) return [{ code: "custom", message: \`Matches \${matches} oneOf branches; exactly one must match\`, input: o, path: [] } as $Issue];
    return first ?? [];
  });
};`,
  },
};

/** Helper names a piece of generated code mentions. */
export function helpersIn(code: string): Set<string> {
  return new Set(code.match(/\$[A-Za-z_]\w*/g) ?? []);
}

/** Source of the requested helpers and of everything they depend on, in a stable order. */
export function helperSource(used: Iterable<string>): string {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const def = H[name] ?? FORMAT_SUPPORT[name] ?? findFormat(name);
    if (!def) throw new Error(`zod emitter: unknown helper ${name}`);
    for (const d of def.deps ?? []) visit(d);
    order.push(...(def.code === undefined ? [] : Array.isArray(def.code) ? def.code : [def.code]));
  };
  visit("$Z");
  for (const name of [...used].sort()) if (H[name] || FORMAT_SUPPORT[name] || findFormat(name)) visit(name);
  return order.join("\n");
}

function findFormat(helper: string): { code?: string[]; deps?: string[] } | undefined {
  return Object.values(FORMATS).find((f) => f.helper === helper && f.code);
}
