import type { IRMeta } from "./types.js";

export function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Annotations; `example` (3.0) and `examples` (3.1 array) end up in one list. */
export function buildMeta(s: Record<string, unknown>): IRMeta {
  const meta: IRMeta = {};
  if (typeof s.title === "string") meta.title = s.title;
  if (typeof s.description === "string") meta.description = s.description;
  if (s.deprecated === true) meta.deprecated = true;
  if (s.readOnly === true) meta.readOnly = true;
  if (s.writeOnly === true) meta.writeOnly = true;
  if ("default" in s) {
    meta.hasDefault = true;
    meta.default = s.default;
  }
  const examples: unknown[] = [];
  if ("example" in s) examples.push(s.example);
  if (Array.isArray(s.examples)) examples.push(...s.examples);
  if (examples.length) meta.examples = examples;
  return meta;
}
