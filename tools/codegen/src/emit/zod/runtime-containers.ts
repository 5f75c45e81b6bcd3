/** Emitted helpers: objects, arrays, tuples, property dispatch (see runtime.ts). */
import type { Helper } from "./runtime.js";

export const CONTAINERS: Record<string, Helper> = {
  $isObj: {
    code: `const $isObj = (v: unknown): v is { [k: string]: unknown } => typeof v === "object" && v !== null && !Array.isArray(v);`,
  },
  $has: { code: `const $has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);` },
  $object: {
    deps: ["$Z"],
    code: `/**
 * type: object with \`properties\` (\`required\` lists the names that must be present). Unknown keys
 * are kept (loose), or rejected when \`strict\` (additionalProperties: false); never stripped.
 */
const $object = (properties: { [k: string]: $Z }, required: string[], strict?: true): $Z => {
  const shape = $shape(properties, required);
  return strict ? (z as any).strictObject(shape) : (z as any).looseObject(shape);
};
/** A zod shape: \`required\` names as given, the others optional; own properties only (\`__proto__\` too). */
const $shape = (properties: { [k: string]: $Z }, required: string[]): { [k: string]: any } => {
  const shape: { [k: string]: any } = {};
  const must = new Set(required);
  for (const k of Object.keys(properties)) {
    const value = must.has(k) ? properties[k] : $t(properties[k]).optional();
    Object.defineProperty(shape, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return shape;
};`,
  },
  $prop: {
    deps: ["$Z"],
    code: `/** The schema of one property of a component exported as a zod object (\`.shape[name]\`). */
const $prop = (o: $Z, name: string): $Z => Object.prototype.hasOwnProperty.call($t(o).shape, name) ? $t(o).shape[name] : $z(z.unknown());`,
  },
  $extend: {
    deps: ["$Z", "$object"],
    code: `/**
 * allOf of loose objects whose properties do not overlap: the first object extended by the others'
 * shapes and the own properties. Exactly the conjunction (each part validates its own keys, unknown
 * keys are kept), built as zod users would write it.
 */
const $extend = (bases: $Z[], properties: { [k: string]: $Z }, required: string[]): $Z => {
  let o = $t(bases[0]);
  for (const b of bases.slice(1)) o = o.extend($t(b).shape);
  return o.extend($shape(properties, required));
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
  $mapped: {
    deps: ["$custom", "$isObj", "$has"],
    code: `/**
 * oneOf with an OpenAPI discriminator mapping (explicit entries, and a branch's schema name where
 * none maps it): a value the mapping names selects its branch alone, since the branches may all
 * match each other's payloads (\`Cat = allOf [Pet, …]\`); any other instance is judged by \`rest\`,
 * the plain oneOf.
 */
const $mapped = (prop: string, cases: [string, $Z][], rest: $Z): $Z => {
  const byValue = new Map(cases);
  return $custom((o, ctx) => {
    const value = $isObj(o) && $has(o, prop) ? (o as { [k: string]: unknown })[prop] : undefined;
    const branch = typeof value === "string" ? byValue.get(value) : undefined;
    return $run(branch ?? rest, o, ctx);
  });
};`,
  },
};
