import type { IRDocument, IRSchema, JsonType } from "../../src/ir/types.js";
import { stringsMatching } from "./regex-gen.js";

/**
 * A deterministic instance generator for the agreement suite: valid-looking instances of a
 * schema (types, bounds, formats, patterns, enums, required, discriminators, bounded recursion)
 * and single-fault mutations of them. It only proposes inputs: Ajv and zod each give their own
 * verdict and must agree, whatever the generator meant.
 */
export const FAIL = Symbol("cannot generate");
type Out = unknown | typeof FAIL;

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMAT_SAMPLES: Record<string, string[]> = {
  "date-time": ["2024-01-02T03:04:05Z", "2024-02-29T23:59:59.123+02:00", "2024-01-02t03:04:05z"],
  date: ["2024-01-02", "2024-02-29"],
  time: ["03:04:05Z", "23:59:59+02:00"],
  email: ["user@example.com", "a.b+c@sub.example.org"],
  uuid: ["123e4567-e89b-12d3-a456-426614174000"],
  uri: ["https://example.com/a?b=c", "urn:isbn:0451450523"],
  "uri-reference": ["/a/b", "https://example.com/x", "../up"],
  "uri-template": ["https://example.com/{id}"],
  url: ["https://example.com/path"],
  hostname: ["example.com", "a-b.example.org"],
  ipv4: ["192.168.0.1"],
  ipv6: ["::1", "2001:db8::8a2e:370:7334"],
  byte: ["aGVsbG8=", ""],
  duration: ["P1D", "PT1H30M"],
  regex: ["^a+$"],
  "json-pointer": ["/a/b"],
  "relative-json-pointer": ["1/a"],
};
const BROKEN_FORMAT: Record<string, string> = { byte: "not base64!", regex: "(unclosed", "json-pointer": "no-slash" };

interface Node {
  s: IRSchema;
  /** An extra constraint: this property must hold this value (from a discriminator choice). */
  force?: { prop: string; value: string };
}

export class InstanceGen {
  private readonly rnd: () => number;
  constructor(
    private readonly model: IRDocument,
    seed: number,
  ) {
    this.rnd = rng(seed);
  }

  private pick<T>(list: T[]): T {
    return list[Math.floor(this.rnd() * list.length)]!;
  }

  /** The conjunct nodes of `s` (refs and allOf flattened, one branch chosen per anyOf/oneOf). */
  collect(s: IRSchema, depth: number, out: Node[] = []): Node[] | typeof FAIL {
    if (depth > 14) return FAIL;
    if (s.boolean === false) return FAIL;
    out.push({ s });
    if (s.ref) {
      const t = this.model.schemaByName.get(s.ref);
      if (!t || this.collect(t.schema, depth + 1, out) === FAIL) return FAIL;
    }
    for (const m of s.allOf ?? []) if (this.collect(m, depth + 1, out) === FAIL) return FAIL;
    for (const list of [s.oneOf, s.anyOf]) {
      if (!list) continue;
      const order = list.map((b, i) => ({ b, i })).sort(() => this.rnd() - 0.5);
      const d = s.discriminator;
      let ok = false;
      for (const { b } of order) {
        const extra: Node[] = [];
        const m = d && b.ref ? d.mapping.find((x) => x.target === b.ref) : undefined;
        if (m && d) extra.push({ s: { pointer: "", meta: {} }, force: { prop: d.propertyName, value: m.value } });
        const got = this.collect(b, depth + 1, extra);
        if (got === FAIL) continue;
        out.push(...got);
        ok = true;
        break;
      }
      if (!ok) return FAIL;
    }
    return out;
  }

  valid(s: IRSchema, depth = 0): Out {
    const nodes = this.collect(s, depth);
    return nodes === FAIL ? FAIL : this.fromNodes(nodes, depth);
  }

  private allOf(list: IRSchema[], depth: number): Out {
    if (list.length === 0) return "x";
    return this.valid(list.length === 1 ? list[0]! : { pointer: "", meta: {}, allOf: list }, depth + 1);
  }

  fromNodes(nodes: Node[], depth: number): Out {
    const ss = nodes.map((n) => n.s);
    const c = ss.find((s) => s.const);
    if (c) return structuredClone(c.const!.value);
    let list: JsonType[] | undefined;
    for (const s of ss) if (s.types) list = list ? intersectTypes(list, s.types) : s.types;
    const types = list ? new Set(list) : undefined;
    const enums = ss.filter((s) => s.enum).map((s) => s.enum!);
    if (enums.length) {
      const ok = enums[0]!.filter((v) => enums.every((e) => e.some((x) => JSON.stringify(x) === JSON.stringify(v))) && (!types || types.has(kind(v)) || (kind(v) === "integer" && types.has("number"))));
      return ok.length ? structuredClone(this.pick(ok)) : FAIL;
    }
    const has = (k: "object" | "array" | "string" | "number") => ss.some((s) => s[k]);
    const allowed = (t: JsonType) => !types || types.has(t) || (t === "integer" && types.has("number"));
    let t: JsonType | undefined;
    if ((has("object") || nodes.some((n) => n.force)) && allowed("object")) t = "object";
    else if (has("array") && allowed("array")) t = "array";
    else if (has("string") && allowed("string")) t = "string";
    else if (has("number") && allowed("number")) t = types?.has("integer") && !types.has("number") ? "integer" : "number";
    else if (types) t = [...types].find((x) => x !== "null") ?? [...types][0];
    else t = "string";
    if (t === undefined) return FAIL;
    switch (t) {
      case "object":
        return this.object(nodes, depth);
      case "array":
        return this.array(ss, depth);
      case "string":
        return this.string(ss);
      case "number":
      case "integer":
        return this.number(ss, t === "integer" || ss.some((s) => s.number?.format === "int32" || s.number?.format === "int64"));
      case "boolean":
        return true;
      case "null":
        return null;
    }
  }

