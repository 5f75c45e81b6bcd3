// openapi-typescript, run in a worker thread (see emit-types.ts). The worker loads the spec itself,
// so it starts before the main thread has parsed anything and no 10+ MB document is cloned
// between threads.
import { loadSpec } from "../../load/load-spec.js";
import { OTS_OPTIONS } from "./ots-options.mjs";

export async function run(input: { spec: string }): Promise<string> {
  // Both start at once: the TypeScript compiler inside openapi-typescript takes ~0.4 s to load.
  const [{ default: openapiTS, astToString }, { document }] = await Promise.all([import("openapi-typescript"), loadSpec(input.spec)]);
  return astToString(await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], OTS_OPTIONS));
}
