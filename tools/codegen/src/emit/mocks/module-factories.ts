/** The `make<Component>()` factories of mocks.gen.ts and their run-time helpers. */
import { jsDoc, stringLiteral } from "../inert.js";
import type { FixtureSet } from "./collect.js";
import { componentType } from "./ts-types.js";

const RUNTIME = `// ── Factories ──

/** Options of the \`make*\` factories. */
export interface FactoryOptions {
  /**
   * Build the fixture from another seed: deterministic, generated from the schema alone (spec
   * examples are what the default fixture shows, so other seeds skip them). Default: \`seed\`.
   */
  seed?: number;
}

/** Shallow overrides: given keys replace the fixture's (\`undefined\` removes one); other values replace it whole. */
export type Overrides<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: T[K] | undefined } : T;

let table: { schemas: Record<string, MockSchema>; recursive: string[] } | undefined;
const generators = new Map<number, MockGenerator>();

function generatorFor(s: number): MockGenerator {
  table ??= JSON.parse(schemaTable) as { schemas: Record<string, MockSchema>; recursive: string[] };
  let g = generators.get(s);
  if (!g) generators.set(s, (g = new MockGenerator({ seed: s, schemas: table.schemas, recursive: table.recursive })));
  return g;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function make<T>(base: T, name: string, overrides: unknown, options: FactoryOptions | undefined): T {
  const source: unknown = options?.seed === undefined || options.seed === seed ? base : generatorFor(options.seed).component(name, 0, true);
  const value: unknown = source === undefined ? source : JSON.parse(JSON.stringify(source));
  if (overrides === undefined) return value as T;
  if (!isPlainObject(value) || !isPlainObject(overrides)) return overrides as T;
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete value[k];
    else Object.defineProperty(value, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return value as T;
}
`;

export function factoriesSection(set: FixtureSet): string {
  const out = [RUNTIME];
  for (const c of set.components) {
    const t = componentType(c.name);
    out.push(jsDoc([`A fresh \`${c.name}\` fixture (\`components.schemas\`), with \`overrides\` applied; \`{ seed }\` builds another one.`], ""));
    out.push(`export function make${c.ident}(overrides?: Overrides<${t}>, options?: FactoryOptions): ${t} {`, `  return make($${c.ident}, ${stringLiteral(c.name)}, overrides, options);`, `}`, "");
  }
  return out.join("\n");
}
