import { createRequire } from "node:module";
import { SpecError } from "./spec-error.js";
import { checkFileRefs } from "./ref-root.js";

const require = createRequire(import.meta.url);

/** Converts a Swagger 2.0 document to OpenAPI 3.0 with swagger2openapi, in patch mode. */
export async function convertSwagger2(file: string, doc: Record<string, unknown>): Promise<Record<string, unknown>> {
  const s2o = require("swagger2openapi") as {
    convertObj(doc: unknown, options: Record<string, unknown>): Promise<{ openapi: Record<string, unknown> }>;
  };
  // swagger2openapi follows external references itself (URLs included): they are checked first.
  checkFileRefs(file, doc);
  try {
    // patch: fix small real-world mistakes instead of refusing; resolve: follow external refs.
    const out = await s2o.convertObj(structuredClone(doc), {
      patch: true,
      warnOnly: true,
      resolve: true,
      source: file,
      direct: false,
    });
    return out.openapi;
  } catch (err) {
    const e = err as Error & { options?: { context?: string[] } };
    const ptr = e.options?.context?.at(-1) ?? "";
    throw new SpecError(file, ptr, `cannot convert Swagger 2.0: ${e.message}`, undefined, { cause: err });
  }
}
