import { FORMATS, FORMAT_SUPPORT } from "./formats.js";
import { CORE } from "./runtime-core.js";
import { VALUES } from "./runtime-values.js";
import { CONTAINERS } from "./runtime-containers.js";

/**
 * Helpers emitted at the top of `zod.gen.ts` (only those used). Generated schemas are built
 * through them rather than through zod's fluent API so that the type checker only ever sees one
 * type, `$Z`: relating each concrete zod class to `ZodType` costs tsc about 40 ms per schema,
 * which made GitHub's module take 40 s to check. At runtime they are plain zod schemas.
 *
 * Names start with `$` (no identifier derived from a spec name can) and the helpers mention no
 * global type by name (a component called `Record` or `RegExp` would shadow it).
 */
export interface Helper {
  code: string;
  deps?: string[];
}

const H: Record<string, Helper> = { ...CORE, ...VALUES, ...CONTAINERS };

/**
 * Helper names a piece of generated code refers to. Not what only looks like one: a doc comment
 * line, a string literal (a pattern, a name) or a property key (`{ $in?: …; }`, the Mongo-style
 * query operators contract-p.fit's spec has): a helper declared for those alone is unused, which a
 * consumer's noUnusedLocals rejects.
 */
export function helpersIn(code: string): Set<string> {
  const found = new Set<string>();
  for (const line of code.split("\n")) {
    if (/^\s*(\/\*|\*|\/\/)/.test(line)) continue;
    // `\b` keeps `$in?:` from matching as `$i`.
    for (const m of line.replace(/"(?:[^"\\]|\\.)*"/g, '""').matchAll(/\$[A-Za-z_]\w*\b(?!\s*\??:)/g)) found.add(m[0]);
  }
  return found;
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
    // Helpers a helper mentions (types such as $Re) come with it, without listing them by hand.
    const code = def.code === undefined ? "" : Array.isArray(def.code) ? def.code.join("\n") : def.code;
    // Not from comments: a doc naming another helper must not emit it unused (noUnusedLocals).
    for (const d of helpersIn(code.replace(/\/\*[\s\S]*?\*\//g, ""))) if (d !== name && H[d]) visit(d);
    order.push(...(def.code === undefined ? [] : Array.isArray(def.code) ? def.code : [def.code]));
  };
  const names = [...used].sort().filter((name) => H[name] || FORMAT_SUPPORT[name] || findFormat(name));
  for (const name of names) visit(name);
  // The schema type and its two casts lead the module when anything uses them, as before they were optional.
  const first = new Set(["$Z", "$z", "$t"].filter((n) => seen.has(n)).map((n) => H[n]!.code as string));
  return [...first, ...order.filter((code) => !first.has(code))].join("\n");
}

function findFormat(helper: string): { code?: string[]; deps?: string[] } | undefined {
  return Object.values(FORMATS).find((f) => f.helper === helper && f.code);
}
