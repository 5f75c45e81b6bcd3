/**
 * The fixture generator. `component(name, variant)` builds (once, cached) the fixture of a named
 * schema; `value(schema, key)` the fixture of any schema (a response body…). Each top-level
 * fixture has its own seeded stream keyed by what it is, is validated against its schema and
 * retried with another stream when invalid. Spec examples win when they validate; invalid ones
 * are reported once through `onInvalidExample`. Non-recursive `$ref`s reuse the cached fixture of
 * their target (variant = sibling index, so two array items differ); recursive ones expand
 * inline and are cut to their minimum on the second expansion along a path.
 */
import { NONE, isPureRef, patternRegExp, type MockSchema } from "./schema.js";
import { Rng } from "./prng.js";
import { Validator } from "./validate.js";
import { emptyConjunction, flatten, mergeConstraints, type Conjunction, type Constraints } from "./merge.js";
import { chooseBranches } from "./compose.js";
import { produce, isLeaf, leafValue } from "./produce.js";
import { makeExclusive } from "./exclusive.js";
import { discriminatorValues, type DiscriminatorValue } from "./discriminators.js";
import { normalizeName, stringsByName } from "./names.js";
import { MAX_DEPTH, OPTIONAL_DEPTH, RECURSION_EXPANSIONS, type Ctx, type Engine } from "./context.js";
import { WORDS } from "./words.js";

export interface GeneratorOptions {
  seed: number;
  /** Named schemas by original name (components and promoted `$ref` targets). */
  schemas: Readonly<Record<string, MockSchema>>;
  /** Names of schemas that are part of a reference cycle. */
  recursive: readonly string[];
  warn?: (pointer: string, message: string) => void;
  /**
   * Re-validate every top-level fixture against its schema. Off by default: values are built to
   * satisfy each constraint, and every composition (allOf/oneOf/anyOf/not) is validated where it
   * is decided — the test suites check the result with Ajv instead.
   */
  verify?: boolean;
  onInvalidExample?: (schema: MockSchema, index: number, problem: string) => void;
}

interface Plan {
  conj: Conjunction;
  constraints: Constraints;
  impossible: boolean;
  needsCheck: boolean;
  attempts: number;
}

export class MockGenerator implements Engine {
  readonly validator: Validator;
  /** Cached component fixtures (objects and arrays) → which component/variant they are. */
  readonly origin = new Map<object, { name: string; variant: number; compact: boolean; noExamples: boolean }>();
  private readonly cache = new Map<string, unknown>();
  private readonly busy = new Set<string>();
  private readonly recursive: Set<string>;
  private readonly examples = new WeakMap<MockSchema, unknown[]>();
  private readonly plans = new WeakMap<MockSchema, Plan>();
  readonly leafConstraints = new WeakMap<MockSchema, Constraints>();
  private readonly warned = new Set<string>();
  private discriminators: Map<string, DiscriminatorValue> | undefined;

  private readonly options: GeneratorOptions;

  constructor(options: GeneratorOptions) {
    this.options = options;
    this.validator = new Validator((name) => this.resolve(name));
    this.recursive = new Set(options.recursive);
  }

  resolve(name: string): MockSchema | undefined {
    return Object.prototype.hasOwnProperty.call(this.options.schemas, name) ? this.options.schemas[name] : undefined;
  }

