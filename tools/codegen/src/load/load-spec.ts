import { resolve } from "node:path";
import { readDocument } from "./read-document.js";
import { bundleRefs } from "./bundle-refs.js";
import { convertSwagger2 } from "./swagger2.js";
import { SpecError } from "./spec-error.js";

export interface LoadedSpec {
  file: string;
  sourceVersion: "2.0" | "3.0" | "3.1";
  /** OpenAPI 3.x document whose `$ref`s are all local (`#/…`). */
  document: Record<string, unknown>;
}

/**
 * Reads a spec (2.0, 3.0 or 3.1; JSON or YAML; one file or many) into one 3.x document.
 * `parsed` is the root file's content when the caller has it already (the dev loop's bundle).
 */
export async function loadSpec(path: string, parsed?: Record<string, unknown>): Promise<LoadedSpec> {
  const file = resolve(path);
  let doc = parsed ?? (readDocument(file) as Record<string, unknown>);
  let sourceVersion: LoadedSpec["sourceVersion"];
  if (typeof doc.swagger === "string" && doc.swagger.startsWith("2.")) {
    sourceVersion = "2.0";
    doc = await convertSwagger2(file, doc);
  } else if (typeof doc.openapi === "string" && /^3\.0\./.test(doc.openapi)) {
    sourceVersion = "3.0";
  } else if (typeof doc.openapi === "string" && /^3\.[12]\./.test(doc.openapi)) {
    sourceVersion = "3.1";
  } else {
    const found = doc.openapi ?? doc.swagger;
    throw new SpecError(
      file,
      doc.openapi !== undefined ? "#/openapi" : "#",
      found === undefined
        ? "not an OpenAPI document: no `openapi` or `swagger` version field"
        : `unsupported version ${JSON.stringify(found)} (supported: 2.0, 3.0.x, 3.1.x)`,
    );
  }
  return { file, sourceVersion, document: bundleRefs(file, doc) };
}
