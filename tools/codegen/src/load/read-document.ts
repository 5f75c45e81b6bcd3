import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { SpecError } from "./spec-error.js";
import { checkAliasExpansion } from "./alias-limit.js";

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
  let jsonError: SpecError | undefined;
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(text);
    } catch (err) {
      // Not strict JSON (comments, trailing commas…): YAML 1.2 is a superset, let it try; if
      // YAML fails too, the JSON error is the one that describes the file.
      jsonError = jsonSyntaxError(file, text, err as Error);
    }
  }
  let value: unknown;
  try {
    value = parseYaml(file, text);
  } catch (err) {
    throw jsonError ?? err;
  }
  checkAliasExpansion(file, value);
  if (value === null || typeof value !== "object") {
    throw new SpecError(file, "", "the document is not an object");
  }
  return value;
}

const require = createRequire(import.meta.url);

/** JSON.parse's complaint with the line it points at ("at position 123" alone helps no one). */
function jsonSyntaxError(file: string, text: string, err: Error): SpecError {
  const message = err.message.replace(/^JSON\.parse: /, "");
  const pos = /at position (\d+)/.exec(message);
  const line = pos ? text.slice(0, Number(pos[1])).split("\n").length : undefined;
  return new SpecError(file, "", `invalid JSON: ${message.replace(/ in JSON at position \d+.*$| at position \d+.*$/, "")}`, line);
}

interface JsYaml {
  load(text: string, options: { schema: unknown; json: boolean }): unknown;
  CORE_SCHEMA: unknown;
}

/**
 * YAML 1.2 (core schema: `2024-10-01` stays a string; a repeated key keeps its last value). js-yaml
 * parses it 5× faster than `yaml` (openai's 3 MB spec: 0.12 s against 0.65 s), so it goes first;
 * whatever it rejects goes to `yaml`, which accepts a little more and words errors with a line.
 * Both load lazily: they are most of the CLI's module loading, and big specs are mostly JSON.
 */
function parseYaml(file: string, text: string): unknown {
  const jsYaml = require("js-yaml") as JsYaml;
  try {
    return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true });
  } catch {
    // Fall through: `yaml` either reads it or says where it is broken.
  }
  const { parseDocument } = require("yaml") as typeof import("yaml");
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new SpecError(file, "", `invalid YAML: ${e.message.split("\n")[0]}`, line);
  }
  return doc.toJS({ maxAliasCount: -1 });
}
