import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Json = Record<string, any>;

/** The contract the run checks against, JSON or YAML: its operations and schemas drive the run, not the workspace's bundle. */
export function readSpecFile(file: string): Json {
  const text = readFileSync(file, "utf8");
  const doc = (file.endsWith(".json") ? JSON.parse(text) : parse(text)) as unknown;
  if (!doc || typeof doc !== "object" || !("paths" in doc)) throw new Error(`${file} is not an OpenAPI document (no paths)`);
  return doc as Json;
}