  /**
   * The fixture of a named schema; `variant` > 0 gives sibling fixtures (other values), `compact`
   * one with required properties only (how it appears nested deep inside another fixture).
   */
  component(name: string, variant = 0, noExamples = false, compact = false): unknown {
    const key = `${name}#${variant}${noExamples ? "!" : ""}${compact ? "~" : ""}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const schema = this.resolve(name);
    if (!schema) return null;
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
    return this.top(schema, `value:${key}`, { hint: { name: normalizeName(hintName), owner: "" }, stack: [], variant, noExamples: false });
  }

  /** Spec examples of `schema` that validate against it (invalid ones are reported once). */
  validExamples(schema: MockSchema): unknown[] {
    let valid = this.examples.get(schema);
    if (valid) return valid;
    valid = [];
    (schema.meta?.examples ?? []).forEach((ex, i) => {
      const problem = this.validator.check(ex, schema);
      if (problem === undefined) valid!.push(ex);
      else this.options.onInvalidExample?.(schema, i, problem);
    });
    this.examples.set(schema, valid);
    return valid;
  }

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
    return last === NONE ? null : last;
  }

  /** `cachePlan` is false for `allOf` wrappers made on the fly (not worth remembering). */
  gen(s: MockSchema, c: Ctx, cachePlan = true): unknown {
    if (c.depth > MAX_DEPTH) {
      this.warnOnce(s.pointer, `required properties nest deeper than ${MAX_DEPTH} levels (recursion without end)`);
      return NONE;
    }
    if (s.boolean === false) return NONE;
    if (s.boolean === true) return this.any(c);
    if (!c.noExamples && s.meta?.examples?.length) {
      const valid = this.validExamples(s);
      if (valid.length) return valid[c.variant % valid.length];
    }
    if (isPureRef(s)) return this.refValue(s.ref!, c);
    if (isLeaf(s)) return leafValue(s, this, c, (p, m) => this.warnOnce(p, m));
    const plan = this.plan(s, cachePlan);
    if (plan.impossible) return NONE;
    const base = plan.conj;
    const cc = this.enter(c, base.entered);
    const conj = { ...base, forced: this.forcedValues(base, c.self) };
    const resolve = (n: string) => this.resolve(n);
    for (let attempt = 0; attempt < plan.attempts; attempt++) {
      const ext = conj.disjunctions.length ? chooseBranches(conj, resolve, cc, attempt, this.recursive) : conj;
      if (ext.impossible) continue;
      const ac = ext === conj ? cc : this.enter(cc, ext.entered.slice(base.entered.length));
      const v = produce(ext, ext === conj ? plan.constraints : mergeConstraints(ext.parts), this, ac, (p, m) => this.warnOnce(p, m));
      if (v === NONE) continue;
      if (!plan.needsCheck || this.validator.isValid(v, s)) return v;
      if (!ext.disjunctions.some((d) => d.kind === "oneOf")) continue;
      const exclusive = makeExclusive(v, ext, this, resolve);
      if (this.validator.isValid(exclusive, s)) return exclusive;
    }
    return NONE;
  }

  /** The context inside named schemas entered through `$ref`: on the stack, cut when re-entered. */
  private enter(c: Ctx, entered: string[]): Ctx {
    if (entered.length === 0) return c;
    return {
      ...c,
      stack: [...c.stack, ...entered],
      minimal: c.minimal || entered.some((n) => this.recursive.has(n) && c.stack.filter((x) => x === n).length >= RECURSION_EXPANSIONS),
      hint: { name: c.hint.name, owner: c.hint.owner || normalizeName(entered[0]!) },
    };
  }

  /** What does not depend on the context, computed once per schema node. */
  private plan(s: MockSchema, cache: boolean): Plan {
    let plan = this.plans.get(s);
    if (plan) return plan;
    const conj = flatten(s, (n) => this.resolve(n), emptyConjunction());
    const branches = Math.max(0, ...conj.disjunctions.map((d) => d.branches.length));
    const needsCheck = conj.disjunctions.length > 0 || conj.nots.length > 0 || conj.parts.length > 1;
    plan = {
      conj,
      constraints: mergeConstraints(conj.parts),
      impossible: conj.impossible || conj.nots.some((n) => this.trivial(n)),
      needsCheck,
      attempts: needsCheck ? Math.min(12, Math.max(6, branches)) : 1,
    };
    if (cache) this.plans.set(s, plan);
    return plan;
  }

  /** Discriminator values the node must carry: as a mapping target of an inheritance base, or of any mapping. */
  private forcedValues(conj: Conjunction, self: string | undefined): Map<string, unknown> {
    const d = self !== undefined ? this.discriminatorOf(self) : undefined;
    if (!d && conj.bases.length === 0) return conj.forced;
    const forced = new Map<string, unknown>();
    const names = self === undefined ? conj.entered : [self, ...conj.entered];
    for (const b of conj.bases) {
      const m = b.discriminator.mapping.find((x) => names.includes(x.target));
      if (m && !forced.has(b.discriminator.propertyName)) forced.set(b.discriminator.propertyName, m.value);
    }
    if (d && !forced.has(d.propertyName) && conj.parts.some((p) => p.object?.properties.some((x) => x.name === d.propertyName))) forced.set(d.propertyName, d.value);
    return forced;
  }

  valueOf(schemas: MockSchema[], c: Ctx, forced?: { value: unknown }): unknown {
    if (forced && schemas.every((s) => this.validator.isValid(forced.value, s))) return forced.value;
    if (schemas.length === 0) return this.any(c);
    if (schemas.length === 1) return this.gen(schemas[0]!, c);
    const all: MockSchema = { allOf: schemas, ...(schemas[0]!.pointer ? { pointer: schemas[0]!.pointer } : {}) };
    return this.gen(all, c, false);
  }

  patternTest(pattern: string, key: string): boolean {
    return patternRegExp(pattern)?.test(key) ?? false;
  }

  private refValue(name: string, c: Ctx): unknown {
    const target = this.resolve(name);
    if (!target) return this.any(c);
    const compact = c.depth >= OPTIONAL_DEPTH;
    if (!this.recursive.has(name) && !this.busy.has(`${name}#${c.variant}${c.noExamples ? "!" : ""}${compact ? "~" : ""}`)) return this.component(name, c.variant, c.noExamples, compact);
    const seen = c.stack.filter((x) => x === name).length;
    return this.gen(target, { ...c, stack: [...c.stack, name], minimal: c.minimal || seen >= RECURSION_EXPANSIONS, hint: { name: c.hint.name, owner: normalizeName(name) }, self: name });
  }

  /** A value for a schema that allows anything. */
  private any(c: Ctx): unknown {
    return stringsByName(c.hint, c.rng)[0] ?? c.rng.pick(WORDS);
  }

  /** A schema every value satisfies (so `not` of it satisfies none). */
  private trivial(s: MockSchema): boolean {
    return s.boolean === true || (s.boolean === undefined && Object.keys(s).every((k) => k === "pointer" || k === "meta"));
  }

  private discriminatorOf(name: string): DiscriminatorValue | undefined {
    this.discriminators ??= discriminatorValues(Object.values(this.options.schemas));
    return this.discriminators.get(name);
  }

  private warnOnce(pointer: string | undefined, message: string): void {
    const key = `${pointer}\u0000${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.options.warn?.(pointer ?? "#", message);
  }
}
