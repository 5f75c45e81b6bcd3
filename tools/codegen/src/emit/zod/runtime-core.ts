/** Emitted helpers: the schema type, the never-throwing wrapper, constants and compositions (see runtime.ts). */
import type { Helper } from "./runtime.js";

export const CORE: Record<string, Helper> = {
  // Each declared only where used: a consumer compiling with noUnusedLocals must not trip on them
  // (a spec without schemas uses none of these).
  $Z: {
    code: `/**
 * A zod schema inside this module. Typed \`unknown\` on purpose: tsc then never instantiates zod's
 * types per schema (the exported constants carry the real \`z.ZodType<T>\` types).
 */
type $Z = unknown;`,
  },
  $z: { deps: ["$Z"], code: `const $z = (s: unknown): $Z => s as $Z;` },
  $t: { deps: ["$Z"], code: `/** Inside the helpers zod's API is used untyped (\`any\`): its generic types cost tsc seconds. */\nconst $t = (s: $Z): any => s;` },
  $Re: { code: `type $Re = { test(s: string): boolean; source: string; lastIndex: number };` },
  $Key: { code: `type $Key = string | number | symbol;` },
  $m: { deps: ["$Z"], code: `/** Shared subschemas (\`$cN()\`), built on first use. */\nconst $m: $Z[] = [];` },
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
  $Object: {
    code: `/**
 * The type of a component exported as a real zod object: a \`z.ZodType<T>\` (\`z.infer\` is T) with
 * \`.shape\` and zod's object methods, each typed as zod types it (checked only where it is called).
 */
export interface $Object<T, S extends z.core.$ZodLooseShape, C extends z.core.$ZodObjectConfig> extends z.ZodType<T> {
  readonly shape: S;
  extend<U extends z.core.$ZodLooseShape>(shape: U): z.ZodObject<z.core.util.Extend<S, U>, C>;
  safeExtend<U extends z.core.$ZodLooseShape>(shape: U): z.ZodObject<z.core.util.Extend<S, U>, C>;
  pick<M extends z.core.util.Mask<keyof S>>(mask: M): z.ZodObject<z.core.util.Flatten<Pick<S, Extract<keyof S, keyof M>>>, C>;
  omit<M extends z.core.util.Mask<keyof S>>(mask: M): z.ZodObject<z.core.util.Flatten<Omit<S, Extract<keyof S, keyof M>>>, C>;
  partial(): z.ZodObject<{ [k in keyof S]: z.ZodOptional<S[k]> }, C>;
  required(): z.ZodObject<{ [k in keyof S]: z.ZodNonOptional<S[k]> }, C>;
  keyof(): z.ZodEnum<z.core.util.KeysEnum<S>>;
  strict(): z.ZodObject<S, z.core.$strict>;
  loose(): z.ZodObject<S, z.core.$loose>;
  catchall<U extends z.core.SomeType>(schema: U): z.ZodObject<S, z.core.$catchall<U>>;
}`,
  },
  $objectSchema: {
    deps: ["$Z"],
    code: `/**
 * Exports a real zod object (\`.shape\`, \`.extend()\`, \`.pick()\`, \`.partial()\`…) with the same
 * never-throw guarantee as the other exports: its own parse is wrapped in place. Schemas derived from it
 * with zod's methods are zod's own (the guarantee stays with the export).
 */
function $objectSchema<T>(schema: $Z): T {
  const s = $t(schema);
  if (s._zod.$guarded) return s as T;
  // Both entry points, each around its own original (run calls parse on the same instance).
  const guard = (inner: z.ZodType["_zod"]["run"]): z.ZodType["_zod"]["run"] => (payload, ctx) => {
    try {
      return inner(payload, ctx);
    } catch {
      payload.issues.push({ code: "custom", message: "Input too deeply nested or not validatable", input: payload.value, path: [] });
      return payload;
    }
  };
  s._zod.parse = guard(s._zod.parse);
  s._zod.run = guard(s._zod.run);
  s._zod.$guarded = true;
  return s as T;
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
};
