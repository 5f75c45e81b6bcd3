import { dirname, relative, resolve } from "node:path";
import { readDocument } from "./read-document.js";
import { bundleRefs } from "./bundle-refs.js";
import { convertSwagger2 } from "./swagger2.js";
import { expandQuerystringParams } from "./querystring-params.js";
import { SpecError, specWarning } from "./spec-error.js";
import { checkLocalRefs, type BrokenRef } from "./check-refs.js";
import { hoistDeepRefs } from "./hoist-deep-refs.js";
import { inlineMediaTypeRefs } from "./media-type-refs.js";
import { dropNonFinite } from "./non-finite.js";
import { dropDuplicateOperationIds } from "./duplicate-operation-ids.js";
import { undeclaredPathParams } from "./path-template-params.js";
import type { IRWarning } from "../ir/types.js";

export interface LoadedSpec {
  file: string;
  sourceVersion: "2.0" | "3.0" | "3.1";
  /** OpenAPI 3.x document whose `$ref`s are all local (`#/…`). */
  document: Record<string, unknown>;
  /**
   * What loading refused, at its pointer: numbers JSON cannot carry (YAML's `.inf`, `-.inf`,
   * `.nan`; non-finite.ts). buildModel reports them with its own warnings.
   */
  warnings?: IRWarning[];
}

/**
 * Reads a spec (2.0, 3.0, 3.1 or 3.2; JSON or YAML; one file or many) into one 3.x document.
 * `parsed` is the root file's content when the caller has it already (the dev loop's bundle).
 */
export async function loadSpec(path: string, parsed?: Record<string, unknown>): Promise<LoadedSpec> {
  const file = resolve(path);
  const readWarnings: IRWarning[] = [];
  // What reading let through but lost, at its pointer; in another file of a split spec, after its name.
  const warnRead = (from: string) => (pointer: string, problem: string) =>
    readWarnings.push(specWarning(from === file ? pointer : `${relative(dirname(file), from).split("\\").join("/")}${pointer}`, problem));
  let doc = parsed ?? (readDocument(file, warnRead(file)) as Record<string, unknown>);
  let sourceVersion: LoadedSpec["sourceVersion"];
  if (typeof doc.swagger === "string" && doc.swagger.startsWith("2.")) {
    sourceVersion = "2.0";
    checkRequiredTop(file, doc, sourceVersion);
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
        : typeof found === "number"
          ? versionAsNumber(doc.openapi !== undefined ? "openapi" : "swagger", found)
          : `unsupported version ${JSON.stringify(found)} (supported: 2.0, 3.0.x, 3.1.x, 3.2.x)`,
    );
  }
  if (sourceVersion !== "2.0") checkRequiredTop(file, doc, sourceVersion);
  // Broken references into other files and local ones are reported together, in one error.
  const broken: BrokenRef[] = [];
  const document = bundleRefs(file, doc, broken, warnRead);
  hoistDeepRefs(document, checkLocalRefs(file, document, broken));
  inlineMediaTypeRefs(document);
  // After bundling: once for every file, at the pointers the model's warnings use too.
  const warnings = [...readWarnings, ...dropNonFinite(document), ...dropDuplicateOperationIds(document, file), ...expandQuerystringParams(document, file), ...undeclaredPathParams(document)];
  return { file, sourceVersion, document, ...(warnings.length ? { warnings } : {}) };
}

/** `openapi: 3.0` unquoted is the number 3: "unsupported version 3" sent people looking for a 3 in the file. */
function versionAsNumber(field: string, found: number): string {
  const example = field === "openapi" ? '"3.0.3"' : '"2.0"';
  const written = Number.isInteger(found) ? `${found}.0` : String(found);
  return `the version was read as the number ${found} (YAML and JSON read an unquoted ${written} that way): quote it, e.g. ${field}: ${example}`;
}

/**
 * What the version requires at the top: 2.0 and 3.0 a `paths` object (an empty one is fine);
 * 3.1 at least one of `paths`, `webhooks` and `components`. A document without them is most
 * likely not the file meant (or a fragment of a split spec), and generating nothing from it
 * silently helps no one.
 */
function checkRequiredTop(file: string, doc: Record<string, unknown>, version: LoadedSpec["sourceVersion"]): void {
  const isMap = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (version !== "3.1") {
    if (doc.paths === undefined) throw new SpecError(file, "#", `OpenAPI ${version} requires a \`paths\` object (it may be empty); this document has none`);
    if (!isMap(doc.paths)) throw new SpecError(file, "#/paths", "`paths` must be an object");
    return;
  }
  if (doc.paths === undefined && doc.webhooks === undefined && doc.components === undefined) {
    throw new SpecError(file, "#", "OpenAPI 3.1 requires at least one of `paths`, `webhooks` and `components`; this document has none");
  }
  if (doc.paths !== undefined && !isMap(doc.paths)) throw new SpecError(file, "#/paths", "`paths` must be an object");
}
