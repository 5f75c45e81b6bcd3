import { dirname, resolve } from "node:path";
import { readDocument } from "./read-document.js";

const REMOTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The spec and every file its `$ref`s reach, as absolute paths: what generating reads, so what
 * replacing an output folder must never delete. It never throws: a file it cannot read or parse
 * ends the walk there (loading the spec reports it), and a `$ref` anywhere counts, even inside an
 * example, since erring on the side of a file kept costs nothing.
 */
export function inputFiles(spec: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    let doc: unknown;
    try {
      doc = readDocument(file);
    } catch {
      return;
    }
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== "object") return;
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string" && !v.startsWith("#")) {
          const part = v.split("#")[0]!;
          if (part === "" || REMOTE.test(part) || part.startsWith("//")) continue;
          let decoded = part;
          try {
            decoded = decodeURI(part);
          } catch {
            // Kept as written: loading reports the malformed reference.
          }
          visit(resolve(dirname(file), decoded));
        } else walk(v);
      }
    };
    walk(doc);
  };
  visit(resolve(spec));
  return [...seen];
}
