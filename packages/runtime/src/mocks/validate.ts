/**
 * A JSON Schema validator over MockSchema with Ajv's semantics (draft 2020-12 keywords as the
 * model normalises them; formats as ajv-formats "full"; code-point string lengths; patterns with
 * the `u` flag), except where Ajv is wrong and the generated zod validators are right: multipleOf
 * on decimal values (19.99 is a multiple of 0.01), the `byte` and `url` formats (see formats.ts).
 * It checks spec examples at generation time and
 * decides between candidate fixtures (oneOf needs exactly one match, `not`, allOf conflicts).
 * `check` returns the first problem as "at /path: message", or undefined when valid.
 */
import { codePoints, deepEqual, patternRegExp, type MockSchema, type Resolve } from "./schema.js";
import { formatOk } from "./formats.js";
import { at, fail, isExactMultipleOf, isMultipleOf, propertyMap, typeOf, withDetail, type Err } from "./validate-support.js";

export { isMultipleOf };

const hasOwn = Object.prototype.hasOwnProperty;

export class Validator {
  private readonly resolve: Resolve;
  private readonly known = new WeakMap<object, WeakSet<MockSchema>>();

  constructor(resolve: Resolve) {
    this.resolve = resolve;
  }

  check(value: unknown, schema: MockSchema): string | undefined {
    const e = withDetail(true, () => this.v(value, schema, 0));
    return e && `at /${e.path.reverse().join("/")}: ${e.message}`;
  }

  isValid(value: unknown, schema: MockSchema): boolean {
    return withDetail(false, () => this.v(value, schema, 0)) === undefined;
  }

  /** Records that `value` (an object, never mutated afterwards) is valid against `schema`. */
  remember(value: unknown, schema: MockSchema): void {
    if (value === null || typeof value !== "object") return;
    let set = this.known.get(value);
    if (!set) this.known.set(value, (set = new WeakSet()));
    set.add(schema);
  }

  private v(x: unknown, s: MockSchema, hops: number): Err {
    if (s.boolean !== undefined) return s.boolean ? undefined : fail(() => "no value is allowed here (false schema)");
    if (x !== null && typeof x === "object" && this.known.get(x)?.has(s)) return undefined;
    if (s.ref !== undefined && hops < 64) {
      const target = this.resolve(s.ref);
      const e = target && this.v(x, target, hops + 1);
      if (e) return e;
    }
    const t = typeOf(x);
    const types = s.types;
    if (types && !types.some((ty) => ty === t || (ty === "number" && t === "integer"))) return fail(() => `must be ${types.join(",")}`);
    if (s.enum && !s.enum.some((e) => deepEqual(e, x))) return fail(() => `must be equal to one of the allowed values ${JSON.stringify(s.enum).slice(0, 120)}`);
    const constant = s.const;
    if (constant && !deepEqual(constant.value, x)) return fail(() => `must be equal to constant ${JSON.stringify(constant.value).slice(0, 120)}`);
    const e = t === "string" ? this.str(x as string, s) : t === "number" || t === "integer" ? this.num(x as number, s) : t === "array" ? this.arr(x as unknown[], s, hops) : t === "object" ? this.obj(x as Record<string, unknown>, s, hops) : undefined;
    if (e) return e;
    // One `format` keyword in the spec; it constrains only values of its own type (see formats.ts).
    const format = s.string?.format ?? s.number?.format;
    if (format !== undefined && !formatOk(format, x)) return fail(() => `must match format "${format}"`);
    if (s.allOf) for (const sub of s.allOf) {
      const r = this.v(x, sub, hops);
      if (r) return r;
    }
    if (s.anyOf && !s.anyOf.some((sub) => this.v(x, sub, hops) === undefined)) return fail(() => "must match a schema in anyOf");
    if (s.oneOf) {
      let n = 0;
      for (const sub of s.oneOf) if (this.v(x, sub, hops) === undefined && ++n > 1) break;
      if (n !== 1) return fail(() => `must match exactly one schema in oneOf (matches ${n > 1 ? "more than one" : "none"})`);
    }
    if (s.not && this.v(x, s.not, hops) === undefined) return fail(() => "must NOT be valid against the `not` schema");
    return undefined;
  }

