import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { SpecError } from "./spec-error.js";

/**
 * Reads one JSON or YAML file. A UTF-8 BOM is dropped; JSON goes through JSON.parse because
 * it is an order of magnitude faster than a YAML parser on multi-megabyte specs.
 */
export function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new SpecError(file, "", `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`, undefined, { cause: err });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(text);
    } catch {
      // Not strict JSON (comments, trailing commas…): YAML 1.2 is a superset, let it try.
    }
  }
  // Loaded only for YAML: it is a third of the CLI's module loading, and big specs are mostly JSON.
  const { parseDocument } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new SpecError(file, "", `invalid YAML: ${e.message.split("\n")[0]}`, line);
  }
  const value = doc.toJS({ maxAliasCount: -1 });
  if (value === null || typeof value !== "object") {
    throw new SpecError(file, "", "the document is not an object");
  }
  return value;
}
