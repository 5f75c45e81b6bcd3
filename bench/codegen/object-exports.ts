/**
 * How many object components of a spec our zod module exports as real zod objects (`.shape`,
 * `.extend()`, `.pick()`, `.omit()`, `.partial()`), the target being ≥ 90 % on GitHub's
 * REST spec. An object component is a component schema with `type: object`, or `properties` /
 * `additionalProperties` / `patternProperties` and no other type, or an `allOf` whose members are
 * all such (by $ref or inline). The export is checked at run time on the generated module, not on
 * its text. Those that are not zod objects are listed with their keywords.
 *
 *   npx tsx bench/codegen/object-exports.ts [--spec <path>]   (default: GitHub's, fetched like run.ts)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { CODEGEN, REPO, TSX } from "./ours.js";
import { ensureGithubSpec } from "./peers.js";

const { values } = parseArgs({ options: { spec: { type: "string" } } });
const spec = values.spec ?? (await ensureGithubSpec(join(REPO, "bench", ".peers"), 600_000, (m) => process.stderr.write(`bench: ${m}\n`)));
// Inside the codegen package: the module's `zod` import resolves to its devDependency.
const out = join(CODEGEN, ".tmp", `object-exports-${process.pid}`);
mkdirSync(out, { recursive: true });
try {
  execFileSync(TSX, [join(CODEGEN, "src", "cli.ts"), "--spec", spec, "--out", out, "--targets", "zod", "--quiet"], { stdio: ["ignore", "ignore", "inherit"] });
  const doc = JSON.parse(readFileSync(spec, "utf8")) as { components?: { schemas?: Record<string, Schema> }; definitions?: Record<string, Schema> };
  const schemas = doc.components?.schemas ?? doc.definitions ?? {};
  const mod = (await import(pathToFileURL(join(out, "zod.gen.ts")).href)) as { components: Record<string, Record<string, unknown>> };

  const objects = Object.keys(schemas).filter((name) => isObject(schemas[name]!, schemas, new Set()));
  const real = objects.filter((name) => {
    const s = mod.components[name];
    return !!s && typeof s.shape === "object" && ["extend", "pick", "omit", "partial"].every((m) => typeof s[m] === "function");
  });
  const missing = objects.filter((n) => !real.includes(n));
  // Broader: every component typed object or listing properties, with oneOf/anyOf too (those are
  // unions of objects, which zod cannot give one .shape without changing what validates).
  const broad = Object.keys(schemas).filter((n) => schemas[n]!.type === "object" || !!schemas[n]!.properties || objects.includes(n));
  const broadReal = broad.filter((n) => real.includes(n) || (typeof mod.components[n]?.shape === "object" && typeof mod.components[n]?.extend === "function"));
  const pct = objects.length ? (100 * real.length) / objects.length : 100;
  console.log(`${spec.split("/").pop()}: ${real.length} of ${objects.length} object components (${pct.toFixed(1)} %) export a zod object (.shape/.extend/.pick/.omit/.partial); ${Object.keys(schemas).length} components in all`);
  console.log(`  counting every component typed object or with properties (oneOf/anyOf included): ${broadReal.length} of ${broad.length} (${((100 * broadReal.length) / (broad.length || 1)).toFixed(1)} %)`);
  const why = new Map<string, string[]>();
  for (const n of missing) {
    const key = Object.keys(schemas[n]!).filter((k) => !["description", "title", "example", "examples", "properties", "required", "type"].includes(k)).sort().join(", ") || "(plain)";
    why.set(key, [...(why.get(key) ?? []), n]);
  }
  for (const [key, names] of [...why].sort((a, b) => b[1].length - a[1].length)) console.log(`  not a zod object, keywords ${key}: ${names.length} (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""})`);
} finally {
  rmSync(out, { recursive: true, force: true });
}

type Schema = Record<string, unknown>;

function isObject(s: Schema, all: Record<string, Schema>, seen: Set<Schema>): boolean {
  if (seen.has(s)) return false;
  seen.add(s);
  if (typeof s.$ref === "string") {
    const target = all[decodeURIComponent(s.$ref.split("/").pop()!).replace(/~1/g, "/").replace(/~0/g, "~")];
    return !!target && isObject(target, all, seen);
  }
  if (s.type === "object") return !s.oneOf && !s.anyOf;
  if (s.type === undefined && (s.properties || s.additionalProperties !== undefined || s.patternProperties) && !s.oneOf && !s.anyOf) return true;
  if (Array.isArray(s.allOf) && s.type === undefined && !s.oneOf && !s.anyOf) return (s.allOf as Schema[]).every((m) => isObject(m, all, seen));
  return false;
}
