import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { SpecError } from "./spec-error.js";
import { checkAliasExpansion } from "./alias-limit.js";
import { jsonDuplicateKeys } from "./json-duplicates.js";
import { yamlDuplicateKey } from "./yaml-duplicates.js";

/**
 * Reads one JSON or YAML file. A UTF-8 BOM is dropped; JSON goes through JSON.parse because
 * it is an order of magnitude faster than a YAML parser on multi-megabyte specs. A `.json` file
 * is JSON only: read as YAML, a trailing comma or a stray quote would pass without a word.
 * `warn` hears of what JSON.parse let through but lost (a key written twice), at its pointer.
 */
export function readDocument(file: string, warn?: (pointer: string, message: string) => void): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new SpecError(file, "", `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`, undefined, { cause: err });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const trimmed = text.trimStart();
  const jsonOnly = /\.json$/i.test(file);
  let jsonError: SpecError | undefined;
  if (jsonOnly || trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const value = JSON.parse(text) as unknown;
      if (warn) for (const d of jsonDuplicateKeys(text)) warn(d.pointer, `duplicate key ${JSON.stringify(d.key)} (line ${lineAt(text, d.offset)}); JSON.parse keeps only the last one`);
      return checkObject(file, value);
    } catch (err) {
      if (err instanceof SpecError) throw err;
      // Not strict JSON (comments, trailing commas…): YAML 1.2 is a superset, let it try; if
      // YAML fails too, the JSON error is the one that describes the file.
      jsonError = jsonSyntaxError(file, text, err as Error);
      if (jsonOnly) throw jsonError;
    }
  }
  let value: unknown;
  try {
    value = parseYaml(file, text);
  } catch (err) {
    throw jsonError ?? err;
  }
  checkAliasExpansion(file, value);
  return checkObject(file, value);
}

function checkObject(file: string, value: unknown): unknown {
  if (value === null || typeof value !== "object") throw new SpecError(file, "", "the document is not an object");
  return value;
}

const require = createRequire(import.meta.url);

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** JSON.parse's complaint with the line and column it points at ("at position 123" alone helps no one). */
function jsonSyntaxError(file: string, text: string, err: Error): SpecError {
  const message = err.message.replace(/^JSON\.parse: /, "");
  const pos = /at position (\d+)/.exec(message);
  const what = message.replace(/ in JSON at position \d+.*$| at position \d+.*$/, "");
  if (!pos) return new SpecError(file, "", `invalid JSON: ${what}`);
  const offset = Number(pos[1]);
  const line = lineAt(text, offset);
  const column = offset - text.lastIndexOf("\n", offset - 1);
  return new SpecError(file, "", `invalid JSON: ${what} (line ${line}, column ${column})`, line);
}

interface JsYaml {
  load(text: string, options: { schema: unknown; json: boolean }): unknown;
  CORE_SCHEMA: { extend(types: { implicit: unknown[] }): unknown };
  types: { merge: unknown };
}

let coreWithMerge: unknown;

/**
 * YAML 1.2 (core schema: `2024-10-01` stays a string) with merge keys (`<<: *base`, which specs
 * use to share a schema's parts; without them the schema became `unknown`). A key written twice
 * in one mapping is an error: the loader would keep the last and drop, say, an operation.
 * js-yaml parses it 5× faster than `yaml` (openai's 3 MB spec: 0.12 s against 0.65 s), so it goes
 * first; whatever it rejects goes to `yaml`, which accepts a little more and words errors with a
 * line (and finds the pointer of a duplicate key). Both load lazily: they are most of the CLI's
 * module loading, and big specs are mostly JSON.
 */
function parseYaml(file: string, text: string): unknown {
  const jsYaml = require("js-yaml") as JsYaml;
  coreWithMerge ??= jsYaml.CORE_SCHEMA.extend({ implicit: [jsYaml.types.merge] });
  try {
    return jsYaml.load(text, { schema: coreWithMerge, json: false });
  } catch {
    // A `<<` whose value is not a mapping (`<<: left shift` in an example) is a plain key in YAML
    // 1.2, as it was here before merges: read so rather than refused.
    try {
      return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
    } catch {
      // Fall through: `yaml` either reads it or says where it is broken.
    }
  }
  const yaml = require("yaml") as typeof import("yaml");
  const lines = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { uniqueKeys: false, merge: true, prettyErrors: true, lineCounter: lines });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const at = e.linePos?.[0];
    const what = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new SpecError(file, "", `invalid YAML: ${what}${at ? ` (line ${at.line}, column ${at.col})` : ""}`, at?.line);
  }
  const dup = yamlDuplicateKey(yaml, doc, lines);
  if (dup) {
    throw new SpecError(file, dup.pointer, `duplicate key ${JSON.stringify(dup.key)} (first at line ${dup.firstLine}); YAML keeps only the last one, so the first would be lost`, dup.line);
  }
  try {
    return doc.toJS({ maxAliasCount: -1 });
  } catch (e) {
    // "Merge sources must be maps or map aliases": a `<<` that is a plain key (see above).
    const plain = yaml.parseDocument(text, { uniqueKeys: false, merge: false });
    try {
      return plain.toJS({ maxAliasCount: -1 });
    } catch {
      throw new SpecError(file, "", `invalid YAML: ${(e as Error).message}`);
    }
  }
}
