/**
 * A spec given as an object, generated (types + client) into a scratch folder, and its client
 * module imported from a folder inside this package, where @specforge/runtime resolves (to its
 * sources in this repo). For tests that run the generated client, not just read it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../src/generate.js";
import { CODEGEN_ROOT } from "../zod/compile.js";

export interface GeneratedClient {
  /** The generated client.gen.ts. */
  source: string;
  /** Its folder (with types.gen.ts), for a consumer's tsc. */
  out: string;
  /** The module: what it exports depends on the spec. */
  mod: any;
  /** Removes the folder the module was imported from. */
  done(): void;
}

export async function generatedClient(root: string, spec: object, tag: string): Promise<GeneratedClient> {
  const file = join(root, "spec.json");
  writeFileSync(file, JSON.stringify(spec));
  const out = join(root, "out");
  await generate({ spec: file, out, targets: ["types", "client"], workers: false });
  const runDir = join(CODEGEN_ROOT, ".tmp", `${tag}-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  for (const f of ["client.gen.ts", "types.gen.ts"]) writeFileSync(join(runDir, f), readFileSync(join(out, f)));
  try {
    return { source: readFileSync(join(out, "client.gen.ts"), "utf8"), out, mod: await import(join(runDir, "client.gen.ts")), done: () => rmSync(runDir, { recursive: true, force: true }) };
  } catch (e) {
    rmSync(runDir, { recursive: true, force: true });
    throw e;
  }
}
