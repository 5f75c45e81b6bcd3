import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startPrism, type PrismProcess } from "../support/prism.js";
import { snapshotSpec } from "./support/snapshot.js";

const mockSpec = fileURLToPath(new URL("../../packages/mocks/src/generated/openapi.mock.json", import.meta.url));
// The JSON form of the bundle: Prism's YAML loader drops the blank line that ends the SSE example's
// last event (a `|+` block), so served from openapi.yaml the stream never dispatches `done`.
const bundledSpec = fileURLToPath(new URL("../../spec/dist/openapi.json", import.meta.url));

let prism: PrismProcess | undefined;
let snapshot: ReturnType<typeof snapshotSpec> | undefined;

/**
 * One Prism for the whole contract suite: it takes seconds to start, the calls take milliseconds.
 * The mock spec carries the mocks' fixtures as media examples, so Prism answers what the MSW
 * handlers answer; the bundle is the fallback while the mocks are not generated.
 */
export async function setup(project: TestProject): Promise<void> {
  // CONTRACT_SPEC runs the suite on another spec, e.g. the bundle, to check the fallback still passes.
  const spec = process.env.CONTRACT_SPEC ?? (existsSync(mockSpec) ? mockSpec : bundledSpec);
  snapshot = snapshotSpec(spec);
  prism = await startPrism(snapshot.path);
  project.provide("prismUrl", prism.url);
  project.provide("prismSpec", spec);
}

export async function teardown(): Promise<void> {
  await prism?.stop();
  snapshot?.remove();
  prism = undefined;
  snapshot = undefined;
}
