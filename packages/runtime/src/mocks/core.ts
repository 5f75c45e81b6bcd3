/**
 * The recursive part of the generator: one value for one schema node in a context. Examples that
 * validate win; `$ref`s are reused through `reuse` (cached fixtures, generator.ts) or expanded
 * inline (recursive schemas, cut to their minimum when re-entered); leaves go straight to the
 * per-type generators; other nodes are flattened (plan.ts), their oneOf/anyOf branches chosen
 * (compose.ts), a candidate produced (produce.ts) and — for compositions — validated, made
 * exclusive for oneOf (exclusive.ts), or retried with the next choice.
 */
import { NONE, isPureRef, patternRegExp, type MockSchema } from "./schema.js";
import { Validator } from "./validate.js";
import { mergeConstraints } from "./merge.js";
import { makePlan, type Plan } from "./plan.js";
import { chooseBranches } from "./compose.js";
import { produce, isLeaf, leafValue } from "./produce.js";
import { makeExclusive } from "./exclusive.js";
import { discriminatorValues, forcedValues, type DiscriminatorValue } from "./discriminators.js";
import { normalizeName, stringsByName } from "./names.js";
import { MAX_DEPTH, RECURSION_EXPANSIONS, type Ctx, type Engine } from "./context.js";
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

export abstract class GeneratorCore implements Engine {
  readonly validator: Validator;
  protected readonly options: GeneratorOptions;
  protected readonly recursive: Set<string>;
  private readonly examples = new WeakMap<MockSchema, unknown[]>();
  private readonly plans = new WeakMap<MockSchema, Plan>();
  private readonly warned = new Set<string>();
  private discriminators: Map<string, DiscriminatorValue> | undefined;
  // Created once: named closures cost a defineProperty each when run through tsx (keepNames).
  private readonly resolveFn = (n: string): MockSchema | undefined => this.resolve(n);
  private readonly warnFn = (pointer: string | undefined, message: string): void => this.warnOnce(pointer, message);

  constructor(options: GeneratorOptions) {
    this.options = options;
    this.validator = new Validator((name) => this.resolve(name));
    this.recursive = new Set(options.recursive);
  }

  resolve(name: string): MockSchema | undefined {
    return Object.prototype.hasOwnProperty.call(this.options.schemas, name) ? this.options.schemas[name] : undefined;
  }

  /** The cached fixture to use for a `$ref` to `name` here, if any (else it is expanded inline). */
  protected abstract reuse(name: string, c: Ctx): { value: unknown } | undefined;

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
    if (isLeaf(s)) return leafValue(s, this, c, this.warnFn);
    const plan = this.plan(s, cachePlan);
    if (plan.impossible) return NONE;
    const base = plan.conj;
    const cc = this.enter(c, base.entered);
    const conj = { ...base, forced: forcedValues(base, c.self, this.discriminatorIndex()) };
    for (let attempt = 0; attempt < plan.attempts; attempt++) {
      const ext = conj.disjunctions.length ? chooseBranches(conj, this.resolveFn, cc, attempt, this.recursive) : conj;
      if (ext.impossible) continue;
      const ac = ext === conj ? cc : this.enter(cc, ext.entered.slice(base.entered.length));
      const v = produce(ext, ext === conj ? plan.constraints : mergeConstraints(ext.parts), this, ac, this.warnFn);
      if (v === NONE) continue;
      if (!plan.needsCheck || this.validator.isValid(v, s)) return v;
      if (!ext.disjunctions.some((d) => d.kind === "oneOf")) continue;
      const exclusive = makeExclusive(v, ext, this, this.resolveFn);
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

  private plan(s: MockSchema, cache: boolean): Plan {
    let plan = this.plans.get(s);
    if (!plan) {
      plan = makePlan(s, this.resolveFn);
      if (cache) this.plans.set(s, plan);
    }
    return plan;
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
    const reused = this.reuse(name, c);
    if (reused) return reused.value;
    const seen = c.stack.filter((x) => x === name).length;
    return this.gen(target, { ...c, stack: [...c.stack, name], minimal: c.minimal || seen >= RECURSION_EXPANSIONS, hint: { name: c.hint.name, owner: normalizeName(name) }, self: name });
  }

  /** A value for a schema that allows anything. */
  private any(c: Ctx): unknown {
    return stringsByName(c.hint, c.rng)[0] ?? c.rng.pick(WORDS);
  }

  private discriminatorIndex(): Map<string, DiscriminatorValue> {
    return (this.discriminators ??= discriminatorValues(Object.values(this.options.schemas)));
  }

  protected warnOnce(pointer: string | undefined, message: string): void {
    const key = `${pointer}\u0000${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.options.warn?.(pointer ?? "#", message);
  }
}