  private object(nodes: Node[], depth: number): Out {
    const props = new Map<string, IRSchema[]>();
    const required = new Set<string>();
    let closed: Set<string> | undefined;
    const forced = new Map<string, string>();
    for (const n of nodes) {
      if (n.force) forced.set(n.force.prop, n.force.value);
      const o = n.s.object;
      if (!o) continue;
      for (const p of o.properties) {
        props.set(p.name, [...(props.get(p.name) ?? []), p.schema]);
        if (p.required) required.add(p.name);
      }
      o.requiredOnly.forEach((r) => required.add(r));
      if (o.additionalProperties === false && !o.patternProperties?.length) {
        const mine = new Set(o.properties.map((p) => p.name));
        closed = closed ? new Set([...closed].filter((x) => mine.has(x))) : mine;
      }
    }
    const out: Record<string, unknown> = {};
    for (const name of props.keys()) {
      const isReq = required.has(name) || forced.has(name);
      if (!isReq && (depth > 3 || (closed && !closed.has(name)) || this.rnd() < 0.4)) continue;
      if (forced.has(name)) {
        out[name] = forced.get(name);
        continue;
      }
      const v = this.allOf(props.get(name)!, depth);
      if (v === FAIL) {
        if (isReq) return FAIL;
        continue;
      }
      out[name] = v;
    }
    for (const name of required) if (!(name in out)) out[name] = forced.get(name) ?? "x";
    for (const [name, value] of forced) out[name] = value;
    return out;
  }

