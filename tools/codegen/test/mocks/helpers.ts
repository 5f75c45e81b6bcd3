/** Small specs written on the fly, loaded through the real loader and model builder. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpec, type LoadedSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/ir/build-model.js";
import type { IRDocument } from "../../src/ir/types.js";
import { MockGenerator } from "../../../../packages/runtime/src/mocks/index.js";
import { DocumentValidator } from "./ajv-support.js";

export interface Loaded {
  spec: LoadedSpec;
  model: IRDocument;
}

/** An OpenAPI 3.1 (or `openapi` given) document with these component schemas and paths. */
export async function load(schemas: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Loaded> {
  const doc = { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {}, ...extra, components: { schemas, ...((extra.components as object) ?? {}) } };
  // The loader reads the file whole: its folder goes as soon as it has (tests leave nothing in /tmp).
  const dir = mkdtempSync(join(tmpdir(), "mocks-"));
  try {
    writeFileSync(join(dir, "openapi.json"), JSON.stringify(doc));
    const spec = await loadSpec(join(dir, "openapi.json"));
    return { spec, model: buildModel(spec) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function generator(model: IRDocument, seed = 1, warn?: (pointer: string, message: string) => void): MockGenerator {
  return new MockGenerator({
    seed,
    schemas: Object.fromEntries(model.schemas.map((s) => [s.name, s.schema])),
    recursive: model.schemas.filter((s) => s.recursive).map((s) => s.name),
    ...(warn ? { warn } : {}),
  });
}

/** Generates every component with `seed` and checks each against Ajv; returns the values. */
export async function fixturesOf(schemas: Record<string, unknown>, seed = 1): Promise<{ values: Record<string, unknown>; problems: string[]; warnings: string[] }> {
  const { spec, model } = await load(schemas);
  const warnings: string[] = [];
  const g = generator(model, seed, (p, m) => warnings.push(`${p}: ${m}`));
  const ajv = new DocumentValidator(spec.document, spec.sourceVersion);
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const name of Object.keys(schemas)) {
    values[name] = g.component(name);
    const p = ajv.check(`#/components/schemas/${name}`, values[name]);
    if (p) problems.push(`${name}: ${p} — ${JSON.stringify(values[name])}`);
  }
  return { values, problems, warnings };
}
