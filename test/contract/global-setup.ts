import { existsSync, readFileSync } from "node:fs";
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
  // A spec with webhooks only (a scaffolded project may have one): Prism refuses it, and there is
  // no operation to call; the suites then check that there is nothing to check.
  if (!hasOperations(spec)) {
    project.provide("prismUrl", "http://127.0.0.1:9");
    project.provide("prismSpec", spec);
    return;
  }
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

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Whether the JSON document has at least one operation under `paths`. */
function hasOperations(file: string): boolean {
  const paths = (JSON.parse(readFileSync(file, "utf8")) as { paths?: Record<string, object | null> }).paths ?? {};
  return Object.values(paths).some((item) => item !== null && typeof item === "object" && METHODS.some((m) => m in item));
}
