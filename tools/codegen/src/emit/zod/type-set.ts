import type { IRNamedSchema, IRSchema, JsonType } from "../../ir/types.js";

/**
 * Sets of JSON instance kinds as bit masks. Numbers are split in two kinds (integers and the
 * rest) so that `number` = both and `integer` = one; intersections are then exact.
 * `typesOf` over-approximates the kinds a schema can accept; the renderer uses it to know what a
 * conjunction already rules out (e.g. `allOf: [{$ref: Obj}, {properties: …}]` is an object).
 */
export const K = { string: 1, fraction: 2, integer: 4, boolean: 8, null: 16, array: 32, object: 64 } as const;
export const ALL = 127;
export const NUMBERS = K.fraction | K.integer;

export function maskOfType(t: JsonType): number {
  return t === "number" ? NUMBERS : K[t];
}

export function maskOfTypes(types: JsonType[] | undefined): number {
  if (!types) return ALL;
  let m = 0;
  for (const t of types) m |= maskOfType(t);
  return m;
}

export function maskOfValue(v: unknown): number {
  if (v === null) return K.null;
  if (Array.isArray(v)) return K.array;
  switch (typeof v) {
    case "string":
      return K.string;
    case "number":
      return Number.isInteger(v) ? K.integer : K.fraction;
    case "boolean":
      return K.boolean;
    case "object":
      return K.object;
    default:
      return 0;
  }
}

/** Whether a JSON value is an instance of one of `types` (undefined = any). */
export function valueHasType(v: unknown, types: JsonType[] | undefined): boolean {
  return (maskOfValue(v) & maskOfTypes(types)) !== 0;
}

/** Memoised over-approximation of the kinds each schema accepts. */
export class TypeOracle {
  private readonly named = new Map<string, number>();
  private readonly memo = new WeakMap<IRSchema, number>();

  constructor(private readonly byName: Map<string, IRNamedSchema>) {}

  ofNamed(name: string): number {
    const known = this.named.get(name);
    if (known !== undefined) return known;
    this.named.set(name, ALL); // cycle guard: a recursive reference restricts nothing
    const entry = this.byName.get(name);
    const m = entry ? this.of(entry.schema) : ALL;
    this.named.set(name, m);
    return m;
  }

  of(s: IRSchema): number {
    // Leaves are cheap to compute; only composite schemas are memoised.
    if (s.ref === undefined && !s.allOf && !s.anyOf && !s.oneOf) return this.compute(s);
    let m = this.memo.get(s);
    if (m === undefined) {
      m = this.compute(s);
      // A result computed while a named schema was still in progress may be too wide; it is
      // still a sound over-approximation, so it can be kept.
      this.memo.set(s, m);
    }
    return m;
  }

  private compute(s: IRSchema): number {
    if (s.boolean !== undefined) return s.boolean ? ALL : 0;
    let m = maskOfTypes(s.types);
    if (s.ref !== undefined) m &= this.ofNamed(s.ref);
    if (s.enum) m &= s.enum.reduce<number>((acc, v) => acc | maskOfValue(v), 0);
    if (s.const) m &= maskOfValue(s.const.value);
    for (const a of s.allOf ?? []) m &= this.of(a);
    for (const list of [s.anyOf, s.oneOf]) if (list) m &= list.reduce<number>((acc, b) => acc | this.of(b), 0);
    return m;
  }
}