  private array(ss: IRSchema[], depth: number): Out {
    const items = ss.flatMap((s) => (s.array?.items ? [s.array.items] : []));
    const prefix = ss.find((s) => s.array?.prefixItems)?.array?.prefixItems ?? [];
    const min = Math.max(0, ...ss.map((s) => s.array?.minItems ?? 0));
    const max = Math.min(...ss.map((s) => s.array?.maxItems ?? Infinity));
    const unique = ss.some((s) => s.array?.uniqueItems);
    let n = depth > 4 ? min : Math.max(min, Math.min(max, 1 + Math.floor(this.rnd() * 2)));
    if (n > 50) n = min;
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) {
      let v: Out = FAIL;
      for (let attempt = 0; attempt < 4; attempt++) {
        v = i < prefix.length ? this.valid(prefix[i]!, depth + 1) : this.allOf(items, depth);
        if (v === FAIL || !unique || !out.some((x) => JSON.stringify(x) === JSON.stringify(v))) break;
        v = FAIL;
      }
      if (v === FAIL) return FAIL;
      out.push(v);
    }
    return out;
  }

  private string(ss: IRSchema[]): Out {
    const min = Math.max(0, ...ss.map((s) => s.string?.minLength ?? 0));
    const max = Math.min(...ss.map((s) => s.string?.maxLength ?? Infinity));
    const patterns = ss.flatMap((s) => (s.string?.pattern !== undefined ? [s.string.pattern] : []));
    const format = ss.find((s) => s.string?.format && FORMAT_SAMPLES[s.string.format])?.string?.format;
    let candidates: string[];
    if (patterns.length) candidates = stringsMatching(patterns[0]!, this.rnd, 4);
    else if (format) candidates = FORMAT_SAMPLES[format]!;
    else {
      const len = Math.min(max, Math.max(min, 3 + Math.floor(this.rnd() * 5)));
      candidates = ["abcdefghijklmnopqrstuvwxyz".repeat(Math.ceil(len / 26) + 1).slice(0, len)];
    }
    const ok = candidates.filter((c) => [...c].length >= min && [...c].length <= max && patterns.every((p) => safeTest(p, c)));
    return ok.length ? this.pick(ok) : FAIL;
  }

  private number(ss: IRSchema[], integer: boolean): Out {
    let lo = -Infinity;
    let hi = Infinity;
    for (const s of ss) {
      const c = s.number ?? {};
      if (c.minimum !== undefined) lo = Math.max(lo, c.minimum);
      if (c.exclusiveMinimum !== undefined) lo = Math.max(lo, c.exclusiveMinimum + (integer ? 1 : 1e-6));
      if (c.maximum !== undefined) hi = Math.min(hi, c.maximum);
      if (c.exclusiveMaximum !== undefined) hi = Math.min(hi, c.exclusiveMaximum - (integer ? 1 : 1e-6));
      if (s.number?.format === "int32") [lo, hi] = [Math.max(lo, -(2 ** 31)), Math.min(hi, 2 ** 31 - 1)];
    }
    const steps = ss.flatMap((s) => (s.number?.multipleOf ? [s.number.multipleOf] : []));
    const base = lo > -Infinity ? lo : hi < Infinity ? Math.min(hi, 0) : this.pick([0, 1, 42, 7, 100]);
    const start = integer ? Math.ceil(base) : base;
    for (let k = 0; k < 50; k++) {
      let v = start + k;
      if (steps.length) v = Math.ceil(start / steps[0]!) * steps[0]! + k * steps[0]!;
      if (v < lo || v > hi) continue;
      if (integer && !Number.isInteger(v)) continue;
      if (steps.every((m) => v / m === parseInt(String(v / m)))) return v;
    }
    return FAIL;
  }

  /** Single-fault variants of a valid instance of `s` (each breaks one thing, at top level or one level down). */
  mutations(s: IRSchema, value: unknown): unknown[] {
    const nodes = this.collect(s, 0);
    if (nodes === FAIL) return [];
    const out: unknown[] = [...this.leafFaults(nodes, value)];
    if (isPlainObject(value)) {
      const ss = nodes.map((n) => n.s);
      const required = new Set(ss.flatMap((x) => [...(x.object?.properties.filter((p) => p.required).map((p) => p.name) ?? []), ...(x.object?.requiredOnly ?? [])]));
      for (const name of [...required].slice(0, 3)) {
        const { [name]: _, ...rest } = value;
        out.push(rest);
      }
      if (ss.some((x) => x.object?.additionalProperties === false)) out.push({ ...value, __extra__: 1 });
      else if (ss.some((x) => x.object?.additionalProperties)) out.push({ ...value, __extra__: { nested: [1, "two", null] } });
      for (const x of ss) if (x.discriminator) out.push({ ...value, [x.discriminator.propertyName]: "__wrong_discriminator__" });
      const props = new Map<string, IRSchema[]>();
      for (const x of ss) for (const p of x.object?.properties ?? []) props.set(p.name, [...(props.get(p.name) ?? []), p.schema]);
      for (const [name, list] of [...props].filter(([n]) => n in value).slice(0, 6)) {
        const sub = this.collect({ pointer: "", meta: {}, allOf: list }, 1);
        if (sub === FAIL) continue;
        for (const v of this.leafFaults(sub, value[name])) out.push({ ...value, [name]: v });
      }
    } else if (Array.isArray(value) && value.length) {
      out.push([...value, value[0]], [...value, "__wrong_item__"], [...value, ...value, ...value, ...value]);
    }
    return out;
  }

  /** A wrong type, broken bounds, format, pattern or enum for one value. */
  private leafFaults(nodes: Node[], value: unknown): unknown[] {
    const ss = nodes.map((n) => n.s);
    const out: unknown[] = [];
    const types = ss.find((x) => x.types)?.types;
    if (types) {
      const wrong = ["__wrong_type__", 12345, 1.5, true, null, [], {}].find((v) => !types.includes(kind(v)) && !(kind(v) === "integer" && types.includes("number")));
      if (wrong !== undefined) out.push(wrong);
    }
    if (ss.some((x) => x.enum || x.const)) out.push("__not_in_enum__");
    if (typeof value === "string") {
      for (const x of ss) {
        const c = x.string ?? {};
        if (c.maxLength !== undefined && c.maxLength < 5000) out.push("y".repeat(c.maxLength + 1));
        if (c.minLength && c.minLength < 5000) out.push("y".repeat(c.minLength - 1));
        if (c.format) out.push(BROKEN_FORMAT[c.format] ?? `not a ${c.format} 💥`);
        if (c.pattern !== undefined) out.push("\u0000 does not match \u0000");
      }
      out.push(value + "😀");
    }
    if (typeof value === "number") {
      for (const x of ss) {
        const c = x.number ?? {};
        if (c.maximum !== undefined) out.push(c.maximum + 1);
        if (c.minimum !== undefined) out.push(c.minimum - 1);
        if (c.exclusiveMaximum !== undefined) out.push(c.exclusiveMaximum);
        if (c.exclusiveMinimum !== undefined) out.push(c.exclusiveMinimum);
        if (c.multipleOf !== undefined) out.push(value + c.multipleOf / 2);
        if (x.number?.format === "int32") out.push(2 ** 31);
      }
      out.push(value + 0.5, 2 ** 60, -(2 ** 53) - 2);
    }
    return out;
  }
}

function intersectTypes(a: JsonType[], b: JsonType[]): JsonType[] {
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.includes(t)) out.add(t);
    else if ((t === "number" && b.includes("integer")) || (t === "integer" && b.includes("number"))) out.add("integer");
  }
  return [...out];
}

function kind(v: unknown): JsonType {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v as JsonType;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function safeTest(pattern: string, s: string): boolean {
  try {
    return new RegExp(pattern, "u").test(s);
  } catch {
    return true;
  }
}
