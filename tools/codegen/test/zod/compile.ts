import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadSpec, type LoadedSpec } from "../../src/load/load-spec.js";
import { buildModel } from "../../src/ir/build-model.js";
import { emitZod } from "../../src/emit/zod/emit-zod.js";
import type { IRDocument, IRWarning } from "../../src/ir/types.js";

export const CODEGEN_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Scratch space (gitignored); inside the package so that `import "zod"` resolves. */
export const TMP = join(CODEGEN_ROOT, ".tmp", "zod-test");

export interface Compiled {
  spec: LoadedSpec;
  model: IRDocument;
  code: string;
  warnings: IRWarning[];
  file: string;
  /** The generated module, imported. */
  mod: Record<string, any>;
  emitMs: number;
}

/** Loads a spec (a file, or a document written to a scratch file), emits zod.gen.ts and imports it. */
export async function compileZod(spec: string | object, name: string): Promise<Compiled> {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  let path: string;
  if (typeof spec === "string") path = spec;
  else {
    path = join(dir, "spec.json");
    writeFileSync(path, JSON.stringify(spec, null, 2));
  }
  const loaded = await loadSpec(path);
  const model = buildModel(loaded);
  const warnings: IRWarning[] = [...model.warnings];
  const t0 = performance.now();
  const files = await emitZod({
    model,
    document: loaded.document,
    options: { typesImport: "./types.gen.js", zodImport: "./zod.gen.js", specLabel: name, seed: 1, warn: (pointer, message) => warnings.push({ pointer, message }) },
  });
  const emitMs = performance.now() - t0;
  const code = files[0]!.content;
  const file = join(dir, `zod-${Date.now()}-${Math.random().toString(36).slice(2)}.gen.ts`);
  writeFileSync(file, code);
  // A unique name per import (the module cache is keyed by URL); gone once loaded, so scratch does not pile up.
  let mod: Record<string, any>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, any>;
  } finally {
    rmSync(file, { force: true });
  }
  return { spec: loaded, model, code, warnings, file, mod, emitMs };
}

/** A minimal OpenAPI 3.1 (or 3.0) document with the given component schemas. */
export function docWith(schemas: Record<string, unknown>, version: "3.0.3" | "3.1.0" = "3.1.0", extra: Record<string, unknown> = {}): object {
  return { openapi: version, info: { title: "t", version: "1" }, paths: {}, components: { schemas }, ...extra };
}
