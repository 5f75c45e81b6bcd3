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
type $Payload = { value: unknown; issues: unknown[] };
const $z = (s: unknown): $Z => s as $Z;
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
  $and: {
    deps: ["$Z"],
    code: `/** allOf: every part; nothing transforms the input, so the intersection passes it through. */
const $and = (...parts: $Z[]): $Z => parts.reduce((a, b) => $z(z.intersection($t(a), $t(b))));`,
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
  for (const k of Object.keys(properties)) shape[k] = must.has(k) ? properties[k] : $t(properties[k]).optional();
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
  $sub: {
    deps: ["$Z"],
    code: `/** Validates \`v\` with \`s\` and reports its issues under \`path\`. */
const $sub = (ctx: $Payload, s: $Z, v: unknown, path: (string | number)[]): void => {
  const r = $t(s).safeParse(v);
  if (!r.success) for (const i of r.error.issues) ctx.issues.push({ ...i, input: v, path: [...path, ...i.path] });
};`,
  },
  $check: {
    deps: ["$Z"],
    code: `/** A schema that accepts any value passing \`ok\` (the input is returned unchanged). */
const $check = (ok: (v: unknown) => boolean, message: string): $Z => $z(z.unknown().refine(ok, message));`,
  },
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
  $array: {
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
};
/** type: array with \`items\`. */
const $array = (items: $Z, o: $ArrayOpts = {}): $Z => $arrayChecks(z.array($t(items)), o);
/** prefixItems: a shorter array is fine (each element optional); then \`rest\` (false = no more items). */
const $tuple = (prefix: $Z[], rest: $Z | false, o: $ArrayOpts = {}): $Z => {
  const items = prefix.map((p) => $t(p).optional());
  const tuple: any = z.tuple;
  return $arrayChecks(rest === false ? tuple(items) : tuple(items, rest), o);
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
    deps: ["$Z", "$isObj", "$has", "$sub"],
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
  const check = z.unknown().check((ctx: $Payload) => {
    const o = ctx.value;
    if (!$isObj(o)) return;
    for (const k of spec.required ?? []) if (!$has(o, k)) ctx.issues.push({ code: "custom", message: \`Missing required property \${JSON.stringify(k)}\`, input: o, path: [k] });
    const own = spec.own ?? {};
    for (const k of Object.keys(own)) if ($has(o, k)) $sub(ctx, own[k]!, o[k], [k]);
    const keys = Object.keys(o);
    if (spec.min !== undefined && keys.length < spec.min) ctx.issues.push({ code: "custom", message: \`Expected at least \${spec.min} properties\`, input: o, path: [] });
    if (spec.max !== undefined && keys.length > spec.max) ctx.issues.push({ code: "custom", message: \`Expected at most \${spec.max} properties\`, input: o, path: [] });
    for (const [k, needs] of spec.dependentRequired ?? []) {
      if ($has(o, k)) for (const n of needs) if (!$has(o, n)) ctx.issues.push({ code: "custom", message: \`Property \${JSON.stringify(n)} is required with \${JSON.stringify(k)}\`, input: o, path: [n] });
    }
    for (const k of keys) {
      if (spec.names) $sub(ctx, spec.names, k, [k]);
      let matched = known.has(k);
      for (const [re, s] of spec.patterns ?? []) {
        re.lastIndex = 0;
        if (!re.test(k)) continue;
        matched = true;
        $sub(ctx, s, o[k], [k]);
      }
      if (matched || spec.additional === undefined) continue;
      if (spec.additional === false) ctx.issues.push({ code: "custom", message: \`Unrecognized key \${JSON.stringify(k)}\`, input: o, path: [k] });
      else $sub(ctx, spec.additional, o[k], [k]);
    }
  });
  return $z(check.pipe($t(shape)));
};`,
  },
  $disc: {
    deps: ["$Z", "$isObj", "$has", "$sub"],
    code: `/**
 * oneOf/anyOf whose branches each require \`prop\` with literal values no other branch allows:
 * only the branch named by the value can match, so it alone is tried (same result, clearer errors).
 */
const $disc = (prop: string, ...cases: [unknown[], $Z][]): $Z => {
  const byValue = new Map<unknown, $Z>();
  for (const [values, s] of cases) for (const v of values) byValue.set(v, s);
  const allowed = [...byValue.keys()].map((v) => JSON.stringify(v)).join(", ");
  return $z(z.unknown().check((ctx: $Payload) => {
    const o = ctx.value;
    const s = $isObj(o) && $has(o, prop) ? byValue.get(o[prop]) : undefined;
    if (s) $sub(ctx, s, o, []);
    else ctx.issues.push({ code: "custom", message: \`Expected an object whose \${JSON.stringify(prop)} is one of \${allowed}\`, input: o, path: $isObj(o) ? [prop] : [] });
  }));
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
