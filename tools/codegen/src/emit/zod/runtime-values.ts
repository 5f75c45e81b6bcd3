/** Emitted helpers: strings, numbers, enum/const, deep equality, untyped kinds, not (see runtime.ts). */
import type { Helper } from "./runtime.js";

export const VALUES: Record<string, Helper> = {
  $enum: {
    deps: ["$Z"],
    code: `/** enum/const of primitive members (compared with ===, JSON equality for primitives). */
const $enum = (values: (string | number | boolean | null)[]): $Z => {
  if (values.length !== 1) return $z(z.literal(values));
  if (values[0] === null) return $z(z.null());
  return $z(z.literal(values[0]!));
};`,
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
  $multiple: {
    code: `/**
 * multipleOf, decided on the numbers' decimal forms (what the JSON text says): 0.07 is a multiple
 * of 0.01 and 3e21 of 3. Ajv's float quotient test ("v / m is an integer") rejects 0.07 as
 * 0.07 / 0.01 = 7.000000000000001, and reads the quotient 1e21 with parseInt("1e+21") = 1.
 */
const $multiple = (v: number, m: number): boolean => {
  if (Number.isSafeInteger(v) && Number.isSafeInteger(m)) return v % m === 0;
  if (!Number.isFinite(v) || !Number.isFinite(m) || m === 0) return false;
  const dec = (x: number) => {
    const [digits, exp = "0"] = String(x).split("e");
    const [int, frac = ""] = digits!.split(".");
    return [BigInt(int! + frac), Number(exp) - frac.length] as const;
  };
  const [a, ea] = dec(v), [b, eb] = dec(m);
  const e = Math.min(ea, eb), ten = BigInt(10);
  return (a * ten ** BigInt(ea - e)) % (b * ten ** BigInt(eb - e)) === BigInt(0);
};`,
  },
  $number: {
    deps: ["$Z", "$multiple"],
    code: `/**
 * type: number/integer. JSON Schema's integer is any number without a fraction (2^60 too, so not
 * zod's safe-integer int()); int64 stays a number; multipleOf is exact on the decimal values.
 */
const $number = (o: { integer?: true; minimum?: number; exclusiveMinimum?: number; maximum?: number; exclusiveMaximum?: number; multipleOf?: number; format?: [(v: number) => boolean, string] }): $Z => {
  let s: any = z.number();
  if (o.integer) s = s.refine((v: number) => Number.isInteger(v), "Expected an integer");
  if (o.minimum !== undefined) s = s.gte(o.minimum);
  if (o.exclusiveMinimum !== undefined) s = s.gt(o.exclusiveMinimum);
  if (o.maximum !== undefined) s = s.lte(o.maximum);
  if (o.exclusiveMaximum !== undefined) s = s.lt(o.exclusiveMaximum);
  const m = o.multipleOf;
  if (m !== undefined) s = s.refine((v: number) => $multiple(v, m), \`Expected a multiple of \${m}\`);
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
};
