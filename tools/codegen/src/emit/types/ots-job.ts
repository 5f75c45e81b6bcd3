// openapi-typescript, run in a worker thread (see emit-types.ts). The worker loads the spec itself,
// so it starts before the main thread has parsed anything and no 10+ MB document is cloned
// between threads.
import { loadSpec } from "../../load/load-spec.js";

export async function run(input: { spec: string }): Promise<string> {
  // Both start at once: the TypeScript compiler inside openapi-typescript takes ~0.4 s to load.
  const [{ typesSource }, { document }] = await Promise.all([import("./ots-source.mjs"), loadSpec(input.spec)]);
  return typesSource(document);
}
