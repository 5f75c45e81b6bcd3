// openapi-typescript, run in a worker thread (see emit-types.ts). The worker loads the spec itself,
// so it starts before the main thread has parsed anything and no 10+ MB document is cloned
// between threads.
import { loadSpec } from "../../load/load-spec.js";

export async function run(input: { spec: string }): Promise<string> {
  // Both start at once: the TypeScript compiler inside openapi-typescript takes ~0.4 s to load.
  const [{ default: openapiTS, astToString }, { document }] = await Promise.all([import("openapi-typescript"), loadSpec(input.spec)]);
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
    silent: true,
    alphabetize: false,
    // A default does not make a property present: requests may omit it, and JSON Schema does not
    // promise a response includes it (this also matches the zod module's inferred types).
    defaultNonNullable: false,
  });
  return astToString(ast);
}
