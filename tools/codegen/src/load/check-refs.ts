import { SpecError, getAtPointer, joinPointer, parsePointer } from "./spec-error.js";

/** At most this many broken references are listed; the count says how many more there are. */
const LIST_AT_MOST = 50;

/**
 * Every local `$ref` of the bundled document must resolve. They are all checked before the model
 * is built, so a spec with ten broken references is fixed in one round, not ten: one error that
 * lists each with the pointer it is written at. Returns the distinct local references.
 */
export function checkLocalRefs(file: string, doc: Record<string, unknown>): Set<string> {
  const broken: { at: string; ref: string }[] = [];
  const resolves = new Map<string, boolean>();
  const stack: [unknown, string][] = [[doc, "#"]];
  while (stack.length) {
    const [node, at] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) if (typeof node[i] === "object") stack.push([node[i], `${at}/${i}`]);
      continue;
    }
    const obj = node as Record<string, unknown>;
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const v = obj[k];
      if (k === "$ref" && typeof v === "string" && v.startsWith("#")) {
        let ok = resolves.get(v);
        if (ok === undefined) resolves.set(v, (ok = getAtPointer(doc, parsePointer(v)) !== undefined));
        if (!ok) broken.push({ at, ref: v });
      } else if (v !== null && typeof v === "object") stack.push([v, joinPointer(at, k)]);
    }
  }
  if (broken.length === 0) return new Set(resolves.keys());
  if (broken.length === 1) throw new SpecError(file, broken[0]!.at, `$ref target not found: ${broken[0]!.ref}`);
  const list = broken
    .slice(0, LIST_AT_MOST)
    .map((b) => `\n  ${b.at}: ${b.ref}`)
    .join("");
  const more = broken.length > LIST_AT_MOST ? `\n  … and ${broken.length - LIST_AT_MOST} more` : "";
  throw new SpecError(file, broken[0]!.at, `${broken.length} $ref targets not found:${list}${more}`);
}
