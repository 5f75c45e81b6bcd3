import { compileZod } from "../zod/compile.js";
import { AjvSpec } from "./ajv-schema.js";
import { FAIL, InstanceGen } from "./instances.js";
import { isDeliberate } from "./deliberate.js";

export interface Disagreement {
  component: string;
  instance: unknown;
  zod: boolean | "threw";
  ajv: boolean;
  detail: string;
}

export interface SpecResult {
  spec: string;
  components: number;
  /** Components checked (Ajv compiled them). */
  checked: number;
  /** Request/response variants checked the same way (against Ajv on the schema without the flagged properties). */
  variants: number;
  /** Components Ajv refuses to compile (e.g. a pattern invalid with the u flag), by reason. */
  ajvUncompilable: { component: string; reason: string }[];
  /** Components for which the generator could not build a valid-looking instance (still probed). */
  generatorSkipped: number;
  instances: number;
  ajvValid: number;
  /** Instances the generator meant to be valid, and how many of them Ajv accepts. */
  /** Instances on which Ajv itself threw (a schema that is an endless reference cycle), not compared. */
  ajvThrew: number;
  generatedValid: number;
  generatedValidAccepted: number;
  agree: number;
  deliberate: number;
  disagreements: Disagreement[];
  sampled?: string;
  emitMs: number;
  ms: number;
}

/** Plain JSON probes every schema gets, whatever it is. */
const PROBES: unknown[] = [null, true, 0, 1.5, -7, "", "x", [], [null], {}, { a: 1 }];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Validates generated instances of every component schema with the generated zod module and
 * with Ajv, and records where they disagree. `sample` keeps every n-th component (by a hash of
 * its name, so deterministically) for very large specs.
 */
export async function runAgreement(specPath: string, name: string, opts: { sample?: number } = {}): Promise<SpecResult> {
  const t0 = performance.now();
  const compiled = await compileZod(specPath, `agreement-${name}`);
  const doc = compiled.spec.document;
  const dialect = compiled.spec.sourceVersion === "3.1" ? "3.1" : "3.0";
  const ajv = new AjvSpec(doc, dialect);
  const ajvVariants = { request: new AjvSpec(doc, dialect, "request"), response: new AjvSpec(doc, dialect, "response") };
  const comps = (doc.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {};
  const names = Object.keys(comps);
  const res: SpecResult = {
    spec: name,
    components: names.length,
    checked: 0,
    variants: 0,
    ajvUncompilable: [],
    generatorSkipped: 0,
    instances: 0,
    ajvValid: 0,
    ajvThrew: 0,
    generatedValid: 0,
    generatedValidAccepted: 0,
    agree: 0,
    deliberate: 0,
    disagreements: [],
    emitMs: compiled.emitMs,
    ms: 0,
  };
  const selected = opts.sample && opts.sample > 1 ? names.filter((n) => hash(n) % opts.sample! === 0) : names;
  if (selected.length !== names.length) res.sampled = `${selected.length} of ${names.length} components (every component whose name hash is 0 mod ${opts.sample})`;
  const zodComponents = compiled.mod.components as Record<string, { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } }>;

  for (const component of selected) {
    let validate: ReturnType<AjvSpec["validator"]>;
    try {
      validate = ajv.validator(component);
    } catch (err) {
      res.ajvUncompilable.push({ component, reason: (err as Error).message.split("\n")[0]!.slice(0, 160) });
      continue;
    }
    res.checked++;
    const ident = compiled.model.schemaByName.get(component)!.ident;
    const targets: { label: string; schema: (typeof zodComponents)[string]; validate: typeof validate }[] = [{ label: component, schema: zodComponents[component]!, validate }];
    for (const mode of ["request", "response"] as const) {
      const variant = compiled.mod[`${ident}_${mode === "request" ? "Request" : "Response"}Schema`];
      if (!variant) continue;
      try {
        targets.push({ label: `${component} (${mode})`, schema: variant, validate: ajvVariants[mode].validator(component) });
        res.variants++;
      } catch (err) {
        res.ajvUncompilable.push({ component: `${component} (${mode})`, reason: (err as Error).message.split("\n")[0]!.slice(0, 160) });
      }
    }
    const ir = compiled.model.schemaByName.get(component)!.schema;
    const instances: unknown[] = [...PROBES];
    const intended = new Set<string>();
    let generated = 0;
    for (const seed of [1, 2, 3]) {
      const gen = new InstanceGen(compiled.model, hash(component) + seed);
      const v = gen.valid(ir);
      if (v === FAIL) continue;
      generated++;
      intended.add(JSON.stringify(v));
      instances.push(v, ...gen.mutations(ir, v));
    }
    if (generated === 0) res.generatorSkipped++;
    const seen = new Set<string>();
    for (const instance of instances) {
      const key = JSON.stringify(instance);
      if (seen.has(key)) continue;
      seen.add(key);
      const value = JSON.parse(key) as unknown; // exactly what JSON can carry
      for (const t of targets) check(t.label, t.schema, t.validate, value, t === targets[0] && intended.has(key));
    }
  }
  res.ms = performance.now() - t0;
  return res;

  function check(component: string, schema: (typeof zodComponents)[string], validate: ReturnType<AjvSpec["validator"]>, value: unknown, generatedValid: boolean): void {
      let ajvOk: boolean;
      try {
        ajvOk = validate(value) === true;
      } catch {
        res.ajvThrew++;
        return;
      }
      res.instances++;
      if (ajvOk) res.ajvValid++;
      if (generatedValid) {
        res.generatedValid++;
        if (ajvOk) res.generatedValidAccepted++;
      }
      let zodOk: boolean | "threw";
      let detail = "";
      try {
        const r = schema.safeParse(value);
        zodOk = r.success;
        if (!r.success) detail = JSON.stringify(r.error?.issues.slice(0, 3));
      } catch (err) {
        zodOk = "threw";
        detail = (err as Error).message;
      }
      if (zodOk === ajvOk) {
        res.agree++;
        return;
      }
      if (zodOk !== "threw" && isDeliberate(name, component, value, zodOk, ajvOk, doc)) {
        res.deliberate++;
        return;
      }
      if (!ajvOk) detail = JSON.stringify(validate.errors?.slice(0, 3));
      res.disagreements.push({ component, instance: value, zod: zodOk, ajv: ajvOk, detail: detail.slice(0, 600) });
  }
}

export function reportTable(results: SpecResult[]): string {
  const rows = [
    "| spec | components | checked (+ variants) | Ajv cannot compile | generator skips | instances | Ajv-valid | generated valid (Ajv agrees) | agree | deliberate | disagree | agreement |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const rate = r.instances ? (((r.agree + r.deliberate) / r.instances) * 100).toFixed(2) : "—";
    rows.push(
      `| ${r.spec}${r.sampled ? " (sampled)" : ""} | ${r.components} | ${r.checked}${r.variants ? ` (+${r.variants})` : ""} | ${r.ajvUncompilable.length} | ${r.generatorSkipped} | ${r.instances} | ${r.ajvValid} | ${r.generatedValid} (${r.generatedValidAccepted}) | ${r.agree} | ${r.deliberate} | ${r.disagreements.length} | ${rate}% |`,
    );
  }
  return rows.join("\n");
}
