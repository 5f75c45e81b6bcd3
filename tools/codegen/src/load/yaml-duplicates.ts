import type { Document, LineCounter, Node } from "yaml";

type Yaml = typeof import("yaml");
import { joinPointer } from "./spec-error.js";

export interface YamlDuplicate {
  pointer: string;
  key: string;
  line: number;
  firstLine: number;
}

/**
 * The first key written twice in one mapping of a parsed YAML document (a merge key `<<` aside):
 * a YAML loader keeps the last, so an operation under a repeated path is lost without a word.
 * `yaml` is the module, which its caller loads lazily.
 */
export function yamlDuplicateKey(yaml: Yaml, doc: Document, lines: LineCounter): YamlDuplicate | undefined {
  const { isMap, isSeq, isScalar } = yaml;
  // With merges on, `yaml` reads a merge key as Symbol(<<).
  const keyText = (key: unknown): string => {
    const v = isScalar(key) ? key.value : key;
    return typeof v === "symbol" ? "<<" : String(v);
  };
  const lineOf = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lines.linePos(range[0]).line : 0;
  };
  const walk = (node: unknown, pointer: string): YamlDuplicate | undefined => {
    if (isMap(node)) {
      const seen = new Map<string, unknown>();
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (key === "<<") continue;
        const first = seen.get(key);
        if (first !== undefined) return { pointer, key, line: lineOf(pair.key), firstLine: lineOf(first) };
        seen.set(key, pair.key);
      }
      for (const pair of node.items) {
        const key = keyText(pair.key);
        const hit = walk(pair.value, joinPointer(pointer, key));
        if (hit) return hit;
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const hit = walk(node.items[i], joinPointer(pointer, i));
        if (hit) return hit;
      }
    }
    return undefined;
  };
  return walk(doc.contents as Node, "#");
}