  private str(x: string, s: MockSchema): Err {
    const c = s.string;
    if (!c) return undefined;
    if (c.minLength !== undefined || c.maxLength !== undefined) {
      const n = codePoints(x);
      if (c.minLength !== undefined && n < c.minLength) return fail(() => `must NOT have fewer than ${c.minLength} characters`);
      if (c.maxLength !== undefined && n > c.maxLength) return fail(() => `must NOT have more than ${c.maxLength} characters`);
    }
    if (c.pattern !== undefined && patternRegExp(c.pattern)?.test(x) === false) return fail(() => `must match pattern "${c.pattern}"`);
    return undefined;
  }

  private num(x: number, s: MockSchema): Err {
    const c = s.number;
    if (!c) return undefined;
    if (c.minimum !== undefined && !(x >= c.minimum)) return fail(() => `must be >= ${c.minimum}`);
    if (c.maximum !== undefined && !(x <= c.maximum)) return fail(() => `must be <= ${c.maximum}`);
    if (c.exclusiveMinimum !== undefined && !(x > c.exclusiveMinimum)) return fail(() => `must be > ${c.exclusiveMinimum}`);
    if (c.exclusiveMaximum !== undefined && !(x < c.exclusiveMaximum)) return fail(() => `must be < ${c.exclusiveMaximum}`);
    if (c.multipleOf !== undefined && !isExactMultipleOf(x, c.multipleOf)) return fail(() => `must be multiple of ${c.multipleOf}`);
    return undefined;
  }

  private arr(x: unknown[], s: MockSchema, hops: number): Err {
    const c = s.array;
    if (!c) return undefined;
    if (c.minItems !== undefined && x.length < c.minItems) return fail(() => `must NOT have fewer than ${c.minItems} items`);
    if (c.maxItems !== undefined && x.length > c.maxItems) return fail(() => `must NOT have more than ${c.maxItems} items`);
    const prefix = c.prefixItems ?? [];
    for (let i = 0; i < x.length; i++) {
      const sub = i < prefix.length ? prefix[i] : c.items;
      const e = sub && this.v(x[i], sub, hops);
      if (e) return at(e, i);
    }
    if (c.uniqueItems) {
      for (let i = 1; i < x.length; i++) for (let j = 0; j < i; j++) if (deepEqual(x[i], x[j])) return fail(() => `must NOT have duplicate items (items ${j} and ${i} are identical)`);
    }
    if (c.contains) {
      const n = x.filter((item) => this.v(item, c.contains!, hops) === undefined).length;
      const min = c.minContains ?? 1;
      if (n < min) return fail(() => `must contain at least ${min} valid item(s)`);
      if (c.maxContains !== undefined && n > c.maxContains) return fail(() => `must contain at most ${c.maxContains} valid item(s)`);
    }
    return undefined;
  }

  private obj(x: Record<string, unknown>, s: MockSchema, hops: number): Err {
    const c = s.object;
    if (!c) return undefined;
    for (const p of c.properties) if (p.required && !hasOwn.call(x, p.name)) return fail(() => `must have required property '${p.name}'`);
    for (const r of c.requiredOnly) if (!hasOwn.call(x, r)) return fail(() => `must have required property '${r}'`);
    const keys = Object.keys(x);
    if (c.minProperties !== undefined && keys.length < c.minProperties) return fail(() => `must NOT have fewer than ${c.minProperties} properties`);
    if (c.maxProperties !== undefined && keys.length > c.maxProperties) return fail(() => `must NOT have more than ${c.maxProperties} properties`);
    if (c.dependentRequired) {
      for (const [k, deps] of Object.entries(c.dependentRequired)) if (hasOwn.call(x, k)) for (const d of deps) if (!hasOwn.call(x, d)) return fail(() => `must have property '${d}' when property '${k}' is present`);
    }
    const props = propertyMap(c);
    for (const key of keys) {
      if (c.propertyNames) {
        const e = this.v(key, c.propertyNames, hops);
        if (e) return fail(() => `property name '${key}' is invalid: ${e.message}`);
      }
      let known = false;
      const own = props.get(key);
      if (own) {
        known = true;
        const e = this.v(x[key], own, hops);
        if (e) return at(e, key);
      }
      if (c.patternProperties) {
        for (const pp of c.patternProperties) {
          if (!patternRegExp(pp.pattern)?.test(key)) continue;
          known = true;
          const e = this.v(x[key], pp.schema, hops);
          if (e) return at(e, key);
        }
      }
      if (known || c.additionalProperties === undefined) continue;
      if (c.additionalProperties === false) return fail(() => `must NOT have additional properties ('${key}')`);
      const e = this.v(x[key], c.additionalProperties, hops);
      if (e) return at(e, key);
    }
    return undefined;
  }
}
