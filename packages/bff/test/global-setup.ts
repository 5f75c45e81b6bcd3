import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startPrism, type PrismProcess } from "../../../test/support/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

let prism: PrismProcess | undefined;
let dir: string | undefined;

/**
 * A real Prism mock of the API for the BFF to sit in front of. It serves a private copy of the
 * mocks' spec: Prism restarts whenever the file it serves changes, and regenerating rewrites it.
 */
export async function setup(project: TestProject): Promise<void> {
  const spec = createRequire(import.meta.url).resolve("@specforge/mocks/openapi.mock.json");
  dir = mkdtempSync(join(tmpdir(), "specforge-bff-"));
  const copy = join(dir, "openapi.mock.json");
  writeFileSync(copy, readFileSync(spec, "utf8"));
  prism = await startPrism(copy);
  project.provide("prismUrl", prism.url);
}

export async function teardown(): Promise<void> {
  await prism?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
