/**
 * The fixture generator. `component(name, variant)` builds (once, cached) the fixture of a named
 * schema; `value(schema, key)` the fixture of any schema (a response body…). Each top-level
 * fixture has its own seeded stream keyed by what it is (so one fixture never depends on the
 * order others were built in), and is retried with another stream when no value is found.
 * Non-recursive `$ref`s reuse the cached fixture of their target — variant = sibling index, so two
 * array items differ; `compact` (required properties only) once nested deep.
 */
import { NONE, isPureRef, type MockSchema } from "./schema.js";
import { Rng } from "./prng.js";
import { normalizeName } from "./names.js";
import { OPTIONAL_DEPTH, type Ctx } from "./context.js";
import { GeneratorCore } from "./core.js";

export type { GeneratorOptions } from "./core.js";

const cacheKey = (name: string, variant: number, noExamples: boolean, compact: boolean) => `${name}#${variant}${noExamples ? "!" : ""}${compact ? "~" : ""}`;

export class MockGenerator extends GeneratorCore {
  /** Cached component fixtures (objects and arrays) → which component/variant they are. */
  readonly origin = new Map<object, { name: string; variant: number; compact: boolean; noExamples: boolean }>();
  private readonly cache = new Map<string, unknown>();
  private readonly busy = new Set<string>();

  /**
   * The fixture of a named schema; `variant` > 0 gives sibling fixtures (other values), `compact`
   * one with required properties only (how it appears nested deep inside another fixture).
   */
  component(name: string, variant = 0, noExamples = false, compact = false): unknown {
    const v = this.componentOrNone(name, variant, noExamples, compact);
    return v === NONE ? null : v;
  }

  /** `component`, with NONE when no value satisfies the schema (a reference to it then has none either). */
  private componentOrNone(name: string, variant: number, noExamples: boolean, compact: boolean): unknown {
    const key = cacheKey(name, variant, noExamples, compact);
    if (this.cache.has(key)) return this.cache.get(key);
    const schema = this.resolve(name);
    if (!schema) return NONE;
    this.busy.add(key);
    const hint = { name: normalizeName(name), owner: normalizeName(name) };
    const value = this.top(schema, `component:${key}`, { hint, stack: [name], variant, noExamples, self: name }, compact ? OPTIONAL_DEPTH : 0);
    this.busy.delete(key);
    this.cache.set(key, value);
    if (value !== null && typeof value === "object" && !this.origin.has(value)) this.origin.set(value, { name, variant, compact, noExamples });
    return value;
  }

  /** The fixture of any schema, e.g. a response body; `key` names its random stream. */
  value(schema: MockSchema, key: string, hintName = "", variant = 0): unknown {
    if (isPureRef(schema) && !schema.meta?.examples?.length) return this.component(schema.ref!, variant);
    const v = this.top(schema, `value:${key}`, { hint: { name: normalizeName(hintName), owner: "" }, stack: [], variant, noExamples: false });
    return v === NONE ? null : v;
  }

  protected reuse(name: string, c: Ctx): { value: unknown } | undefined {
    const compact = c.depth >= OPTIONAL_DEPTH;
    if (this.recursive.has(name) || this.busy.has(cacheKey(name, c.variant, c.noExamples, compact))) return undefined;
    // NONE passes through: an optional property whose schema has no value is left out, not null.
    return { value: this.componentOrNone(name, c.variant, c.noExamples, compact) };
  }

  /** The value, or NONE when no value satisfies `schema` (warned once). */
  private top(schema: MockSchema, key: string, base: Omit<Ctx, "rng" | "depth" | "minimal">, depth = 0): unknown {
    let last: unknown = NONE;
    let problem = "no value satisfies the schema";
    for (let attempt = 0; attempt < 4; attempt++) {
      const c: Ctx = { ...base, rng: new Rng(this.options.seed, attempt ? `${key}~${attempt}` : key), depth, minimal: false };
      const v = this.gen(schema, c);
      if (v === NONE) continue;
      const err = this.options.verify ? this.validator.check(v, schema) : undefined;
      if (err === undefined) {
        this.validator.remember(v, schema);
        return v;
      }
      [last, problem] = [v, err];
    }
    this.warnOnce(schema.pointer, last === NONE ? problem : `generated fixture is not valid: ${problem}`);
    return last;
  }

}
